package io.partnerplan.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a platform team asks of every workload: probes, requests and limits, a locked-down
 * security context, and the companions (Service, HPA, PDB, ServiceMonitor, NetworkPolicy).
 */
class WorkloadPolicyTest {

    static final List<String> OVERLAYS = Repo.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerHasProbesResourcesAndARestrictedSecurityContext(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        List<String> problems = new ArrayList<>();
        List<JsonNode> deployments = Rendered.ofKind(objects, "Deployment");
        assertEquals(Repo.SERVICES.size(), deployments.size(), "one Deployment per service");
        for (JsonNode deployment : deployments) {
            String where = Rendered.id(deployment);
            JsonNode pod = deployment.at("/spec/template/spec");
            JsonNode podSecurity = pod.path("securityContext");
            check(problems, podSecurity.path("runAsNonRoot").asBoolean(), where, "pod securityContext.runAsNonRoot: true");
            check(problems, "RuntimeDefault".equals(podSecurity.at("/seccompProfile/type").asText()), where,
                    "pod seccompProfile RuntimeDefault");
            check(problems, podSecurity.path("runAsUser").asInt(0) > 0, where, "pod runAsUser set and not root");
            check(problems, !pod.path("automountServiceAccountToken").asBoolean(true), where,
                    "automountServiceAccountToken: false (the services never call the API server)");
            check(problems, pod.path("topologySpreadConstraints").size() >= 2, where, "topology spread over zones and nodes");
            List<JsonNode> containers = new ArrayList<>();
            pod.path("initContainers").forEach(containers::add);
            pod.path("containers").forEach(containers::add);
            for (JsonNode container : containers) {
                String c = where + " container " + container.path("name").asText();
                for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                    check(problems, container.has(probe), c, probe);
                }
                check(problems, "/q/health/live".equals(container.at("/livenessProbe/httpGet/path").asText()), c,
                        "liveness on /q/health/live");
                check(problems, "/q/health/ready".equals(container.at("/readinessProbe/httpGet/path").asText()), c,
                        "readiness on /q/health/ready");
                check(problems, "/q/health/started".equals(container.at("/startupProbe/httpGet/path").asText()), c,
                        "startup on /q/health/started");
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        check(problems, !container.at("/resources/" + kind + "/" + resource).asText().isEmpty(), c,
                                "resources." + kind + "." + resource);
                    }
                }
                JsonNode security = container.path("securityContext");
                check(problems, security.path("runAsNonRoot").asBoolean(podSecurity.path("runAsNonRoot").asBoolean()), c,
                        "runAsNonRoot");
                check(problems, security.has("allowPrivilegeEscalation") && !security.path("allowPrivilegeEscalation").asBoolean(),
                        c, "allowPrivilegeEscalation: false");
                check(problems, security.path("readOnlyRootFilesystem").asBoolean(), c, "readOnlyRootFilesystem: true");
                check(problems, !security.path("privileged").asBoolean(), c, "not privileged");
                List<String> dropped = new ArrayList<>();
                security.at("/capabilities/drop").forEach(d -> dropped.add(d.asText()));
                check(problems, dropped.contains("ALL"), c, "capabilities.drop [ALL]");
                check(problems, security.at("/capabilities/add").isMissingNode(), c, "no added capabilities");
                String seccomp = security.at("/seccompProfile/type").asText(podSecurity.at("/seccompProfile/type").asText());
                check(problems, "RuntimeDefault".equals(seccomp), c, "seccompProfile RuntimeDefault");
                // Read-only root: Quarkus/Vert.x need a writable /tmp, from an emptyDir.
                boolean tmp = false;
                for (JsonNode mount : container.path("volumeMounts")) {
                    if ("/tmp".equals(mount.path("mountPath").asText())) {
                        for (JsonNode volume : pod.path("volumes")) {
                            tmp |= volume.path("name").equals(mount.path("name")) && volume.has("emptyDir");
                        }
                    }
                }
                check(problems, tmp, c, "an emptyDir at /tmp");
                String image = container.path("image").asText();
                String tag = image.contains("@") ? "digest" : image.substring(image.lastIndexOf('/') + 1).contains(":")
                        ? image.substring(image.lastIndexOf(':') + 1) : "";
                check(problems, !tag.isEmpty() && !tag.equals("latest"), c, "an image with a pinned tag or digest, got " + image);
                String javaOptions = env(container, "JDK_JAVA_OPTIONS") + " " + env(container, "JAVA_TOOL_OPTIONS");
                check(problems, javaOptions.contains("--add-opens=java.base/java.lang=ALL-UNNAMED"), c,
                        "--add-opens=java.base/java.lang=ALL-UNNAMED in JDK_JAVA_OPTIONS (Quarkus needs it)");
                check(problems, memoryBytes(container.at("/resources/requests/memory").asText())
                        <= memoryBytes(container.at("/resources/limits/memory").asText()), c, "memory request <= limit");
                // docs/performance.md: ~240 MB RSS after start at a 256 MiB heap; below 512Mi it would be OOM-killed.
                check(problems, memoryBytes(container.at("/resources/limits/memory").asText()) >= 512L << 20, c,
                        "a memory limit of at least 512Mi (measured RSS ~240 MB at a 256 MiB heap)");
            }
        }
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceHasItsServiceAutoscalerBudgetMonitorAndNetworkPolicy(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : Rendered.ofKind(objects, "Deployment")) {
            String name = Rendered.name(deployment);
            Map<String, String> podLabels = labels(deployment.at("/spec/template/metadata/labels"));
            check(problems, selects(deployment.at("/spec/selector/matchLabels"), podLabels), name, "Deployment selector matches its pods");
            check(problems, !deployment.at("/spec/replicas").isInt(), name,
                    "no spec.replicas: the autoscaler owns the count");
            JsonNode service = Rendered.named(objects, "Service", name).orElse(null);
            check(problems, service != null && selects(service.at("/spec/selector"), podLabels), name, "a Service selecting its pods");
            // A HorizontalPodAutoscaler, or a KEDA ScaledObject (which makes one), never both.
            JsonNode hpa = Rendered.named(objects, "HorizontalPodAutoscaler", name)
                    .or(() -> Rendered.named(objects, "ScaledObject", name)).orElse(null);
            check(problems, hpa != null && name.equals(hpa.at("/spec/scaleTargetRef/name").asText())
                    && "Deployment".equals(hpa.at("/spec/scaleTargetRef/kind").asText()), name,
                    "a HorizontalPodAutoscaler or a KEDA ScaledObject");
            check(problems, Rendered.named(objects, "HorizontalPodAutoscaler", name).isEmpty()
                    || Rendered.named(objects, "ScaledObject", name).isEmpty(), name, "one autoscaler, not an HPA and a ScaledObject");
            JsonNode pdb = Rendered.named(objects, "PodDisruptionBudget", name).orElse(null);
            check(problems, pdb != null && selects(pdb.at("/spec/selector/matchLabels"), podLabels), name,
                    "a PodDisruptionBudget selecting its pods");
            if (pdb != null && hpa != null && pdb.at("/spec/minAvailable").isInt()) {
                check(problems, pdb.at("/spec/minAvailable").asInt() < Scaling.of(objects, name).min(), name,
                        "PDB minAvailable below the HPA's minReplicas (else nodes can never be drained)");
            }
            JsonNode monitor = Rendered.named(objects, "ServiceMonitor", name).orElse(null);
            check(problems, monitor != null && service != null
                    && selects(monitor.at("/spec/selector/matchLabels"), labels(service.at("/metadata/labels")))
                    && "/q/metrics".equals(monitor.at("/spec/endpoints/0/path").asText()), name,
                    "a ServiceMonitor scraping /q/metrics from its Service");
            boolean policy = Rendered.ofKind(objects, "NetworkPolicy").stream()
                    .anyMatch(p -> !p.at("/spec/podSelector/matchLabels").isEmpty()
                            && selects(p.at("/spec/podSelector/matchLabels"), podLabels) && p.at("/spec/ingress").size() > 0);
            check(problems, policy, name, "a NetworkPolicy admitting traffic to its pods");
        }
        boolean defaultDeny = Rendered.ofKind(objects, "NetworkPolicy").stream()
                .anyMatch(p -> p.at("/spec/podSelector").isEmpty() && !p.has("ingress") && !p.at("/spec").has("ingress")
                        && !p.at("/spec").has("egress") && p.at("/spec/policyTypes").toString().contains("Ingress")
                        && p.at("/spec/policyTypes").toString().contains("Egress"));
        check(problems, defaultDeny, "namespace", "a default-deny NetworkPolicy (ingress and egress)");
        assertEquals(List.of(), problems, overlay);
        assertFalse(Rendered.ofKind(objects, "Deployment").isEmpty());
    }

    static String env(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (name.equals(env.path("name").asText())) {
                return env.path("value").asText();
            }
        }
        return "";
    }

    static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new TreeMap<>();
        node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector == null || selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        return labels(selector).entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    static long memoryBytes(String quantity) {
        Map<String, Long> units = Map.of("Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30, "K", 1000L, "M", 1000_000L,
                "G", 1000_000_000L);
        for (Map.Entry<String, Long> unit : units.entrySet()) {
            if (quantity.endsWith(unit.getKey()) && Character.isDigit(quantity.charAt(quantity.length() - unit.getKey().length() - 1))) {
                return Long.parseLong(quantity.substring(0, quantity.length() - unit.getKey().length())) * unit.getValue();
            }
        }
        return Long.parseLong(quantity);
    }

    private static void check(List<String> problems, boolean ok, String where, String expectation) {
        if (!ok) {
            problems.add(where + ": expected " + expectation);
        }
    }
}

package io.partnerplan.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * notification-service calls webhook endpoints on the public internet only. NetworkPolicies add
 * up, so every policy that selects its pods counts: no rule that opens HTTPS (or every port) to
 * an address block may reach a private, loopback, link-local or carrier-grade NAT range, or the
 * SSRF fence of its own policy would be cancelled by another's 0.0.0.0/0.
 */
class EgressTest {

    static final List<String> OVERLAYS = Repo.OVERLAYS;
    static final List<String> PRIVATE = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16",
            "100.64.0.0/10", "127.0.0.0/8");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void notificationServiceReachesNoPrivateAddressOverHttps(String overlay) {
        assertEquals(List.of(), problems(Rendered.overlay(overlay)), overlay);
    }

    @Test
    void anotherPolicyOpeningHttpsEverywhereFails() {
        List<JsonNode> objects = new ArrayList<>(Rendered.overlay("prod"));
        ObjectNode idp = (ObjectNode) Rendered.named(objects, "NetworkPolicy", "services-egress-idp").orElseThrow().deepCopy();
        ((ObjectNode) idp.at("/spec/egress/0/to/0/ipBlock")).remove("except");
        objects.replaceAll(o -> Rendered.id(o).equals("NetworkPolicy/services-egress-idp") ? idp : o);
        List<String> problems = problems(objects);
        assertTrue(problems.stream().anyMatch(p -> p.contains("services-egress-idp") && p.contains("10.0.0.0/8")), problems.toString());
        System.out.println("negative test, IdP egress 0.0.0.0/0:443 without exceptions: " + problems);
    }

    static List<String> problems(List<JsonNode> objects) {
        JsonNode deployment = Rendered.named(objects, "Deployment", "notification-service").orElseThrow();
        Map<String, String> labels = new TreeMap<>();
        deployment.at("/spec/template/metadata/labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        List<String> problems = new ArrayList<>();
        int selecting = 0;
        for (JsonNode policy : Rendered.ofKind(objects, "NetworkPolicy")) {
            if (!selects(policy.at("/spec/podSelector"), labels) || !policy.at("/spec/policyTypes").toString().contains("Egress")) {
                continue;
            }
            selecting++;
            for (JsonNode rule : policy.at("/spec/egress")) {
                if (!opensHttps(rule.path("ports"))) {
                    continue;
                }
                if (!rule.has("to") || rule.path("to").isEmpty()) {
                    problems.add(Rendered.id(policy) + ": an egress rule to every destination on HTTPS");
                    continue;
                }
                for (JsonNode peer : rule.path("to")) {
                    JsonNode block = peer.path("ipBlock");
                    if (block.isMissingNode()) {
                        continue;  // pods and namespaces of the cluster, named by selectors
                    }
                    List<String> except = new ArrayList<>();
                    block.path("except").forEach(e -> except.add(e.asText()));
                    for (String range : PRIVATE) {
                        if (overlaps(block.path("cidr").asText(), range) && except.stream().noneMatch(e -> contains(e, range))) {
                            problems.add(Rendered.id(policy) + ": " + block.path("cidr").asText() + " on HTTPS reaches " + range
                                    + " (notification-service's webhooks must reach public addresses only)");
                        }
                    }
                }
            }
        }
        assertTrue(selecting > 0, "no NetworkPolicy selects notification-service");
        return problems;
    }

    private static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector.has("matchExpressions")) {
            return true;  // be conservative: treat it as selecting
        }
        boolean all = true;
        var fields = selector.path("matchLabels").fields();
        while (fields.hasNext()) {
            var e = fields.next();
            all &= e.getValue().asText().equals(labels.get(e.getKey()));
        }
        return all;
    }

    private static boolean opensHttps(JsonNode ports) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode port : ports) {
            int from = port.path("port").asInt(-1);
            int to = port.path("endPort").asInt(from);
            if (!port.has("port") || (from <= 443 && 443 <= to)) {
                return true;
            }
        }
        return false;
    }

    static boolean overlaps(String a, String b) {
        return contains(a, b) || contains(b, a);
    }

    /** Whether CIDR {@code outer} contains every address of CIDR {@code inner} (IPv4). */
    static boolean contains(String outer, String inner) {
        if (!outer.contains(".") || !inner.contains(".")) {
            return false;
        }
        int outerBits = Integer.parseInt(outer.substring(outer.indexOf('/') + 1));
        int innerBits = Integer.parseInt(inner.substring(inner.indexOf('/') + 1));
        if (outerBits > innerBits) {
            return false;
        }
        long mask = outerBits == 0 ? 0 : (0xFFFFFFFFL << (32 - outerBits)) & 0xFFFFFFFFL;
        return (address(outer) & mask) == (address(inner) & mask);
    }

    private static long address(String cidr) {
        long value = 0;
        for (String octet : cidr.substring(0, cidr.indexOf('/')).split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
    }

    @Test
    void cidrArithmetic() {
        assertTrue(contains("0.0.0.0/0", "10.0.0.0/8"));
        assertTrue(contains("10.0.0.0/8", "10.1.0.0/16"));
        assertFalse(contains("10.1.0.0/16", "10.0.0.0/8"));
        assertFalse(overlaps("203.0.113.0/24", "10.0.0.0/8"));
        assertTrue(overlaps("10.2.3.4/32", "10.0.0.0/8"));
    }
}

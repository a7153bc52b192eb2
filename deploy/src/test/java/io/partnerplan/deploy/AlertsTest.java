package io.partnerplan.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Somebody is paged for what fails silently: the PrometheusRule has every required alert, each with a
 * severity and a runbook section in docs/runbooks.md, and every partnerplan_* metric the alerts or
 * the dashboard read is one the services export (a renamed gauge would silence its alert).
 */
class AlertsTest {

    static final List<String> OVERLAYS = Repo.OVERLAYS;
    static final List<String> REQUIRED = List.of("PartnerPlanOutboxStuck", "PartnerPlanDeadLettersGrowing",
            "PartnerPlanConsumerLagGrowing", "PartnerPlanWebhookDeadLetters", "PartnerPlanSchedulerNotRunning",
            "PartnerPlanBackupTooOld", "PartnerPlanDatabaseConnectionsNearLimit");
    private static final Pattern GAUGE = Pattern.compile("Gauge\\.builder\\(\"(partnerplan\\.[a-z.]+)\"([^;]*);", Pattern.DOTALL);
    private static final Pattern OUR_METRIC = Pattern.compile("\\bpartnerplan_[a-z_]+");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyRequiredAlertExistsWithASeverityAndARunbook(String overlay) throws IOException {
        assertEquals(List.of(), problems(Rendered.overlay(overlay)), overlay);
    }

    @Test
    void aMissingAlertFails() throws IOException {
        List<JsonNode> objects = new ArrayList<>(Rendered.overlay("prod"));
        objects.replaceAll(o -> {
            if ("PrometheusRule".equals(o.path("kind").asText())) {
                ObjectNode copy = o.deepCopy();
                for (JsonNode group : copy.at("/spec/groups")) {
                    ArrayNode rules = (ArrayNode) group.path("rules");
                    for (int i = rules.size() - 1; i >= 0; i--) {
                        if ("PartnerPlanSchedulerNotRunning".equals(rules.get(i).path("alert").asText())) {
                            rules.remove(i);
                        }
                    }
                }
                return copy;
            }
            return o;
        });
        List<String> problems = problems(objects);
        assertTrue(problems.stream().anyMatch(p -> p.contains("PartnerPlanSchedulerNotRunning")), problems.toString());
        System.out.println("negative test, alert removed: " + problems);
    }

    @Test
    void anAlertOnAMetricNobodyExportsFails() throws IOException {
        List<JsonNode> objects = new ArrayList<>(Rendered.overlay("prod"));
        objects.replaceAll(o -> {
            if ("PrometheusRule".equals(o.path("kind").asText())) {
                ObjectNode copy = o.deepCopy();
                ObjectNode rule = (ObjectNode) copy.at("/spec/groups/0/rules/0");
                rule.put("expr", rule.path("expr").asText().replace("partnerplan_outbox_oldest_age_seconds", "partnerplan_outbox_age"));
                return copy;
            }
            return o;
        });
        List<String> problems = problems(objects);
        assertTrue(problems.stream().anyMatch(p -> p.contains("partnerplan_outbox_age")), problems.toString());
    }

    static List<String> problems(List<JsonNode> objects) throws IOException {
        List<String> problems = new ArrayList<>();
        String runbooks = Files.readString(Repo.root().resolve("docs/runbooks.md"));
        Set<String> sections = new TreeSet<>();
        for (String line : runbooks.split("\n")) {
            if (line.startsWith("## ")) {
                sections.add(line.substring(3).strip().toLowerCase(Locale.ROOT));
            }
        }
        Set<String> exported = exportedMetrics();
        Set<String> alerts = new TreeSet<>();
        for (JsonNode rule : Rendered.ofKind(objects, "PrometheusRule")) {
            for (JsonNode group : rule.at("/spec/groups")) {
                for (JsonNode r : group.path("rules")) {
                    String alert = r.path("alert").asText();
                    if (alert.isEmpty()) {
                        continue;
                    }
                    alerts.add(alert);
                    String severity = r.at("/labels/severity").asText();
                    if (!Set.of("critical", "warning").contains(severity)) {
                        problems.add(alert + ": severity critical or warning, got '" + severity + "'");
                    }
                    String runbook = r.at("/annotations/runbook_url").asText();
                    String anchor = runbook.contains("#") ? runbook.substring(runbook.indexOf('#') + 1) : "";
                    if (!runbook.startsWith("docs/runbooks.md#") || !anchor.equals(alert.toLowerCase(Locale.ROOT))
                            || !sections.contains(anchor)) {
                        problems.add(alert + ": runbook_url docs/runbooks.md#" + alert.toLowerCase(Locale.ROOT)
                                + " with a section '## " + alert + "' in docs/runbooks.md, got '" + runbook + "'");
                    }
                    problems.addAll(unknownMetrics(alert, r.path("expr").asText(), exported));
                }
            }
        }
        for (String required : REQUIRED) {
            if (!alerts.contains(required)) {
                problems.add(required + ": required alert missing from the PrometheusRule");
            }
        }
        problems.addAll(unknownMetrics("partnerplan-dashboard.json",
                Files.readString(Repo.deploy().resolve("base/monitoring/partnerplan-dashboard.json")), exported));
        return problems;
    }

    private static List<String> unknownMetrics(String where, String text, Set<String> exported) {
        List<String> problems = new ArrayList<>();
        Matcher m = OUR_METRIC.matcher(text);
        while (m.find()) {
            if (!exported.contains(m.group())) {
                problems.add(where + ": reads " + m.group() + ", which no service exports (exported: " + exported + ")");
            }
        }
        return problems;
    }

    /** Prometheus names of the gauges the services register: dots become underscores, a base unit is appended. */
    static Set<String> exportedMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String module : Stream.concat(Stream.of("platform"), Repo.SERVICES.stream()).toList()) {
            try (Stream<Path> files = Files.walk(Repo.root().resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = GAUGE.matcher(Files.readString(file));
                    while (m.find()) {
                        Matcher unit = Pattern.compile("\\.baseUnit\\(\"([a-z]+)\"\\)").matcher(m.group(2));
                        names.add(m.group(1).replace('.', '_') + (unit.find() ? "_" + unit.group(1) : ""));
                    }
                }
            }
        }
        assertTrue(names.contains("partnerplan_outbox_backlog"), "the gauges were found: " + names);
        return names;
    }
}

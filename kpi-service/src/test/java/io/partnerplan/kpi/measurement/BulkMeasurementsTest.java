package io.partnerplan.kpi.measurement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.kpi.PlanFixture;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;

/** Bulk uploads through the real HTTP stack into real PostgreSQL, batch events on the real broker. */
@QuarkusTest
class BulkMeasurementsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlanFixture f = new PlanFixture();

    @BeforeEach
    void activePlan() {
        f.activePlanWithMop();
    }

    private String row(int n, String value) {
        return """
                {"planId":"%s","kpi":"revenue","value":"%s","currency":"USD","occurredOn":"%s","externalId":"opp-%d"}"""
                .formatted(f.plan, value, LocalDate.parse("2027-02-01").plusDays(n % 300), n);
    }

    private List<JsonNode> upload(String token, String contentType, String body) {
        String answer = given().auth().oauth2(token).contentType(contentType).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/measurements/bulk").then().statusCode(200).contentType("application/x-ndjson")
                .extract().asString();
        return Arrays.stream(answer.split("\n")).filter(l -> !l.isBlank()).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
    }

    private static Map<String, Long> outcomes(List<JsonNode> results) {
        return results.stream().collect(Collectors.groupingBy(r -> r.get("outcome").asText(), Collectors.counting()));
    }

    @Test
    void aLargeNdjsonUploadIsWrittenInBatchesRejectingOnlyItsBadRowsAndIsSafeToSendAgain() {
        StringBuilder file = new StringBuilder();
        for (int n = 1; n <= 1200; n++) {
            file.append(switch (n) {
                case 7 -> "{not json";
                case 8 -> row(n, "12,5");                                      // bad number
                case 9 -> row(n, "10").replace("\"kpi\":\"revenue\"", "\"kpi\":\"happiness\""); // unknown KPI
                case 10 -> row(n, "10").replace("2027-", "2031-");             // outside the horizon
                default -> row(n, "1000");
            }).append('\n');
        }
        List<JsonNode> results = upload(f.crm, "application/x-ndjson", file.toString());
        assertThat(results).hasSize(1200);
        assertThat(outcomes(results)).containsEntry("accepted", 1196L).containsEntry("rejected", 4L);
        assertThat(results.get(6).get("errors").get(0).get("field").asText()).isEqualTo("line");
        assertThat(results.get(7).get("errors").get(0).get("field").asText()).isEqualTo("value");
        assertThat(results.get(8).get("errors").get(0).get("field").asText()).isEqualTo("kpi");
        assertThat(results.get(9).get("errors").get(0).get("field").asText()).isEqualTo("occurredOn");
        assertThat(results.get(10).get("line").asLong()).isEqualTo(11);

        // One event per batch of 500 for the plan, not one per row.
        var imported = KafkaProbe.allRecords(PlanFixture.KPI_TOPIC, Duration.ofSeconds(4), r -> f.plan.toString().equals(r.key())
                && "io.partnerplan.kpi.measurements.imported.v1".equals(KafkaProbe.header(r, "ce_type")));
        assertThat(imported).hasSize(3);
        assertThat(imported.stream().mapToInt(r -> {
            try {
                return JSON.readTree(r.value()).get("accepted").asInt();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).sum()).isEqualTo(1196);
        assertThat(KafkaProbe.allRecords(PlanFixture.KPI_TOPIC, Duration.ofSeconds(1), r -> f.plan.toString().equals(r.key())
                && "io.partnerplan.kpi.measurement.recorded.v1".equals(KafkaProbe.header(r, "ce_type")))).isEmpty();

        // The nightly sync sends the same file again, one value corrected.
        String again = file.toString().replace(row(20, "1000"), row(20, "1500"));
        Map<String, Long> second = outcomes(upload(f.crm, "application/x-ndjson", again));
        assertThat(second).containsEntry("duplicate", 1195L).containsEntry("corrected", 1L).containsEntry("rejected", 4L);
        given().auth().oauth2(f.vendorManager).queryParam("asOf", "2028-02-01").get("/api/v1/scorecards/{plan}", f.plan)
                .then().statusCode(200).body("kpis[0].toDate.actual", org.hamcrest.Matchers.equalTo("1196500"));
    }

    @Test
    void csvWithAHeaderInAnyColumnOrderNamesTheBadCellsField() {
        String csv = """
                externalId,kpi,planId,value,currency,occurredOn,source
                crm-1,revenue,%s,2500.50,USD,2027-03-01,northwind-crm
                crm-2,revenue,%s,lots,USD,2027-03-02,
                crm-3,revenue,%s,10,USD,not-a-date,
                crm-4,revenue,%s,10,USD,2027-03-04,CRM
                """.formatted(f.plan, f.plan, f.plan, f.plan);
        List<JsonNode> results = upload(f.crm, "text/csv", csv);
        assertThat(results).extracting(r -> r.get("outcome").asText()).containsExactly("accepted", "rejected", "rejected", "rejected");
        assertThat(results.get(0).get("line").asLong()).isEqualTo(2);
        assertThat(results.get(1).get("errors").get(0).get("field").asText()).isEqualTo("value");
        assertThat(results.get(2).get("errors").get(0).get("field").asText()).isEqualTo("occurredOn");
        assertThat(results.get(3).get("errors").get(0).get("field").asText()).isEqualTo("source");

        given().auth().oauth2(f.crm).contentType("text/csv")
                .body("planId,kpi,value,occurredOn,colour\n%s,revenue,1,2027-03-01,red\n".formatted(f.plan))
                .post("/api/v1/measurements/bulk").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("body"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("colour"));
    }

    @Test
    void aCsvWithoutItsHeaderOrABodyThatIsNotCsvIsRefusedBeforeAnythingIsWritten() {
        String headless = "%s,revenue,2500.50,USD,2027-03-01,,CRM,crm-1\n".formatted(f.plan);
        String json = row(1, "5") + "\n";
        for (String body : List.of(headless, json, "\u0000\u0001binary\n", "")) {
            given().auth().oauth2(f.crm).contentType("text/csv").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/v1/measurements/bulk").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("body"));
        }
        given().auth().oauth2(f.vendorManager).queryParam("planId", f.plan).get("/api/v1/measurements")
                .then().body("items", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void aNullOnLine601IsRejectedAndEveryOtherLineIsAnsweredNeverA500() {
        StringBuilder file = new StringBuilder();
        for (int n = 1; n <= 610; n++) {
            file.append(n == 601 ? "null" : row(n, "10")).append('\n');
        }
        List<JsonNode> results = upload(f.crm, "application/x-ndjson", file.toString());
        assertThat(results).hasSize(610);
        assertThat(outcomes(results)).containsEntry("accepted", 609L).containsEntry("rejected", 1L);
        assertThat(results.get(600).get("line").asLong()).isEqualTo(601);
        assertThat(results.get(600).get("errors").get(0).get("message").asText()).contains("JSON object");
        assertThat(results.get(609).get("line").asLong()).isEqualTo(610);
        assertThat(given().auth().oauth2(f.vendorManager).queryParam("asOf", "2028-02-01").get("/api/v1/scorecards/{plan}", f.plan)
                .then().statusCode(200).extract().<String>path("kpis[0].toDate.actual")).isEqualTo("6090");
    }

    @Test
    void aResumedUploadGetsTheOutcomeOfOneUploadRowsWithoutExternalIdsIncluded() {
        List<String> lines = new java.util.ArrayList<>();
        for (int n = 1; n <= 1200; n++) {
            lines.add(n == 650 ? "{broken" : row(n, "1").replace(",\"externalId\":\"opp-" + n + "\"", ""));
        }
        String upload = "file-" + UUID.randomUUID();
        // The connection is lost after line 700: the service committed 1..700, the client saw results up to 500.
        List<JsonNode> first = uploadNamed(upload, null, String.join("\n", lines.subList(0, 700)) + "\n");
        assertThat(first).hasSize(700);
        // It sends the rest from line 501, with the same upload id.
        List<JsonNode> rest = uploadNamed(upload, "501", String.join("\n", lines.subList(500, 1200)) + "\n");
        assertThat(rest).hasSize(700);
        assertThat(rest.get(0).get("line").asLong()).isEqualTo(501);
        for (int i = 0; i < 200; i++) {
            assertThat(rest.get(i)).as("line %d answered as the first time", 501 + i).isEqualTo(first.get(500 + i));
        }
        assertThat(rest.get(149).get("outcome").asText()).isEqualTo("rejected");
        assertThat(outcomes(rest)).containsEntry("accepted", 699L).containsEntry("rejected", 1L);
        // 1199 measurements, not 1399: the value is that of one upload.
        assertThat(given().auth().oauth2(f.vendorManager).queryParam("asOf", "2028-02-01").get("/api/v1/scorecards/{plan}", f.plan)
                .then().statusCode(200).extract().<String>path("kpis[0].toDate.actual")).isEqualTo("1199");
        // Sending the whole file again under the same id writes nothing more.
        assertThat(outcomes(uploadNamed(upload, null, String.join("\n", lines) + "\n"))).containsEntry("accepted", 1199L);
        assertThat(given().auth().oauth2(f.vendorManager).queryParam("asOf", "2028-02-01").get("/api/v1/scorecards/{plan}", f.plan)
                .then().statusCode(200).extract().<String>path("kpis[0].toDate.actual")).isEqualTo("1199");
        given().auth().oauth2(f.crm).contentType("application/x-ndjson").header("Bulk-First-Line", "5")
                .body(row(1, "1").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/measurements/bulk").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("Bulk-First-Line"));
    }

    private List<JsonNode> uploadNamed(String upload, String firstLine, String body) {
        var request = given().auth().oauth2(f.crm).contentType("application/x-ndjson").header("Bulk-Upload-Id", upload);
        if (firstLine != null) {
            request.header("Bulk-First-Line", firstLine);
        }
        String answer = request.body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/measurements/bulk")
                .then().statusCode(200).extract().asString();
        return Arrays.stream(answer.split("\n")).filter(l -> !l.isBlank()).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
    }

    @Test
    void rowsForAnotherPartysPlanAreRejectedAndViewersCannotUpload() {
        String stranger = DevTokens.token(f.tenant, UUID.randomUUID(), Roles.INTEGRATION);
        List<JsonNode> results = upload(stranger, "application/x-ndjson", row(1, "5") + "\n");
        assertThat(results.get(0).get("outcome").asText()).isEqualTo("rejected");
        assertThat(results.get(0).get("errors").get(0).get("field").asText()).isEqualTo("planId");
        given().auth().oauth2(DevTokens.token(f.tenant, f.partner, Roles.VIEWER)).contentType("application/x-ndjson")
                .body(row(1, "5").getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/measurements/bulk").then().statusCode(403);
        given().auth().oauth2(f.vendorManager).queryParam("planId", f.plan).get("/api/v1/measurements")
                .then().body("items", org.hamcrest.Matchers.hasSize(0));
    }
}

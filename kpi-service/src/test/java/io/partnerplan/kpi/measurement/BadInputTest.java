package io.partnerplan.kpi.measurement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.partnerplan.kpi.PlanFixture;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Issue 6's bad input not covered elsewhere: unit mismatches, a derived KPI's values, a 2 GB upload. */
@QuarkusTest
class BadInputTest {

    private final PlanFixture f = new PlanFixture();

    @BeforeEach
    void activePlan() {
        f.activePlanWithMop();
        String admin = DevTokens.token(f.tenant, null, Roles.TENANT_ADMIN);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", "deals-won", "name", "Deals won", "unit", "COUNT", "direction", "HIGHER_IS_BETTER",
                        "aggregation", "SUM")).post("/api/v1/kpis").then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", "deal-value", "name", "Value per deal", "unit", "CURRENCY", "currency", "USD",
                        "direction", "HIGHER_IS_BETTER", "formula", "revenue / deals_won")).post("/api/v1/kpis").then().statusCode(201);
    }

    private Map<String, Object> measurement(String kpi, String currency) {
        Map<String, Object> m = new HashMap<>(Map.of("planId", f.plan.toString(), "kpi", kpi, "value", "3",
                "occurredOn", "2027-03-01"));
        if (currency != null) {
            m.put("currency", currency);
        }
        return m;
    }

    @Test
    void aValueInTheWrongUnitOrForADerivedKpiIsRefusedAndNothingIsWritten() {
        given().auth().oauth2(f.crm).contentType(ContentType.JSON).body(measurement("deals-won", "USD"))
                .post("/api/v1/measurements").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("currency")).body("errors[0].message", containsString("not measured in money"));
        given().auth().oauth2(f.crm).contentType(ContentType.JSON).body(measurement("revenue", null))
                .post("/api/v1/measurements").then().statusCode(400).body("errors[0].field", equalTo("currency"))
                .body("errors[0].message", containsString("must be USD"));
        given().auth().oauth2(f.crm).contentType(ContentType.JSON).body(measurement("deal-value", "USD"))
                .post("/api/v1/measurements").then().statusCode(400).body("errors[0].field", equalTo("kpi"));
        String results = given().auth().oauth2(f.crm).contentType("text/csv")
                .body(("planId,kpi,value,currency,occurredOn,source\n%s,deal-value,5,USD,2027-03-01,northwind-crm\n"
                        + "%s,deals-won,5,EUR,2027-03-01,northwind-crm\n").formatted(f.plan, f.plan).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/measurements/bulk").then().statusCode(200).extract().asString();
        assertThat(results.lines()).hasSize(2).allMatch(l -> l.contains("\"outcome\":\"rejected\""));
        assertThat(results.lines().toList().get(0)).contains("\"field\":\"kpi\"");
        assertThat(results.lines().toList().get(1)).contains("\"field\":\"currency\"");
        given().auth().oauth2(f.vendorManager).queryParam("planId", f.plan).get("/api/v1/measurements")
                .then().body("items", hasSize(0));
    }

    @Test
    void aTwoGigabyteRequestIsAnsweredWithAProblemBeforeItsBodyIsRead() throws Exception {
        // A single measurement is JSON with a byte limit (bulk uploads are streamed and limited by lines instead).
        String head = "POST /api/v1/measurements HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + f.crm
                + "\r\nContent-Type: application/json\r\nContent-Length: 2147483648\r\n\r\n";
        String answer;
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(("{\"planId\":\"" + f.plan + "\",\"kpi\":\"revenue\",\"value\":1,\"comment\":\"")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            // The answer comes while the client is still "sending": read its head and its announced body only.
            InputStream in = socket.getInputStream();
            StringBuilder head_ = new StringBuilder();
            while (!head_.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                head_.append((char) c);
            }
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head_);
            assertThat(length.find()).as(head_.toString()).isTrue();
            answer = head_ + new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
        }
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("payload-too-large")
                .contains("1048576 bytes");
        given().auth().oauth2(f.vendorManager).queryParam("planId", f.plan).get("/api/v1/measurements")
                .then().body("items", hasSize(0));
    }
}

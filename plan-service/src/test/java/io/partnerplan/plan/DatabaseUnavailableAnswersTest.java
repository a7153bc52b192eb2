package io.partnerplan.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * When no database connection can be had in time (PostgreSQL restarting, the pool exhausted), a
 * caller gets 503 with Retry-After and a problem body, never a 500; readiness reports DOWN so the
 * load balancer stops sending traffic; and the service recovers by itself once connections return.
 */
@QuarkusTest
@TestProfile(DatabaseUnavailableAnswersTest.TinyPool.class)
class DatabaseUnavailableAnswersTest {

    /** Small enough to hold every connection; Flyway at start-up needs a few at once. */
    static final int POOL = 5;

    public static class TinyPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", String.valueOf(POOL),
                    "quarkus.datasource.jdbc.min-size", "0",
                    "quarkus.datasource.jdbc.acquisition-timeout", "3S");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    private final String admin = DevTokens.token("t-db-unavailable", null, Roles.TENANT_ADMIN);

    @Test
    void anExhaustedPoolAnswers503WithRetryAfterAndReadinessGoesDownUntilConnectionsReturn() throws Exception {
        given().auth().oauth2(admin).get("/api/v1/organisations").then().statusCode(200);

        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < POOL; i++) {
                held.add(dataSource.getConnection());
            }
            given().auth().oauth2(admin).get("/api/v1/organisations")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("https://partnerplan.io/problems/service-unavailable"))
                    .body("status", equalTo(503))
                    .body("detail", containsString("retry"))
                    .body("traceId", notNullValue());
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"name\":\"Fabrikam\",\"kind\":\"PARTNER\",\"timeZone\":\"UTC\"}")
                    .post("/api/v1/organisations")
                    .then().statusCode(503).header("Retry-After", "5");
            given().get("/q/health/ready").then().statusCode(503);
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }

        given().get("/q/health/ready").then().statusCode(200);
        given().auth().oauth2(admin).get("/api/v1/organisations").then().statusCode(200);
    }
}

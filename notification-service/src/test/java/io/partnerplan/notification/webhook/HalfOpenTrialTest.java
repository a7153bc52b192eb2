package io.partnerplan.notification.webhook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A half-open circuit lets exactly one trial call through, whichever replicas look at it at once. */
@QuarkusTest
class HalfOpenTrialTest {

    @Inject
    DataSource db;
    @Inject
    WebhookEndpoints endpoints;

    @Test
    void onlyOneOfTwoReplicasGetsTheTrial() throws Exception {
        String admin = DevTokens.token("t-" + UUID.randomUUID().toString().substring(0, 8), UUID.randomUUID(), Roles.TENANT_ADMIN);
        UUID id = UUID.fromString(given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", "https://prm.example.com/hook", "eventTypes", List.of("plan.agreed")))
                .post("/api/v1/notifications/webhooks").then().statusCode(201).extract().jsonPath().getString("id"));
        try (Connection c = db.getConnection();
             PreparedStatement u = c.prepareStatement("update webhook_subscription set consecutive_failures = 3, "
                     + "circuit_open_until = now() - interval '1 second' where id = ?")) {
            u.setObject(1, id);
            u.executeUpdate();
        }
        // Both replicas loaded the endpoint while it was half-open.
        WebhookEndpoints.Endpoint seenByOne = endpoints.load(id).orElseThrow();
        WebhookEndpoints.Endpoint seenByOther = endpoints.load(id).orElseThrow();
        Instant now = Instant.now();
        assertEquals(Circuit.HALF_OPEN, seenByOne.circuit(now));

        assertTrue(endpoints.claimTrial(seenByOne, now, Duration.ofMinutes(1)));
        assertFalse(endpoints.claimTrial(seenByOther, now, Duration.ofMinutes(1)));
        // While the trial runs, everyone sees the circuit open.
        assertEquals(Circuit.OPEN, endpoints.load(id).orElseThrow().circuit(Instant.now()));
    }
}

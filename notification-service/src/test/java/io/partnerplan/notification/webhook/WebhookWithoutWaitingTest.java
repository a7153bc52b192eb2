package io.partnerplan.notification.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A subscriber hears of an event as soon as notification-service has queued the delivery, not at the
 * dispatcher's next periodic round: here that round is an hour away, so only the nudge after the
 * consumer's commit (and after each finished endpoint batch) can deliver within the test.
 */
@QuarkusTest
@TestProfile(WebhookWithoutWaitingTest.HourlyPoll.class)
class WebhookWithoutWaitingTest {

    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partnerplan.webhooks.interval", "1h");
        }
    }

    private static final String TOPIC = "partnerplan.plan.events.v1";

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String admin = DevTokens.tokenFor(tenant, UUID.randomUUID(), "admin@contoso.test", Roles.TENANT_ADMIN);
    private TestEndpoint endpoint;

    @AfterEach
    void close() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @Test
    void aSubscribedEventArrivesWithoutWaitingForThePeriodicRound() throws Exception {
        endpoint = new TestEndpoint(n -> 204);
        subscribe(endpoint.url());
        String id = UUID.randomUUID().toString();
        publish(UUID.randomUUID(), id);
        await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.received.size() >= 1);
        assertEquals(id, endpoint.received.get(0).header("PartnerPlan-Event-Id"));
    }

    @Test
    void moreThanOneRoundsShareForAnEndpointAllArriveWithoutThePeriodicRound() throws Exception {
        endpoint = new TestEndpoint(n -> 204);
        subscribe(endpoint.url());
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 45; i++) { // an endpoint gets at most 20 per round: three rounds' worth
            String id = UUID.randomUUID().toString();
            sent.add(id);
            publish(UUID.randomUUID(), id);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> endpoint.received.size() >= sent.size());
        Set<String> received = new HashSet<>();
        endpoint.received.forEach(r -> received.add(r.header("PartnerPlan-Event-Id")));
        assertEquals(sent, received);
        assertEquals(sent.size(), endpoint.received.size(), "each once");
    }

    @Test
    void aSteadyStreamKeepsFlowingToItsEndpointWithoutThePeriodicRound() throws Exception {
        // Events keep arriving while the endpoint's batch is in flight (a CRM fed at 20 events/s): every
        // finished batch must start the next one, or the endpoint waits for the hourly round.
        endpoint = new TestEndpoint(n -> {
            try {
                Thread.sleep(10); // a receiver that takes 10 ms per call
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 204;
        });
        subscribe(endpoint.url());
        int events = 80;
        for (int i = 0; i < events; i++) {
            publish(UUID.randomUUID(), UUID.randomUUID().toString());
            Thread.sleep(50);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> endpoint.received.size() >= events);
        assertEquals(events, endpoint.received.size(), "each once");
    }

    private void subscribe(String url) {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of("plan.agreed"), "description", "Northwind PRM"))
                .post("/api/v1/notifications/webhooks").then().statusCode(201);
    }

    private void publish(UUID plan, String id) {
        String data = """
                {"id":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"FY27","status":"AGREED","signOffs":[]}"""
                .formatted(plan, UUID.randomUUID(), UUID.randomUUID());
        KafkaProbe.send(TOPIC, plan.toString(), data,
                KafkaProbe.cloudEventHeaders(id, "io.partnerplan.plan.agreed.v1", plan.toString(), tenant, "vm@contoso.test"));
    }
}

package io.partnerplan.notification.inbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;

/** plan.created crosses the real broker into the creator's inbox, once, however often it is delivered. */
@QuarkusTest
class PlanCreatedToInboxTest {

    private static final String TOPIC = "partnerplan.plan.events.v1";

    @Test
    void planCreatedLandsInTheVendorManagersInboxOnceEvenWhenRedelivered() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String manager = "vm-" + UUID.randomUUID() + "@contoso.test";
        String token = DevTokens.tokenFor(tenant, UUID.randomUUID(), manager, Roles.VENDOR_MANAGER);
        UUID plan = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();

        publishPlanCreated(tenant, plan, eventId, manager);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/notifications/inbox")
                        .then().statusCode(200).body("items", hasSize(1)));

        // The same event again (a relay retry, a rebalance): no second item.
        publishPlanCreated(tenant, plan, eventId, manager);
        // A later, different event proves the consumer moved past the duplicate before we look.
        String marker = UUID.randomUUID().toString();
        publishPlanCreated(tenant, UUID.randomUUID(), marker, manager);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/notifications/inbox")
                        .then().statusCode(200).body("items", hasSize(2)));

        given().auth().oauth2(token).get("/api/v1/notifications/inbox")
                .then().body("items[1].link", equalTo("/api/v1/plans/" + plan))
                .body("items[1].title", containsString("Northwind FY27"))
                .body("items[1].eventType", equalTo("plan.created"));
        given().auth().oauth2(token).get("/api/v1/notifications/inbox/unread-count").then().body("unread", equalTo(2));

        // Nobody else sees them: another person of the same tenant, or the same subject in another tenant.
        given().auth().oauth2(DevTokens.token(tenant, UUID.randomUUID(), Roles.VENDOR_MANAGER))
                .get("/api/v1/notifications/inbox").then().body("items", hasSize(0));
        given().auth().oauth2(DevTokens.tokenFor("other-" + tenant, UUID.randomUUID(), manager, Roles.VENDOR_MANAGER))
                .get("/api/v1/notifications/inbox").then().body("items", hasSize(0));
    }

    @Test
    void markingReadChangesTheUnreadCountAndOnlyForTheRecipient() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String manager = "vm-" + UUID.randomUUID() + "@contoso.test";
        String token = DevTokens.tokenFor(tenant, UUID.randomUUID(), manager, Roles.VENDOR_MANAGER);
        publishPlanCreated(tenant, UUID.randomUUID(), UUID.randomUUID().toString(), manager);
        String item = await().atMost(Duration.ofSeconds(30)).until(() ->
                given().auth().oauth2(token).get("/api/v1/notifications/inbox").then().extract().path("items[0].id"),
                id -> id != null);

        given().auth().oauth2(DevTokens.token(tenant, UUID.randomUUID(), Roles.VENDOR_MANAGER))
                .put("/api/v1/notifications/inbox/{id}/read", item).then().statusCode(404);
        given().auth().oauth2(token).put("/api/v1/notifications/inbox/{id}/read", item)
                .then().statusCode(200).body("read", equalTo(true));
        given().auth().oauth2(token).get("/api/v1/notifications/inbox/unread-count").then().body("unread", equalTo(0));
    }

    @Test
    void anEventThatCannotBeProcessedGoesToTheDeadLetterTopicWithTheReason() {
        String id = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        // plan.created without the fields a notification needs.
        KafkaProbe.sendUnchecked(TOPIC, key, "{\"planId\":\"" + key + "\"}",
                KafkaProbe.cloudEventHeaders(id, "io.partnerplan.plan.created.v1", key, "t-poison"));

        ConsumerRecord<String, String> dead = KafkaProbe.awaitRecord(TOPIC + ".notification.dlq", Duration.ofSeconds(30),
                r -> id.equals(KafkaProbe.header(r, "ce_id")));
        String reason = KafkaProbe.header(dead, "dead-letter-reason");
        assertTrue(reason != null && reason.contains("lacks title"), "reason: " + reason);
        assertEquals(key, dead.key());
    }

    private static void publishPlanCreated(String tenant, UUID plan, String eventId, String createdBy) {
        String data = """
                {"planId":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"Northwind FY27",
                 "horizonStart":"2027-02-01","horizonEnd":"2028-01-31","createdBy":"%s",
                 "vendorName":"Contoso","partnerName":"Northwind"}""".formatted(plan, UUID.randomUUID(), UUID.randomUUID(), createdBy);
        KafkaProbe.send(TOPIC, plan.toString(), data,
                KafkaProbe.cloudEventHeaders(eventId, "io.partnerplan.plan.created.v1", plan.toString(), tenant));
    }
}

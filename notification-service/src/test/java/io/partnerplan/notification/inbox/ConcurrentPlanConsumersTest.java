package io.partnerplan.notification.inbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Test;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;

/**
 * plan-service's topic is consumed by several consumers of this service at once (one per partition),
 * and that concurrency doubles nothing: the same event arriving on two partitions at the same time
 * still makes one inbox item per person.
 */
@QuarkusTest
class ConcurrentPlanConsumersTest {

    private static final String TOPIC = "partnerplan.plan.events.v1";

    @Test
    void thePlanTopicsPartitionsAreSharedBySeveralConsumersOfThisService() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (Admin admin = Admin.create(KafkaProbe.connection())) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("notification-service"))
                        .describedGroups().get("notification-service").get();
                Set<String> planConsumers = group.members().stream()
                        .filter(m -> m.assignment().topicPartitions().stream().anyMatch(p -> p.topic().equals(TOPIC)))
                        .map(m -> m.consumerId()).collect(Collectors.toSet());
                assertTrue(planConsumers.size() >= 2, "consumers with plan partitions: " + planConsumers);
            }
        });
    }

    @Test
    void anEventDeliveredOnTwoPartitionsAtOnceIsToldOnce() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String manager = "vm-" + UUID.randomUUID() + "@contoso.test";
        String token = DevTokens.tokenFor(tenant, UUID.randomUUID(), manager, Roles.VENDOR_MANAGER);
        int plans = 40;
        for (int i = 0; i < plans; i++) {
            UUID plan = UUID.randomUUID();
            String eventId = UUID.randomUUID().toString();
            // The relay's key is the plan; a copy under another key lands on another partition (mostly),
            // hence on another consumer, racing the first one.
            publishPlanCreated(tenant, plan, plan.toString(), eventId, manager);
            publishPlanCreated(tenant, plan, UUID.randomUUID().toString(), eventId, manager);
        }
        String marker = UUID.randomUUID().toString();
        UUID last = UUID.randomUUID();
        publishPlanCreated(tenant, last, last.toString(), marker, manager);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/notifications/inbox/unread-count")
                        .then().statusCode(200).body("unread", equalTo(plans + 1)));
        // Every copy has been consumed once the other keys' partitions are past them too: look again later.
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/notifications/inbox/unread-count")
                        .then().statusCode(200).body("unread", equalTo(plans + 1)));
    }

    private static void publishPlanCreated(String tenant, UUID plan, String key, String eventId, String createdBy) {
        String data = """
                {"planId":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"Northwind FY27",
                 "horizonStart":"2027-02-01","horizonEnd":"2028-01-31","createdBy":"%s",
                 "vendorName":"Contoso","partnerName":"Northwind"}""".formatted(plan, UUID.randomUUID(), UUID.randomUUID(), createdBy);
        KafkaProbe.send(TOPIC, key, data,
                KafkaProbe.cloudEventHeaders(eventId, "io.partnerplan.plan.created.v1", plan.toString(), tenant));
    }
}

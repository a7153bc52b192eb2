package io.partnerplan.notification.inbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;

/**
 * plan-service's lifecycle events, as they arrive on the real broker, reach the right members:
 * the members are learnt from member.added, the actor is never told about their own action.
 */
@QuarkusTest
class PlanLifecycleNotificationsTest {

    private static final String TOPIC = "partnerplan.plan.events.v1";
    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID plan = UUID.randomUUID();
    private final UUID vendor = UUID.randomUUID();
    private final UUID partner = UUID.randomUUID();
    private final String vm = "vm-" + UUID.randomUUID() + "@contoso.test";
    private final String po = "po-" + UUID.randomUUID() + "@northwind.test";
    private final String viewer = "viewer-" + UUID.randomUUID() + "@northwind.test";

    @Test
    void membersHearOfProposalPendingSignatureAndAgreement() {
        send("plan.created", vm, planCreated());
        send("member.added", vm, member(vm, vendor, "VENDOR", "vendor-manager"));
        send("member.added", vm, member(po, partner, "PARTNER", "partner-owner"));
        send("member.added", po, member(viewer, partner, "PARTNER", "viewer"));
        send("plan.proposed", vm, plan("PROPOSED", ""));
        send("plan.signed-off", vm, plan("PROPOSED", "{\"side\":\"VENDOR\",\"signedBy\":\"" + vm + "\"}"));
        send("plan.agreed", po, plan("AGREED", "{\"side\":\"VENDOR\"},{\"side\":\"PARTNER\"}"));

        // The partner owner: added, proposed, signature needed, agreed (newest first).
        awaitInbox(po, List.of("plan.agreed", "plan.signed-off", "plan.proposed", "member.added"));
        // The viewer: added by the partner owner, proposed, agreed; a viewer cannot sign so is not asked to.
        awaitInbox(viewer, List.of("plan.agreed", "plan.proposed", "member.added"));
        // The vendor manager: drafted, agreed; not told of their own proposal or their own membership.
        awaitInbox(vm, List.of("plan.agreed", "plan.created"));

        // calendar-service announces the first review: every member hears of it.
        KafkaProbe.send("partnerplan.calendar.events.v1", plan.toString(),
                "{\"reviewId\":\"%s\",\"planId\":\"%s\",\"sequence\":1,\"dueOn\":\"2027-04-30\",\"daysUntilDue\":5}"
                        .formatted(UUID.randomUUID(), plan),
                KafkaProbe.cloudEventHeaders(UUID.randomUUID().toString(), "io.partnerplan.review.due.v1", plan.toString(), tenant, "system"));
        awaitInbox(vm, List.of("review.due", "plan.agreed", "plan.created"));
        String token = DevTokens.tokenFor(tenant, partner, po, Roles.PARTNER_OWNER);
        given().auth().oauth2(token).get("/api/v1/notifications/inbox")
                .then().body("items[0].title", equalTo("Review due in 5 days: FY27"));
    }

    @Test
    void anOverdueActionReachesItsOwnerAndTheVendorManager() {
        send("plan.created", vm, planCreated());
        send("member.added", vm, member(vm, vendor, "VENDOR", "vendor-manager"));
        send("member.added", vm, member(po, partner, "PARTNER", "partner-owner"));
        send("member.added", po, member(viewer, partner, "PARTNER", "viewer"));
        send("action.overdue", "system", """
                {"actionId":"%s","planId":"%s","title":"Certify three engineers","owner":"%s","dueOn":"2027-06-30","daysOverdue":2}"""
                .formatted(UUID.randomUUID(), plan, po));
        awaitInbox(po, List.of("action.overdue", "member.added"));
        awaitInbox(vm, List.of("action.overdue", "plan.created"));
        awaitInbox(viewer, List.of("member.added"));
    }

    private void awaitInbox(String subject, List<String> eventTypes) {
        String token = DevTokens.tokenFor(tenant, vendor, subject, Roles.VIEWER);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/notifications/inbox")
                        .then().statusCode(200).body("items", hasSize(eventTypes.size()))
                        .body("items.eventType", equalTo(eventTypes)));
    }

    private void send(String type, String actor, String data) {
        KafkaProbe.send(TOPIC, plan.toString(), data, KafkaProbe.cloudEventHeaders(UUID.randomUUID().toString(),
                "io.partnerplan." + type + ".v1", plan.toString(), tenant, actor));
    }

    private String planCreated() {
        return """
                {"planId":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"FY27",
                 "horizonStart":"2027-02-01","horizonEnd":"2028-01-31","createdBy":"%s","vendorName":"Contoso","partnerName":"Northwind"}"""
                .formatted(plan, vendor, partner, vm);
    }

    private String plan(String status, String signOffs) {
        return """
                {"id":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"FY27","status":"%s","signOffs":[%s]}"""
                .formatted(plan, vendor, partner, status, signOffs);
    }

    private String member(String subject, UUID organisation, String side, String role) {
        return """
                {"planId":"%s","subject":"%s","organisationId":"%s","side":"%s","role":"%s","displayName":"%s"}"""
                .formatted(plan, subject, organisation, side, role, subject);
    }
}

package io.partnerplan.notification.notify;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.restassured.response.ValidatableResponse;

/** A plan of its own tenant, made known to the service through plan-service's events on the real broker. */
final class PlanFixture {

    static final String PLAN_TOPIC = "partnerplan.plan.events.v1";
    static final String CALENDAR_TOPIC = "partnerplan.calendar.events.v1";
    static final String KPI_TOPIC = "partnerplan.kpi.events.v1";

    final String tenant;
    final UUID plan = UUID.randomUUID();
    final UUID vendor;
    final UUID partner;
    final String vm = "vm-" + UUID.randomUUID() + "@contoso.test";
    final String po = "po-" + UUID.randomUUID() + "@northwind.test";
    final String sponsor = "es-" + UUID.randomUUID() + "@contoso.test";
    final String viewer = "viewer-" + UUID.randomUUID() + "@northwind.test";
    final String title;

    PlanFixture(String tenant, UUID vendor, UUID partner, String title) {
        this.tenant = tenant;
        this.vendor = vendor;
        this.partner = partner;
        this.title = title;
    }

    static PlanFixture fresh() {
        return new PlanFixture("t-" + UUID.randomUUID().toString().substring(0, 8), UUID.randomUUID(), UUID.randomUUID(), "FY27");
    }

    /** plan.created and the members: vendor manager, partner owner (German), sponsor and viewer. */
    PlanFixture created() {
        send("plan.created", vm, """
                {"planId":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"%s",
                 "horizonStart":"2027-02-01","horizonEnd":"2028-01-31","createdBy":"%s","vendorName":"Contoso","partnerName":"Northwind"}"""
                .formatted(plan, vendor, partner, title, vm));
        member(vm, "Vera Manager", vendor, "VENDOR", "vendor-manager", null);
        member(po, "Pat Owner", partner, "PARTNER", "partner-owner", "de");
        member(sponsor, "Sam Sponsor", vendor, "VENDOR", "executive-sponsor", null);
        member(viewer, "Vic Viewer", partner, "PARTNER", "viewer", null);
        return this;
    }

    /** The person as plan-service's directory announces them (address and language), then their membership. */
    void member(String subject, String name, UUID organisation, String side, String role, String locale) {
        person(subject, name, organisation, subject, locale);
        send("member.added", vm, """
                {"planId":"%s","subject":"%s","organisationId":"%s","side":"%s","role":"%s","displayName":"%s"}"""
                .formatted(plan, subject, organisation, side, role, name));
    }

    void person(String subject, String name, UUID organisation, String email, String locale) {
        send("person.upserted", subject, io.partnerplan.notification.DirectoryEvents.person(subject, name, organisation, email, locale, 0));
    }


    String send(String type, String actor, String data) {
        return send(UUID.randomUUID().toString(), type, actor, data);
    }

    String send(String id, String type, String actor, String data) {
        KafkaProbe.send(PLAN_TOPIC, plan.toString(), data,
                KafkaProbe.cloudEventHeaders(id, "io.partnerplan." + type + ".v1", plan.toString(), tenant, actor));
        return id;
    }

    String sendOn(String topic, String key, String type, String data) {
        String id = UUID.randomUUID().toString();
        KafkaProbe.send(topic, key, data, KafkaProbe.cloudEventHeaders(id, "io.partnerplan." + type + ".v1", key, tenant, "system"));
        return id;
    }

    String token(String subject) {
        return DevTokens.tokenFor(tenant, vendor, subject, Roles.VIEWER);
    }

    /** Waits until {@code subject}'s inbox holds exactly these event types, newest first. */
    ValidatableResponse awaitInbox(String subject, List<String> eventTypes) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> inbox(subject).statusCode(200)
                .body("items", hasSize(eventTypes.size())).body("items.eventType", equalTo(eventTypes)));
        return inbox(subject);
    }

    ValidatableResponse inbox(String subject) {
        return given().auth().oauth2(token(subject)).get("/api/v1/notifications/inbox").then();
    }

    String milestone(UUID id, String status) {
        return """
                {"id":"%s","planId":"%s","title":"Ten certified engineers","description":null,"dueOn":"2027-06-30",
                 "status":"%s","criteria":[],"decidedAt":"2027-07-01T00:00:00Z","createdAt":"2027-02-01T00:00:00Z","version":3}"""
                .formatted(id, plan, status);
    }

    String escalation(UUID id, int level, String status, List<String> recipients, List<String> roles, String acknowledgedBy) {
        return """
                {"escalationId":"%s","planId":"%s","cause":"MILESTONE_MISSED","causeId":"%s","title":"Certification behind",
                 "level":%d,"levels":3,"recipients":[%s],"roles":[%s],"acknowledgeBy":"2027-07-03T12:00:00Z","status":"%s",
                 "acknowledgedBy":%s,"acknowledgedAt":null,"rectificationPlan":null,"resolvedBy":null,"resolvedAt":null}"""
                .formatted(id, plan, UUID.randomUUID(), level, quoted(recipients), quoted(roles), status,
                        acknowledgedBy == null ? "null" : "\"" + acknowledgedBy + "\"");
    }

    private static String quoted(List<String> values) {
        return String.join(",", values.stream().map(v -> "\"" + v + "\"").toList());
    }
}

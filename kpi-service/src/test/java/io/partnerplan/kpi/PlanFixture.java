package io.partnerplan.kpi;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.restassured.http.ContentType;

/**
 * An active plan as kpi-service learns it, from the events other services publish on the real broker:
 * plan-service's plan.created and plan.activated, calendar-service's mop.agreed (a vendor on a fiscal
 * year starting 1 February, so the MOP's quarters end in April, July, October and January).
 */
public final class PlanFixture {

    public static final String PLAN_TOPIC = "partnerplan.plan.events.v1";
    public static final String CALENDAR_TOPIC = "partnerplan.calendar.events.v1";
    public static final String KPI_TOPIC = "partnerplan.kpi.events.v1";

    public final String tenant;
    public final UUID vendor;
    public final UUID partner = UUID.randomUUID();
    public final UUID plan = UUID.randomUUID();
    public final UUID mop = UUID.randomUUID();
    public String partnerName = "Northwind";
    public final String vendorManager;
    public final String partnerOwner;
    public final String crm;

    /** Another plan of the same vendor with another partner, in the same tenant. */
    public PlanFixture sibling(String partnerName) {
        PlanFixture other = new PlanFixture(tenant, vendor);
        other.partnerName = partnerName;
        return other;
    }

    public PlanFixture() {
        this("t-" + UUID.randomUUID().toString().substring(0, 8), UUID.randomUUID());
    }

    private PlanFixture(String tenant, UUID vendor) {
        this.tenant = tenant;
        this.vendor = vendor;
        this.vendorManager = DevTokens.token(tenant, vendor, Roles.VENDOR_MANAGER);
        this.partnerOwner = DevTokens.token(tenant, partner, Roles.PARTNER_OWNER);
        this.crm = DevTokens.integration(tenant, partner, "northwind-crm");
    }

    public PlanFixture activePlanWithMop() {
        return planWithMop(true);
    }

    /** A plan still in draft: kpi-service keeps its milestones' criteria but does not judge them. */
    public PlanFixture draftPlanWithMop() {
        return planWithMop(false);
    }

    /** plan-service's {@code plan.<event>} with the plan's header and {@code status}. */
    public String planEvent(String event, String status) {
        return send(PLAN_TOPIC, plan, "plan." + event, """
                {"id":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"FY27",
                 "horizonStart":"2027-02-01","horizonEnd":"2028-01-31","status":"%s"}"""
                .formatted(plan, vendor, partner, status));
    }

    private PlanFixture planWithMop(boolean active) {
        send(PLAN_TOPIC, plan, "plan.created", """
                {"planId":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"FY27","partnerName":"%s",
                 "horizonStart":"2027-02-01","horizonEnd":"2028-01-31","createdBy":"vm@contoso.test"}"""
                .formatted(plan, vendor, partner, partnerName));
        if (active) {
            planEvent("activated", "ACTIVE");
        }
        send(CALENDAR_TOPIC, mop, "mop.agreed", """
                {"id":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","form":"SHARED_QUARTER_END",
                 "status":"AGREED","horizonStart":"2027-02-01","horizonEnd":"2028-01-31","periods":[
                 {"label":"MOP Q1 2027","start":"2027-02-01","end":"2027-04-30"},
                 {"label":"MOP Q2 2027","start":"2027-05-01","end":"2027-07-31"},
                 {"label":"MOP Q3 2027","start":"2027-08-01","end":"2027-10-31"},
                 {"label":"MOP Q4 2027","start":"2027-11-01","end":"2028-01-31"}]}""".formatted(mop, vendor, partner));
        given().auth().oauth2(DevTokens.token(tenant, null, Roles.TENANT_ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("key", "revenue", "name", "Revenue", "unit", "CURRENCY", "currency", "USD",
                        "direction", "HIGHER_IS_BETTER", "aggregation", "SUM"))
                .post("/api/v1/kpis").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(vendorManager).get("/api/v1/targets/{plan}/periods", plan).then().statusCode(200)
                        .body("[0].label", org.hamcrest.Matchers.equalTo("MOP Q1 2027")));
        return this;
    }

    /**
     * Targets as an agreed plan gets them: plan-service's plan.objectives-agreed with one objective per
     * (start, end, target) triple naming {@code kpi}; waits until kpi-service holds the last one.
     * (Typed targets, PUT /targets, are for plans being drafted: an agreed plan's answer 409.)
     */
    public void agreedTargets(String kpi, String... startEndTarget) {
        StringBuilder objectives = new StringBuilder();
        for (int i = 0; i < startEndTarget.length; i += 3) {
            objectives.append(i == 0 ? "" : ",").append("""
                    {"id":"%s","planId":"%s","title":"%s %s","description":null,"measures":[{"kpi":"%s","target":"%s"}],
                     "periodStart":"%s","periodEnd":"%s","version":0}""".formatted(UUID.randomUUID(), plan, kpi,
                    startEndTarget[i], kpi, startEndTarget[i + 2], startEndTarget[i], startEndTarget[i + 1]));
        }
        send(PLAN_TOPIC, plan, "plan.objectives-agreed", """
                {"planId":"%s","planVersion":1,"objectives":[%s]}""".formatted(plan, objectives));
        String last = startEndTarget[startEndTarget.length - 1];
        String lastStart = startEndTarget[startEndTarget.length - 3];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(vendorManager).get("/api/v1/targets/{plan}/{kpi}", plan, kpi).then().statusCode(200)
                        .body("periods.find { it.start == '" + lastStart + "' }.target", org.hamcrest.Matchers.equalTo(last)));
    }

    /** @return the event's id */
    public String send(String topic, UUID key, String type, String data) {
        String id = UUID.randomUUID().toString();
        KafkaProbe.send(topic, key.toString(), data, KafkaProbe.cloudEventHeaders(id,
                "io.partnerplan." + type + ".v1", key.toString(), tenant));
        return id;
    }

    public void measure(String value, String occurredOn, String externalId) {
        given().auth().oauth2(crm).contentType(ContentType.JSON)
                .body(Map.of("planId", plan.toString(), "kpi", "revenue", "value", value, "currency", "USD",
                        "occurredOn", occurredOn, "externalId", externalId))
                .post("/api/v1/measurements").then().statusCode(201);
    }
}

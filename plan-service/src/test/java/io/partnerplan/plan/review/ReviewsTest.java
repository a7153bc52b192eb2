package io.partnerplan.plan.review;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.partnerplan.plan.ActivePlans;
import io.partnerplan.plan.Fixtures;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Reviews held: calendar's review.due puts the plan in review, a member records the review with the
 * KPI scorecard kpi-service last sent, and review.completed closes it; all events on the real broker.
 */
@QuarkusTest
class ReviewsTest {

    private static final String PLAN_TOPIC = "partnerplan.plan.events.v1";
    private static final String KPI_TOPIC = "partnerplan.kpi.events.v1";
    private static final String CALENDAR_TOPIC = "partnerplan.calendar.events.v1";

    @Inject
    AgroalDataSource db;

    private static String scorecard(UUID plan, String asOf, String computedAt) {
        return """
                {"planId":"%s","asOf":"%s","computedAt":"%s","kpis":[{"kpi":"revenue","name":"Revenue","unit":"CURRENCY",
                 "currency":"USD","period":"Q1","periodStart":"2027-02-01","periodEnd":"2027-04-30","target":"200000",
                 "actual":"150000","attainment":"75","forecast":"190000","rag":"AMBER","trend":"UP","lastClosedPeriod":null}]}"""
                .formatted(plan, asOf, computedAt);
    }

    private static String send(String topic, Fixtures f, UUID plan, String type, String data) {
        String id = UUID.randomUUID().toString();
        KafkaProbe.send(topic, plan.toString(), data,
                KafkaProbe.cloudEventHeaders(id, "io.partnerplan." + type + ".v1", plan.toString(), f.tenant()));
        return id;
    }

    private static String reviewDue(UUID review, UUID plan, long daysUntilDue) {
        return """
                {"reviewId":"%s","planId":"%s","sequence":1,"dueOn":"%s","daysUntilDue":%d}"""
                .formatted(review, plan, LocalDate.now().plusDays(daysUntilDue), daysUntilDue);
    }

    private void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> query("select 1 from processed_event where event_id = ?", eventId) != null);
    }

    private String query(String sql, Object param) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static String status(Fixtures f, UUID plan) {
        return given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}", plan).then().extract().path("status");
    }

    @Test
    void aDueReviewPutsThePlanInReviewAndHoldingItKeepsTheLatestScorecardCreatesActionsAndReactivates() throws Exception {
        Fixtures f = Fixtures.newTenant();
        UUID plan = ActivePlans.active(f, "FY27");

        // kpi-service's scorecards may arrive out of order: the newest (by computedAt) is the one kept.
        send(KPI_TOPIC, f, plan, "kpi.scorecard.changed", scorecard(plan, "2027-05-01", "2027-05-01T10:00:00Z"));
        String older = send(KPI_TOPIC, f, plan, "kpi.scorecard.changed", scorecard(plan, "2027-04-01", "2027-04-01T10:00:00Z"));
        awaitProcessed(older);
        assertEquals("2027-05-01", query("select summary->>'asOf' from kpi_scorecard where plan_id = ?", plan));

        // Announced ahead: nothing changes yet; on the day: in review.
        UUID scheduled = UUID.randomUUID();
        awaitProcessed(send(CALENDAR_TOPIC, f, plan, "review.due", reviewDue(scheduled, plan, 7)));
        assertEquals("ACTIVE", status(f, plan));
        send(CALENDAR_TOPIC, f, plan, "review.due", reviewDue(scheduled, plan, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> "IN_REVIEW".equals(status(f, plan)));

        // A partner user who is not a member of the plan may not record it.
        given().auth().oauth2(DevTokens.token(f.tenant(), f.partner(), Roles.CONTRIBUTOR)).contentType(ContentType.JSON)
                .body(Map.of("attendees", List.of("x"))).post("/api/v1/plans/{id}/reviews", plan).then().statusCode(403)
                .contentType("application/problem+json");

        var held = given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON)
                .body(Map.of("scheduledReviewId", scheduled.toString(),
                        "attendees", List.of("vm@contoso.test", "po@northwind.test"),
                        "notes", "Pipeline behind in EMEA; webinars working.",
                        "decisions", List.of("Shift 10k MDF from events to webinars"),
                        "actions", List.of(Map.of("title", "Re-plan EMEA events", "owner", "vm@contoso.test",
                                "dueOn", "2027-06-30"))))
                .post("/api/v1/plans/{id}/reviews", plan).then().statusCode(201)
                .body("scheduledReviewId", equalTo(scheduled.toString()))
                .body("heldOn", equalTo(LocalDate.now().toString()))
                .body("kpiSnapshot.asOf", equalTo("2027-05-01"))
                .body("kpiSnapshot.kpis[0].rag", equalTo("AMBER"))
                .body("decisions", hasSize(1)).body("actionIds", hasSize(1)).extract();
        String review = held.path("reviewId");
        String action = held.path("actionIds[0]");

        assertEquals("ACTIVE", status(f, plan));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/actions", plan).then()
                .body("items", hasSize(1)).body("items[0].id", equalTo(action)).body("items[0].title", equalTo("Re-plan EMEA events"));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/reviews", plan).then()
                .body("items", hasSize(1)).body("items[0].reviewId", equalTo(review));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/reviews/{r}", plan, review).then().statusCode(200)
                .body("notes", equalTo("Pipeline behind in EMEA; webinars working."));

        var completed = KafkaProbe.awaitRecord(PLAN_TOPIC, Duration.ofSeconds(30), r -> "io.partnerplan.review.completed.v1"
                .equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(review));
        assertEquals(plan.toString(), completed.key());
        for (String field : List.of("\"scheduledReviewId\":\"" + scheduled + "\"", "\"actionIds\":[\"" + action + "\"]",
                "\"attendees\":[\"vm@contoso.test\",\"po@northwind.test\"]", "\"asOf\":\"2027-05-01\"")) {
            assertEquals(true, completed.value().contains(field), field + " in " + completed.value());
        }
    }

    @Test
    void aReviewHeldBeforeAnyScorecardKeepsNoSnapshotAndBadInputIsNamed() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = ActivePlans.active(f, "FY27");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("attendees", List.of(), "heldOn", LocalDate.now().plusDays(1).toString()))
                .post("/api/v1/plans/{id}/reviews", plan).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("attendees"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("attendees", List.of("vm"), "heldOn", LocalDate.now().plusDays(1).toString()))
                .post("/api/v1/plans/{id}/reviews", plan).then().statusCode(400).body("errors[0].field", equalTo("heldOn"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("attendees", List.of("vm"), "actions", List.of(Map.of("title", "", "owner", "vm@contoso.test", "dueOn", "2027-06-30"))))
                .post("/api/v1/plans/{id}/reviews", plan).then().statusCode(400).body("errors[0].field", equalTo("actions[0].title"));
        // The first action is fine, the second's owner is no member: nothing of the review is kept.
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("attendees", List.of("vm"), "actions", List.of(
                        Map.of("title", "Fine", "owner", "vm@contoso.test", "dueOn", "2027-06-30"),
                        Map.of("title", "Nobody's", "owner", "stranger@example.test", "dueOn", "2027-06-30"))))
                .post("/api/v1/plans/{id}/reviews", plan).then().statusCode(400).body("errors[0].field", equalTo("actions[1].owner"));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/actions", plan).then().body("items", hasSize(0));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/reviews", plan).then().body("items", hasSize(0));

        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(Map.of("attendees", List.of("vm")))
                .post("/api/v1/plans/{id}/reviews", plan).then().statusCode(201)
                .body("kpiSnapshot", nullValue()).body("scheduledReviewId", nullValue());

        UUID draft = f.draftPlan("Not yet agreed");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(Map.of("attendees", List.of("vm")))
                .post("/api/v1/plans/{id}/reviews", draft).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aViewerMemberReadsReviewsButDoesNotRecordOne() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = ActivePlans.active(f, "FY27");
        f.addMember(plan, "vera@contoso.test", f.vendor(), "viewer");
        String viewer = DevTokens.tokenFor(f.tenant(), f.vendor(), "vera@contoso.test", Roles.VIEWER);
        given().auth().oauth2(viewer).contentType(ContentType.JSON).body(Map.of("attendees", List.of("vm")))
                .post("/api/v1/plans/{id}/reviews", plan).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(viewer).get("/api/v1/plans/{id}/reviews", plan).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void anotherPartnerOrTenantGets404AndAMalformedReviewDueIsParked() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = ActivePlans.active(f, "FY27");
        String review = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("attendees", List.of("vm"))).post("/api/v1/plans/{id}/reviews", plan).then().statusCode(201)
                .extract().path("reviewId");
        for (String stranger : new String[] { DevTokens.token(f.tenant(), UUID.randomUUID(), Roles.PARTNER_OWNER),
                DevTokens.tokenFor("x-" + f.tenant(), f.partner(), "po@northwind.test", Roles.PARTNER_OWNER) }) {
            given().auth().oauth2(stranger).get("/api/v1/plans/{id}/reviews", plan).then().statusCode(404);
            given().auth().oauth2(stranger).get("/api/v1/plans/{id}/reviews/{r}", plan, review).then().statusCode(404);
            given().auth().oauth2(stranger).contentType(ContentType.JSON).body(Map.of("attendees", List.of("x")))
                    .post("/api/v1/plans/{id}/reviews", plan).then().statusCode(404);
        }
        // A malformed review.due (no contract allows it: sent unchecked) is parked with the reason.
        String poison = UUID.randomUUID().toString();
        KafkaProbe.sendUnchecked(CALENDAR_TOPIC, plan.toString(), "{\"planId\":\"" + plan + "\"}",
                KafkaProbe.cloudEventHeaders(poison, "io.partnerplan.review.due.v1", plan.toString(), f.tenant()));
        var parked = KafkaProbe.awaitRecord(CALENDAR_TOPIC + ".plan.dlq", Duration.ofSeconds(30),
                r -> poison.equals(KafkaProbe.header(r, "ce_id")));
        assertEquals(true, KafkaProbe.header(parked, "dead-letter-reason").contains("daysUntilDue"));
    }
}

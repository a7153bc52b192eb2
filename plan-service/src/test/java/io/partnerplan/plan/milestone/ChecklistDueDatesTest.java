package io.partnerplan.plan.milestone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.partnerplan.plan.Fixtures;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Checklist milestones are decided once their due date has passed, by one replica, once. */
@QuarkusTest
class ChecklistDueDatesTest {

    static final String TOPIC = "partnerplan.plan.events.v1";

    @Inject
    ChecklistDueDates dueDates;

    @Inject
    io.partnerplan.plan.action.PlanActions actions;

    @Inject
    javax.sql.DataSource db;

    private static Map<String, Object> checklist(boolean... done) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < done.length; i++) {
            items.add(Map.of("text", "Item " + i, "done", done[i]));
        }
        return Map.of("kind", "CHECKLIST", "items", items);
    }

    private static String milestone(Fixtures f, UUID plan, Object... criteria) {
        return given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "Partner enablement", "dueOn", "2027-04-30", "criteria", List.of(criteria)))
                .post("/api/v1/plans/{id}/milestones", plan).then().statusCode(201).extract().path("id");
    }

    @Test
    void anUnfinishedChecklistOfAnAgreedPlanIsMissedTheDayAfterItsDueDateOnceAndEscalated() throws Exception {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        String missed = milestone(f, plan, checklist(true, true), checklist(true, false));
        String investment = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "Second presales engineer", "fundingParty", "VENDOR", "amount", "1000",
                        "currency", "EUR", "milestoneId", missed))
                .post("/api/v1/plans/{id}/investments", plan).then().statusCode(201).extract().path("id");
        String waitingForKpi = milestone(f, plan, checklist(true),
                Map.of("kind", "KPI", "kpi", "revenue", "threshold", "100", "windowStart", "2027-02-01", "windowEnd", "2027-04-30"));

        dueDates.decideDue(LocalDate.of(2027, 4, 30)); // the due day itself still counts
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/milestones/{m}", plan, missed).then()
                .body("status", equalTo("PENDING"));
        dueDates.decideDue(LocalDate.of(2027, 5, 1)); // past due, but a draft is a proposal nobody signed yet
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/milestones/{m}", plan, missed).then()
                .body("status", equalTo("PENDING"));
        f.agree(plan);

        CyclicBarrier start = new CyclicBarrier(2);
        Runnable replica = () -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            dueDates.decideDue(LocalDate.of(2027, 5, 1));
        };
        CompletableFuture.allOf(CompletableFuture.runAsync(replica), CompletableFuture.runAsync(replica)).get();

        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/milestones/{m}", plan, missed).then()
                .body("status", equalTo("MISSED")).body("criteria.state", contains("MET", "MISSED"))
                .body("criteria[1].reason", equalTo("not every item was done by the due date"));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/milestones/{m}", plan, waitingForKpi).then()
                .body("status", equalTo("PENDING")); // its checklist is done; the KPI verdict decides
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/investments", plan).then()
                .body("find { it.id == '" + investment + "' }.status", equalTo("LOCKED"));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/escalations", plan).then()
                .body("items", hasSize(1)).body("items[0].cause", equalTo("MILESTONE_MISSED"))
                .body("items[0].causeId", equalTo(missed)).body("items[0].title", equalTo("Partner enablement"))
                .body("items[0].recipients", contains("po@northwind.test", "vm@contoso.test")); // both signers are members now

        var missedEvents = KafkaProbe.allRecords(TOPIC, Duration.ofSeconds(4),
                r -> "io.partnerplan.milestone.missed.v1".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(missed));
        assertEquals(1, missedEvents.size(), "missed once, whichever replica decided it");
        var raised = KafkaProbe.allRecords(TOPIC, Duration.ofSeconds(2),
                r -> "io.partnerplan.escalation.raised.v1".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(missed));
        assertEquals(1, raised.size());
        assertEquals(f.tenant(), KafkaProbe.header(raised.get(0), "ce_tenantid"));
    }

    @Test
    void aClosedPlanIsNoLongerJudgedItsMilestonesAndActionsStayAsTheyWere() throws Exception {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27, abandoned");
        String unfinished = milestone(f, plan, checklist(true, false));
        var kpiMilestone = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "Q1 revenue", "dueOn", "2027-04-30", "criteria", List.of(Map.of("kind", "KPI", "kpi", "revenue",
                        "threshold", "100", "windowStart", "2027-02-01", "windowEnd", "2027-04-30"))))
                .post("/api/v1/plans/{id}/milestones", plan).then().statusCode(201).extract();
        String action = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "Kick-off workshop", "owner", "vm@contoso.test", "dueOn", "2027-03-15"))
                .post("/api/v1/plans/{id}/actions", plan).then().statusCode(201).extract().path("id");
        String etag = given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}", plan).then().extract().header("ETag");
        given().auth().oauth2(f.vendorManager()).header("If-Match", etag).post("/api/v1/plans/{id}/close", plan)
                .then().statusCode(200).body("status", equalTo("CLOSED"));

        // Its due dates pass and kpi-service's verdict comes: nobody is escalated about a plan that was closed.
        dueDates.decideDue(LocalDate.of(2027, 5, 1));
        actions.announceOverdue(LocalDate.of(2027, 5, 1));
        String verdict = UUID.randomUUID().toString();
        KafkaProbe.send("partnerplan.kpi.events.v1", plan.toString(), """
                {"criterionId":"%s","milestoneId":"%s","planId":"%s","kpi":"revenue","threshold":"100",
                 "windowStart":"2027-02-01","windowEnd":"2027-04-30","state":"MISSED","actual":"5","forecast":"5",
                 "evaluatedOn":"2027-05-01","reason":"period closed below the threshold"}"""
                .formatted(kpiMilestone.path("criteria[0].id"), kpiMilestone.path("id"), plan),
                KafkaProbe.cloudEventHeaders(verdict, "io.partnerplan.kpi.criterion.missed.v1", plan.toString(), f.tenant()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> processed(verdict));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/milestones/{m}", plan, kpiMilestone.path("id")).then()
                .body("status", equalTo("PENDING"));

        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/milestones/{m}", plan, unfinished).then()
                .body("status", equalTo("PENDING"));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/escalations", plan).then().body("items", hasSize(0));
        var announced = KafkaProbe.allRecords(TOPIC, Duration.ofSeconds(3), r -> r.value().contains(unfinished) || r.value().contains(action));
        assertEquals(List.of(), announced.stream().map(r -> KafkaProbe.header(r, "ce_type"))
                .filter(t -> t.endsWith("milestone.missed.v1") || t.endsWith("action.overdue.v1")).toList());
    }

    /** Whether plan-service's consumer has taken the event (its id is recorded with the effects). */
    private boolean processed(String eventId) throws java.sql.SQLException {
        try (var connection = db.getConnection();
             var query = connection.prepareStatement("select 1 from processed_event where event_id = ?")) {
            query.setString(1, eventId);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}

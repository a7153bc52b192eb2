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
    void anUnfinishedChecklistIsMissedTheDayAfterItsDueDateOnceAndEscalated() throws Exception {
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
                .body("items[0].recipients", contains("vm@contoso.test"));

        var missedEvents = KafkaProbe.allRecords(TOPIC, Duration.ofSeconds(4),
                r -> "io.partnerplan.milestone.missed.v1".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(missed));
        assertEquals(1, missedEvents.size(), "missed once, whichever replica decided it");
        var raised = KafkaProbe.allRecords(TOPIC, Duration.ofSeconds(2),
                r -> "io.partnerplan.escalation.raised.v1".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(missed));
        assertEquals(1, raised.size());
        assertEquals(f.tenant(), KafkaProbe.header(raised.get(0), "ce_tenantid"));
    }
}

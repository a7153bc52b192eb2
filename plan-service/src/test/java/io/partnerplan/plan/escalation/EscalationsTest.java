package io.partnerplan.plan.escalation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.partnerplan.plan.Fixtures;
import io.partnerplan.platform.testing.SettableClock;
import io.partnerplan.plan.action.PlanActions;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class EscalationsTest {

    static final String TOPIC = "partnerplan.plan.events.v1";
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @Inject
    PlanActions actions;
    @Inject
    EscalationLadder ladder;
    @Inject
    SettableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A plan with its vendor manager, the partner's owner and the vendor's executive sponsor. */
    static UUID planWithPeople(Fixtures f) {
        UUID plan = f.draftPlan("FY27");
        member(f, plan, "po@northwind.test", f.partner(), "partner-owner");
        member(f, plan, "es@contoso.test", f.vendor(), "executive-sponsor");
        return plan;
    }

    static void member(Fixtures f, UUID plan, String subject, UUID organisation, String role) {
        f.addMember(plan, subject, organisation, role);
    }

    /** An action already overdue, announced (and so escalated) by the overdue job at {@link #T0}. */
    String overdueAction(Fixtures f, UUID plan) {
        String action = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "Certify three engineers", "owner", "po@northwind.test", "dueOn", "2020-06-30"))
                .post("/api/v1/plans/{id}/actions", plan).then().statusCode(201).extract().path("id");
        clock.at(T0);
        actions.announceOverdue(LocalDate.of(2020, 7, 2));
        return action;
    }

    static List<ConsumerRecord<String, String>> events(String escalation, String type) {
        return KafkaProbe.allRecords(TOPIC, Duration.ofSeconds(3),
                r -> ("io.partnerplan." + type + ".v1").equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(escalation));
    }

    @Test
    void anOverdueActionIsRaisedClimbsWhenIgnoredIsAcknowledgedAndResolvedWithARectificationPlan() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = planWithPeople(f);
        String action = overdueAction(f, plan);
        actions.announceOverdue(LocalDate.of(2020, 7, 3)); // announced once, raised once

        String id = given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/escalations", plan).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].cause", equalTo("ACTION_OVERDUE")).body("items[0].causeId", equalTo(action))
                .body("items[0].title", equalTo("Certify three engineers"))
                .body("items[0].level", equalTo(1)).body("items[0].levels", equalTo(2))
                .body("items[0].recipients", contains("po@northwind.test", "vm@contoso.test"))
                .body("items[0].roles", contains("vendor-manager", "partner-owner"))
                .body("items[0].acknowledgeBy", equalTo("2026-11-04T09:00:00Z"))
                .body("items[0].status", equalTo("RAISED"))
                .extract().path("items[0].escalationId");
        ConsumerRecord<String, String> raised = KafkaProbe.awaitRecord(TOPIC, Duration.ofSeconds(15),
                r -> "io.partnerplan.escalation.raised.v1".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(id));
        assertEquals(plan.toString(), raised.key());
        assertEquals(f.tenant(), KafkaProbe.header(raised, "ce_tenantid"));
        assertTrue(raised.value().contains("\"recipients\":[\"po@northwind.test\",\"vm@contoso.test\"]"), raised.value());

        // Nobody acknowledged within two days: the executive sponsors are told.
        clock.at(T0.plus(Duration.ofDays(1)));
        ladder.climbDue();
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/escalations/{e}", plan, id).then()
                .body("level", equalTo(1)).header("ETag", "\"0\"");
        clock.at(T0.plus(Duration.ofDays(2)).plusSeconds(60));
        ladder.climbDue();
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/escalations/{e}", plan, id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("level", equalTo(2)).body("recipients", contains("es@contoso.test"))
                .body("roles", contains("executive-sponsor")).body("acknowledgeBy", equalTo("2026-11-07T09:00:00Z"));

        // The partner's owner is no longer on the current level; the sponsor acknowledges.
        given().auth().oauth2(f.partnerOwner()).header("If-Match", "\"1\"")
                .post("/api/v1/plans/{id}/escalations/{e}/acknowledge", plan, id).then().statusCode(403);
        String sponsor = DevTokens.tokenFor(f.tenant(), f.vendor(), "es@contoso.test", Roles.EXECUTIVE_SPONSOR);
        given().auth().oauth2(sponsor).header("If-Match", "\"0\"")
                .post("/api/v1/plans/{id}/escalations/{e}/acknowledge", plan, id).then().statusCode(412);
        given().auth().oauth2(sponsor).header("If-Match", "\"1\"")
                .post("/api/v1/plans/{id}/escalations/{e}/acknowledge", plan, id).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedBy", equalTo("es@contoso.test"));
        clock.at(T0.plus(Duration.ofDays(30)));
        ladder.climbDue(); // acknowledged: climbs no more

        // Resolving needs a rectification plan whose actions have members as owners.
        given().auth().oauth2(f.vendorManager()).header("If-Match", "\"2\"").contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/plans/{id}/escalations/{e}/resolve", plan, id).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("rectificationPlan"));
        given().auth().oauth2(f.vendorManager()).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body(Map.of("rectificationPlan", Map.of("summary", " ")))
                .post("/api/v1/plans/{id}/escalations/{e}/resolve", plan, id).then().statusCode(400)
                .body("errors[0].field", equalTo("rectificationPlan.summary"));
        given().auth().oauth2(f.vendorManager()).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body(Map.of("rectificationPlan", Map.of("summary", "Two engineers certify by May", "actions",
                        List.of(Map.of("title", "Book the exam", "owner", "nobody@x.test", "dueOn", "2027-05-31")))))
                .post("/api/v1/plans/{id}/escalations/{e}/resolve", plan, id).then().statusCode(400)
                .body("errors[0].field", equalTo("rectificationPlan.actions[0].owner"));
        String rectification = given().auth().oauth2(f.vendorManager()).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body(Map.of("rectificationPlan", Map.of("summary", "Two engineers certify by May", "actions",
                        List.of(Map.of("title", "Book the exam", "owner", "po@northwind.test", "dueOn", "2027-05-31")))))
                .post("/api/v1/plans/{id}/escalations/{e}/resolve", plan, id).then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("resolvedBy", equalTo("vm@contoso.test"))
                .body("level", equalTo(2))
                .body("rectificationPlan.summary", equalTo("Two engineers certify by May"))
                .body("rectificationPlan.actionIds", hasSize(1))
                .extract().path("rectificationPlan.actionIds[0]");
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/actions", plan).then()
                .body("items.id", hasItem(rectification)).body("items.title", hasItem("Book the exam"));

        given().auth().oauth2(f.vendorManager()).header("If-Match", "\"3\"")
                .post("/api/v1/plans/{id}/escalations/{e}/acknowledge", plan, id).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("resolved"));
        given().auth().oauth2(f.vendorManager()).header("If-Match", "\"3\"").contentType(ContentType.JSON)
                .body(Map.of("rectificationPlan", Map.of("summary", "again")))
                .post("/api/v1/plans/{id}/escalations/{e}/resolve", plan, id).then().statusCode(409);

        given().auth().oauth2(f.partnerOwner()).queryParam("status", "RESOLVED").get("/api/v1/plans/{id}/escalations", plan)
                .then().body("items", hasSize(1));
        given().auth().oauth2(f.partnerOwner()).queryParam("status", "raised").get("/api/v1/plans/{id}/escalations", plan)
                .then().body("items", hasSize(0));
        given().auth().oauth2(f.partnerOwner()).queryParam("status", "LOST").get("/api/v1/plans/{id}/escalations", plan)
                .then().statusCode(400).body("errors[0].field", equalTo("status"));

        assertEquals(1, events(id, "escalation.raised").size(), "raised once");
        assertEquals(1, events(id, "escalation.climbed").size(), "climbed once");
        List<ConsumerRecord<String, String>> acknowledged = events(id, "escalation.acknowledged");
        assertEquals(1, acknowledged.size());
        assertEquals("es@contoso.test", KafkaProbe.header(acknowledged.get(0), "ce_actor"));
        List<ConsumerRecord<String, String>> resolved = events(id, "escalation.resolved");
        assertEquals(1, resolved.size());
        assertTrue(resolved.get(0).value().contains(rectification), resolved.get(0).value());
    }

    @Test
    void afterDowntimeTheLadderCatchesUpAndTwoReplicasClimbEachLevelOnce() throws Exception {
        Fixtures f = Fixtures.newTenant();
        UUID plan = planWithPeople(f);
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("levels", List.of(
                        Map.of("name", "Manager", "roles", List.of("vendor-manager"), "acknowledgeWithin", "PT1H"),
                        Map.of("name", "Partner", "subjects", List.of("po@northwind.test"), "acknowledgeWithin", "PT1H"),
                        Map.of("name", "Sponsors", "roles", List.of("executive-sponsor"), "acknowledgeWithin", "PT1H"))))
                .put("/api/v1/plans/{id}/escalation-policy", plan).then().statusCode(200);
        overdueAction(f, plan);
        String id = given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/escalations", plan).then()
                .body("items[0].levels", equalTo(3)).body("items[0].recipients", contains("vm@contoso.test"))
                .extract().path("items[0].escalationId");

        clock.at(T0.plus(Duration.ofHours(5)));
        CyclicBarrier start = new CyclicBarrier(2);
        var replicas = List.of(
                CompletableFuture.runAsync(() -> { await(start); ladder.climbDue(); }),
                CompletableFuture.runAsync(() -> { await(start); ladder.climbDue(); }));
        CompletableFuture.allOf(replicas.toArray(CompletableFuture[]::new)).get();

        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/escalations/{e}", plan, id).then()
                .body("level", equalTo(3)).body("recipients", contains("es@contoso.test"))
                .body("acknowledgeBy", equalTo("2026-11-02T12:00:00Z"));
        List<ConsumerRecord<String, String>> climbed = events(id, "escalation.climbed");
        assertEquals(2, climbed.size(), "one event per level climbed, whichever replica climbed it");
        assertTrue(climbed.get(0).value().contains("\"level\":2"), climbed.get(0).value());
        assertTrue(climbed.get(0).value().contains("\"recipients\":[\"po@northwind.test\"]"), climbed.get(0).value());
        assertTrue(climbed.get(1).value().contains("\"level\":3"), climbed.get(1).value());
    }

    @Test
    void thePolicyDefaultsToOwnersThenSponsorsAndIsReplacedOnlyWithTheCurrentETagAndValidLevels() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = planWithPeople(f);
        String path = "/api/v1/plans/{id}/escalation-policy";
        given().auth().oauth2(f.partnerOwner()).get(path, plan).then().statusCode(200).header("ETag", "\"0\"")
                .body("defaultPolicy", equalTo(true)).body("levels", hasSize(2))
                .body("levels[0].roles", contains("vendor-manager", "partner-owner")).body("levels[0].acknowledgeWithin", equalTo("P2D"))
                .body("levels[1].roles", contains("executive-sponsor")).body("levels[1].acknowledgeWithin", equalTo("P3D"));

        Map<String, Object> policy = Map.of("levels", List.of(
                Map.of("name", "Owners", "roles", List.of("partner-owner"), "subjects", List.of("es@contoso.test"), "acknowledgeWithin", "PT12H")));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(policy).put(path, plan).then().statusCode(428);
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(policy)
                .put(path, plan).then().statusCode(200).header("ETag", "\"1\"")
                .body("defaultPolicy", equalTo(false)).body("updatedBy", equalTo("po@northwind.test"))
                .body("levels[0].subjects", contains("es@contoso.test"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(policy)
                .put(path, plan).then().statusCode(412);
        given().auth().oauth2(f.vendorManager()).get(path, plan).then().header("ETag", "\"1\"").body("levels", hasSize(1));

        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("levels", List.of(Map.of("name", "x", "roles", List.of("vendor-manager"), "acknowledgeWithin", "two days"))))
                .put(path, plan).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("levels[0].acknowledgeWithin"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("levels", List.of(Map.of("name", "x", "subjects", List.of("stranger@x.test"), "acknowledgeWithin", "P1D"))))
                .put(path, plan).then().statusCode(400).body("errors[0].field", equalTo("levels[0].subjects[0]"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("levels", List.of())).put(path, plan).then().statusCode(400).body("errors[0].field", equalTo("levels"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("levels", List.of(Map.of("name", "x", "roles", List.of("boss"), "acknowledgeWithin", "P1D"))))
                .put(path, plan).then().statusCode(400).body("errors[0].field", equalTo("levels[0].roles[0]"));
        given().auth().oauth2(DevTokens.token(f.tenant(), f.partner(), Roles.CONTRIBUTOR)).contentType(ContentType.JSON)
                .header("If-Match", "\"1\"").body(policy).put(path, plan).then().statusCode(403);
    }

    @Test
    void anotherTenantAndAnotherPartnerSeeNoEscalationsNorPolicy() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = planWithPeople(f);
        overdueAction(f, plan);
        String id = given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/escalations", plan).then()
                .extract().path("items[0].escalationId");
        UUID otherPartner = Fixtures.organisation(DevTokens.token(f.tenant(), null, Roles.TENANT_ADMIN), "Fabrikam", "PARTNER");
        String rival = DevTokens.tokenFor(f.tenant(), otherPartner, "po@fabrikam.test", Roles.PARTNER_OWNER);
        String stranger = DevTokens.tokenFor("x-" + f.tenant(), f.partner(), "po@northwind.test", Roles.PARTNER_OWNER);
        for (String token : List.of(rival, stranger)) {
            given().auth().oauth2(token).get("/api/v1/plans/{id}/escalations", plan).then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/plans/{id}/escalations/{e}", plan, id).then().statusCode(404);
            given().auth().oauth2(token).header("If-Match", "\"0\"")
                    .post("/api/v1/plans/{id}/escalations/{e}/acknowledge", plan, id).then().statusCode(404);
            given().auth().oauth2(token).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                    .body(Map.of("rectificationPlan", Map.of("summary", "x")))
                    .post("/api/v1/plans/{id}/escalations/{e}/resolve", plan, id).then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/plans/{id}/escalation-policy", plan).then().statusCode(404);
            given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(Map.of("levels", List.of(Map.of("name", "x", "roles", List.of("partner-owner"), "acknowledgeWithin", "P1D"))))
                    .put("/api/v1/plans/{id}/escalation-policy", plan).then().statusCode(404);
        }
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/escalations/{e}", plan, UUID.randomUUID()).then().statusCode(404);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.partnerplan.notification.notify;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The tenant's routing rule decides which roles hear a type; a member may turn off any type but a mandatory one. */
@QuarkusTest
class RoutedNotificationsTest {

    @Test
    void aTenantsRuleDecidesWhichRolesHearAnEventType() {
        PlanFixture f = PlanFixture.fresh().created();
        String admin = DevTokens.token(f.tenant, f.vendor, Roles.TENANT_ADMIN);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("roles", List.of("viewer"))).put("/api/v1/notifications/routing-rules/milestone.missed")
                .then().statusCode(200);

        f.send("milestone.missed", "system", f.milestone(UUID.randomUUID(), "MISSED"));
        f.awaitInbox(f.viewer, List.of("milestone.missed", "member.added"));
        f.awaitInbox(f.vm, List.of("plan.created"));
        f.awaitInbox(f.po, List.of("member.added"));
    }

    @Test
    void aMemberOptsOutOfATypeButNotOutOfAMandatoryOne() {
        PlanFixture f = PlanFixture.fresh().created();
        String preferences = "/api/v1/notifications/preferences";
        given().auth().oauth2(f.token(f.po)).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put(preferences + "/INBOX/escalation.raised").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("enabled"));
        given().auth().oauth2(f.token(f.po)).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put(preferences + "/INBOX/milestone.missed").then().statusCode(200);
        given().auth().oauth2(f.token(f.po)).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put(preferences + "/INBOX/milestone.exploded").then().statusCode(400).body("errors.field", hasItem("eventType"));

        f.send("milestone.missed", "system", f.milestone(UUID.randomUUID(), "MISSED"));
        f.send("escalation.raised", "system", f.escalation(UUID.randomUUID(), 1, "RAISED", List.of(f.po), List.of(), null));
        f.awaitInbox(f.po, List.of("escalation.raised", "member.added"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                f.awaitInbox(f.vm, List.of("milestone.missed", "plan.created")));
        f.awaitInbox(f.po, List.of("escalation.raised", "member.added"));
    }
}

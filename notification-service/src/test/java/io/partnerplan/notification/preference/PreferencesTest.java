package io.partnerplan.notification.preference;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.partnerplan.notification.SmtpServer;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A member turns an event type off for one channel: it still reaches them on the others. */
@QuarkusTest
class PreferencesTest {

    private static final String PREFERENCES = "/api/v1/notifications/preferences";

    @SmtpServer.Inject
    GreenMail smtp;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID plan = UUID.randomUUID();
    private final String vm = "vm-" + UUID.randomUUID() + "@contoso.test";
    private final String po = "po-" + UUID.randomUUID() + "@northwind.test";
    private final String poToken = DevTokens.tokenFor(tenant, UUID.randomUUID(), po, Roles.PARTNER_OWNER);

    @Test
    void aChannelTurnedOffForAnEventTypeIsSkippedTheOthersStillDeliver() {
        given().auth().oauth2(poToken).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put(PREFERENCES + "/EMAIL/plan.proposed").then().statusCode(200).body("enabled", equalTo(false));
        given().auth().oauth2(poToken).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put(PREFERENCES + "/INBOX/plan.agreed").then().statusCode(200);

        send("plan.created", """
                {"planId":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"FY27",
                 "horizonStart":"2027-02-01","horizonEnd":"2028-01-31","createdBy":"%s","vendorName":"Contoso","partnerName":"Northwind"}"""
                .formatted(plan, UUID.randomUUID(), UUID.randomUUID(), vm));
        UUID partner = UUID.randomUUID();
        send("person.upserted", io.partnerplan.notification.DirectoryEvents.person(po, "Pat", partner, po, null, 0));
        send("member.added", """
                {"planId":"%s","subject":"%s","organisationId":"%s","side":"PARTNER","role":"partner-owner","displayName":"Pat"}"""
                .formatted(plan, po, partner));
        send("plan.proposed", planData("PROPOSED"));
        send("plan.agreed", planData("AGREED"));

        // Email: added and agreed, not the proposal. Inbox: added and proposed, not the agreement.
        await().atMost(Duration.ofSeconds(30)).until(() -> mailSubjects().size() >= 2);
        given().auth().oauth2(poToken).get("/api/v1/notifications/inbox")
                .then().body("items.eventType", equalTo(List.of("plan.proposed", "member.added")));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailSubjects().size() == 2);
        assertEquals(List.of("You were added to FY27", "Plan agreed: FY27"), mailSubjects());
    }

    @Test
    void choicesAreListedPerMemberAndCanBeReset() {
        given().auth().oauth2(poToken).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put(PREFERENCES + "/EMAIL/review.due").then().statusCode(200);
        given().auth().oauth2(poToken).get(PREFERENCES).then().statusCode(200)
                .body("items.findAll { it.eventType == 'review.due' && it.channel == 'EMAIL' }.enabled", equalTo(List.of(false)))
                .body("items.findAll { it.eventType == 'review.due' && it.channel == 'INBOX' }.isDefault", equalTo(List.of(true)));
        // Someone else of the same tenant is not affected.
        given().auth().oauth2(DevTokens.token(tenant, UUID.randomUUID(), Roles.VIEWER)).get(PREFERENCES).then()
                .body("items.findAll { it.isDefault == false }", hasSize(0));
        given().auth().oauth2(poToken).delete(PREFERENCES + "/EMAIL/review.due").then().statusCode(204);
        given().auth().oauth2(poToken).get(PREFERENCES).then()
                .body("items.findAll { it.eventType == 'review.due' && it.channel == 'EMAIL' }.enabled", equalTo(List.of(true)));
    }

    @Test
    void unknownChannelsAndEventTypesAreRefusedNamingTheParameter() {
        given().auth().oauth2(poToken).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put(PREFERENCES + "/SMS/plan.agreed").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("channel"));
        given().auth().oauth2(poToken).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put(PREFERENCES + "/EMAIL/plan.exploded").then().statusCode(400).body("errors[0].field", equalTo("eventType"));
        given().auth().oauth2(poToken).contentType(ContentType.JSON).body(Map.of())
                .put(PREFERENCES + "/EMAIL/plan.agreed").then().statusCode(400).body("errors[0].field", equalTo("enabled"));
        given().get(PREFERENCES).then().statusCode(401);
    }

    private List<String> mailSubjects() {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(po);
            } catch (Exception e) {
                return false;
            }
        }).map(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private String planData(String status) {
        return """
                {"id":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"FY27","status":"%s","signOffs":[]}"""
                .formatted(plan, UUID.randomUUID(), UUID.randomUUID(), status);
    }

    private void send(String type, String data) {
        KafkaProbe.send("partnerplan.plan.events.v1", plan.toString(), data, KafkaProbe.cloudEventHeaders(UUID.randomUUID().toString(),
                "io.partnerplan." + type + ".v1", plan.toString(), tenant, vm));
    }
}

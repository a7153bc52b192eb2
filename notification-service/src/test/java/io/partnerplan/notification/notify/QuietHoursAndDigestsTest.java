package io.partnerplan.notification.notify;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.partnerplan.notification.SmtpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A member's quiet hours hold email back (the inbox item comes at once); a member who chose a digest
 * for an event type gets one email for the period's items at their local digest time.
 */
@QuarkusTest
class QuietHoursAndDigestsTest {

    private static final String SETTINGS = "/api/v1/notifications/settings";

    @SmtpServer.Inject
    GreenMail smtp;

    @Test
    void emailWaitsForTheEndOfQuietHoursTheInboxDoesNot() {
        PlanFixture f = PlanFixture.fresh().created();
        f.awaitInbox(f.vm, List.of("plan.created"));
        ZoneId zone = ZoneId.of("America/New_York");
        LocalTime now = LocalTime.now(zone).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> settings = new HashMap<>(Map.of("timeZone", "America/New_York",
                "quietHoursStart", now.minusHours(1).toString(), "quietHoursEnd", now.plusSeconds(8).toString()));
        given().auth().oauth2(f.token(f.vm)).contentType(ContentType.JSON).body(settings).put(SETTINGS)
                .then().statusCode(200).body("timeZone", equalTo("America/New_York"));

        f.send("milestone.missed", "system", f.milestone(UUID.randomUUID(), "MISSED"));
        f.awaitInbox(f.vm, List.of("milestone.missed", "plan.created"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> subjectsTo(f.vm).isEmpty());
        // The partner owner has no quiet hours: theirs came at once.
        await().atMost(Duration.ofSeconds(10)).until(() -> subjectsTo(f.po).contains("Meilenstein verfehlt: Ten certified engineers"));
        await().atMost(Duration.ofSeconds(30)).until(() -> subjectsTo(f.vm).equals(List.of("Milestone missed: Ten certified engineers")));
    }

    @Test
    void aDailyDigestSummarisesTheItemsInOneEmailAtTheLocalDigestTime() throws Exception {
        PlanFixture f = PlanFixture.fresh().created();
        f.awaitInbox(f.po, List.of("member.added"));
        // Digest time a few seconds from now in the member's zone: both items arrive before it, one digest after.
        LocalTime digestTime = LocalTime.now(ZoneId.of("Asia/Tokyo")).truncatedTo(ChronoUnit.SECONDS).plusSeconds(6);
        given().auth().oauth2(f.token(f.po)).contentType(ContentType.JSON)
                .body(Map.of("timeZone", "Asia/Tokyo", "locale", "en", "digestTime", digestTime.toString())).put(SETTINGS)
                .then().statusCode(200);
        for (String type : List.of("milestone.at-risk", "milestone.missed")) {
            given().auth().oauth2(f.token(f.po)).contentType(ContentType.JSON).body(Map.of("enabled", true, "delivery", "DAILY"))
                    .put("/api/v1/notifications/preferences/EMAIL/" + type).then().statusCode(200).body("delivery", equalTo("DAILY"));
        }
        f.send("milestone.at-risk", "system", f.milestone(UUID.randomUUID(), "AT_RISK"));
        f.send("milestone.missed", "system", f.milestone(UUID.randomUUID(), "MISSED"));
        f.awaitInbox(f.po, List.of("milestone.missed", "milestone.at-risk", "member.added"));

        MimeMessage digest = await().atMost(Duration.ofSeconds(30)).until(
                () -> mailsTo(f.po).stream().filter(m -> subject(m).startsWith("Your daily digest")).findFirst().orElse(null),
                m -> m != null);
        assertThat(subject(digest), containsString("Your daily digest: 2 notifications"));
        String text = EventsPeopleCareAboutTest.text(digest.getContent());
        assertThat(text, containsString("- Milestone at risk: Ten certified engineers"));
        assertThat(text, containsString("- Milestone missed: Ten certified engineers"));
        // Only the membership mail and the digest: neither milestone was mailed on its own, nor the digest twice.
        Thread.sleep(2500);
        assertEquals(List.of("Sie wurden zu FY27 hinzugefügt", "Your daily digest: 2 notifications"), subjectsTo(f.po));

        // A later item of the same day waits for tomorrow's digest.
        f.send("milestone.at-risk", "system", f.milestone(UUID.randomUUID(), "AT_RISK"));
        f.awaitInbox(f.po, List.of("milestone.at-risk", "milestone.missed", "milestone.at-risk", "member.added"));
        Thread.sleep(2500);
        assertEquals(2, subjectsTo(f.po).size());
    }

    @Test
    void badSettingsAndDigestsOutsideEmailAreProblemsNamingTheField() {
        PlanFixture f = PlanFixture.fresh();
        given().auth().oauth2(f.token(f.po)).contentType(ContentType.JSON).body(Map.of("timeZone", "Mars/Olympus"))
                .put(SETTINGS).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(f.token(f.po)).contentType(ContentType.JSON)
                .body(Map.of("timeZone", "UTC", "quietHoursStart", "22:00")).put(SETTINGS)
                .then().statusCode(400).body("errors.field", hasItem("quietHoursEnd"));
        given().auth().oauth2(f.token(f.po)).contentType(ContentType.JSON)
                .body(Map.of("timeZone", "UTC", "quietHoursStart", "25:00", "quietHoursEnd", "07:00")).put(SETTINGS)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(f.token(f.po)).contentType(ContentType.JSON).body(Map.of("enabled", true, "delivery", "DAILY"))
                .put("/api/v1/notifications/preferences/INBOX/milestone.missed").then().statusCode(400)
                .body("errors.field", hasItem("delivery"));
        // Settings are per member: someone else still has the defaults.
        given().auth().oauth2(f.token(f.po)).contentType(ContentType.JSON).body(Map.of("timeZone", "Europe/Berlin"))
                .put(SETTINGS).then().statusCode(200);
        given().auth().oauth2(f.token(f.vm)).get(SETTINGS).then().statusCode(200).body("timeZone", equalTo("UTC"));
    }

    private List<String> subjectsTo(String to) {
        return mailsTo(to).stream().map(QuietHoursAndDigestsTest::subject).toList();
    }

    private List<MimeMessage> mailsTo(String to) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

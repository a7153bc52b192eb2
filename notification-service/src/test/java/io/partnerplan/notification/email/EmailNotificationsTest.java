package io.partnerplan.notification.email;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.partnerplan.notification.SmtpServer;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Notifications reach members by email through a real SMTP server (GreenMail): once per event, even
 * when the event arrives twice; later when the server is down for a while; never when it stays down,
 * which notification.failed reports.
 */
@QuarkusTest
class EmailNotificationsTest {

    private static final String PLAN_TOPIC = "partnerplan.plan.events.v1";
    private static final String NOTIFICATION_TOPIC = "partnerplan.notification.events.v1";

    @SmtpServer.Inject
    GreenMail smtp;
    @Inject
    DataSource db;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID plan = UUID.randomUUID();
    private final UUID vendor = UUID.randomUUID();
    private final UUID partner = UUID.randomUUID();
    private final String vm = "vm-" + UUID.randomUUID() + "@contoso.test";

    @AfterEach
    void smtpBackUp() {
        if (!smtp.isRunning()) {
            smtp.start();
        }
    }

    @Test
    void aMemberGetsOneHtmlAndTextEmailPerEventEvenWhenTheEventArrivesTwice() throws Exception {
        String owner = "po-" + UUID.randomUUID() + "@northwind.test";
        send(UUID.randomUUID().toString(), "plan.created", vm, planCreated());
        send(UUID.randomUUID().toString(), "member.added", vm, member(vm, "Vera Manager", vendor, "VENDOR", "vendor-manager"));
        send(UUID.randomUUID().toString(), "member.added", vm, member(owner, "Pat Owner", partner, "PARTNER", "partner-owner"));
        String proposed = UUID.randomUUID().toString();
        send(proposed, "plan.proposed", vm, plan("PROPOSED"));
        send(proposed, "plan.proposed", vm, plan("PROPOSED"));    // redelivered
        send(UUID.randomUUID().toString(), "plan.agreed", vm, plan("AGREED"));

        List<MimeMessage> mails = awaitMails(owner, 3);
        assertEquals(List.of("You were added to FY27", "Plan proposed for signature: FY27", "Plan agreed: FY27"),
                mails.stream().map(EmailNotificationsTest::subject).toList());
        MimeMessage proposal = mails.get(1);
        assertTrue(proposal.getFrom()[0].toString().contains("notifications@partnerplan.local"), "from");
        String html = part(proposal, "text/html");
        String text = part(proposal, "text/plain");
        assertThat(html, containsString("Hello Pat Owner,"));
        assertThat(html, containsString("&quot;FY27&quot; was proposed. Read it and sign for your side"));
        assertThat(html, containsString("href=\"http://localhost:8080/api/v1/plans/" + plan + "\""));
        assertThat(text, containsString("Hello Pat Owner,"));
        assertThat(text, containsString("\"FY27\" was proposed. Read it and sign for your side"));
        assertThat(text, containsString("Open in PartnerPlan: http://localhost:8080/api/v1/plans/" + plan));

        // Still one proposal mail a while later: the duplicate added nothing.
        Thread.sleep(1500);
        assertEquals(3, mailsTo(owner).size());

        ConsumerRecord<String, String> delivered = KafkaProbe.awaitRecord(NOTIFICATION_TOPIC, Duration.ofSeconds(30),
                r -> "io.partnerplan.notification.delivered.v1".equals(KafkaProbe.header(r, "ce_type"))
                        && r.value().contains(proposed) && r.value().contains(owner));
        assertThat(delivered.value(), containsString("\"channel\":\"EMAIL\""));
        assertEquals(tenant, KafkaProbe.header(delivered, "ce_tenantid"));
    }

    /**
     * Finding 1 of issue 19 at this end: a membership that names an address (as plan-service's member
     * events once carried whatever the adder typed) does not redirect the person's mail: it goes where
     * the directory says, and a member the directory has not announced gets none.
     */
    @Test
    void aMembershipNeverRedirectsAPersonsMailOnlyTheDirectorySaysWhereItGoes() throws Exception {
        String manager = "vm-" + UUID.randomUUID() + "@contoso.test";
        String attacker = "attacker-" + UUID.randomUUID() + "@evil.test";
        String stranger = "nobody-" + UUID.randomUUID() + "@contoso.test";
        send(UUID.randomUUID().toString(), "plan.created", vm, planCreated());
        send(UUID.randomUUID().toString(), "member.added", vm, member(manager, "Vic Manager", vendor, "VENDOR", "viewer")
                .replace("}", ",\"email\":\"" + attacker + "\"}"));
        send(UUID.randomUUID().toString(), "member.added", vm, """
                {"planId":"%s","subject":"%s","organisationId":"%s","side":"VENDOR","role":"viewer","displayName":"X","email":"%s"}"""
                .formatted(plan, stranger, vendor, attacker));
        assertEquals("You were added to FY27", subject(awaitMails(manager, 1).get(0)));
        Thread.sleep(1500);
        assertEquals(0, mailsTo(attacker).size(), "nothing goes to the address a membership named");
        assertEquals(0, mailsTo(stranger).size(), "no address from the directory, no email");
    }

    @Test
    void aMemberWithAnotherLanguageGetsTheEmailFrameInIt() throws Exception {
        String owner = "po-" + UUID.randomUUID() + "@northwind.test";
        send(UUID.randomUUID().toString(), "plan.created", vm, planCreated());
        send(UUID.randomUUID().toString(), "member.added", vm, member(owner, "Pat Owner", partner, "PARTNER", "partner-owner", "de"));
        MimeMessage mail = awaitMails(owner, 1).get(0);
        assertThat(part(mail, "text/plain"), containsString("Hallo Pat Owner,"));
        assertThat(part(mail, "text/plain"), containsString("In PartnerPlan öffnen: http://localhost:8080/api/v1/plans/" + plan));
        assertThat(part(mail, "text/html"), containsString("<html lang=\"de\">"));
    }

    @Test
    void anEmailQueuedDuringAnSmtpOutageIsSentOnceTheServerIsBack() throws Exception {
        String owner = "po-" + UUID.randomUUID() + "@northwind.test";
        send(UUID.randomUUID().toString(), "plan.created", vm, planCreated());
        smtp.stop();
        String added = UUID.randomUUID().toString();
        send(added, "member.added", vm, member(owner, "Pat Owner", partner, "PARTNER", "partner-owner"));

        // The dispatcher tried and failed (the consumer went on regardless): the email waits for a retry.
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(added) >= 1);
        smtp.start();

        List<MimeMessage> mails = awaitMails(owner, 1);
        assertEquals("You were added to FY27", subject(mails.get(0)));
        ConsumerRecord<String, String> delivered = KafkaProbe.awaitRecord(NOTIFICATION_TOPIC, Duration.ofSeconds(30),
                r -> "io.partnerplan.notification.delivered.v1".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(added));
        assertThat(delivered.value(), org.hamcrest.Matchers.not(containsString("\"attempts\":1,")));
        Thread.sleep(1000);
        assertEquals(1, mailsTo(owner).size());
    }

    @Test
    void anEmailThatCannotBeSentWithinItsAttemptsIsReportedFailedAndNotSentLater() throws Exception {
        String owner = "po-" + UUID.randomUUID() + "@northwind.test";
        send(UUID.randomUUID().toString(), "plan.created", vm, planCreated());
        smtp.stop();
        String added = UUID.randomUUID().toString();
        send(added, "member.added", vm, member(owner, "Pat Owner", partner, "PARTNER", "partner-owner"));

        ConsumerRecord<String, String> failed = KafkaProbe.awaitRecord(NOTIFICATION_TOPIC, Duration.ofSeconds(40),
                r -> "io.partnerplan.notification.failed.v1".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(added));
        assertThat(failed.value(), containsString("\"attempts\":3"));
        assertThat(failed.value(), containsString("\"recipient\":\"" + owner + "\""));
        assertThat(failed.value(), containsString("\"error\":"));

        smtp.start();
        Thread.sleep(1500);
        assertEquals(0, mailsTo(owner).size());
    }

    private int attempts(String eventId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement q = c.prepareStatement("select attempts from delivery where event_id = ? and channel = 'EMAIL'")) {
            q.setString(1, eventId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private List<MimeMessage> awaitMails(String to, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(to), m -> m.size() >= count);
    }

    private List<MimeMessage> mailsTo(String to) {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
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

    /** The body part of the given type, wherever the mailer nested it (multipart/alternative, /mixed). */
    private static String part(MimeMessage mail, String type) throws Exception {
        String found = find(mail.getContent(), type);
        if (found == null) {
            throw new AssertionError("no " + type + " part in " + GreenMailUtil.getWholeMessage(mail));
        }
        return found;
    }

    private static String find(Object content, String type) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var body = multipart.getBodyPart(i);
                if (body.isMimeType(type)) {
                    return body.getContent().toString();
                }
                String nested = find(body.getContent(), type);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private void send(String id, String type, String actor, String data) {
        KafkaProbe.send(PLAN_TOPIC, plan.toString(), data,
                KafkaProbe.cloudEventHeaders(id, "io.partnerplan." + type + ".v1", plan.toString(), tenant, actor));
    }

    private String planCreated() {
        return """
                {"planId":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"FY27",
                 "horizonStart":"2027-02-01","horizonEnd":"2028-01-31","createdBy":"%s","vendorName":"Contoso","partnerName":"Northwind"}"""
                .formatted(plan, vendor, partner, vm);
    }

    private String plan(String status) {
        return """
                {"id":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"FY27","status":"%s","signOffs":[]}"""
                .formatted(plan, vendor, partner, status);
    }

    private String member(String subject, String name, UUID organisation, String side, String role) {
        return member(subject, name, organisation, side, role, null);
    }

    /** Announces the person as the directory does (their address is their subject here), then returns the membership. */
    private String member(String subject, String name, UUID organisation, String side, String role, String locale) {
        send(UUID.randomUUID().toString(), "person.upserted", subject,
                io.partnerplan.notification.DirectoryEvents.person(subject, name, organisation, subject, locale, 0));
        return """
                {"planId":"%s","subject":"%s","organisationId":"%s","side":"%s","role":"%s","displayName":"%s"}"""
                .formatted(plan, subject, organisation, side, role, name);
    }
}

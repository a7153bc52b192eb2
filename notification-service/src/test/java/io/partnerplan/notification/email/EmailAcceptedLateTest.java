package io.partnerplan.notification.email;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.partnerplan.notification.LateSmtpRelay;
import io.partnerplan.notification.SmtpServer;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The relay accepts an email only after our send timeout (5 s in tests): the attempt counts as failed with an
 * unknown outcome and is retried, and the member may get it twice, but both copies carry one Message-ID
 * (derived from event and recipient), which the delivery row names and counts as unconfirmed.
 */
@QuarkusTest
class EmailAcceptedLateTest {

    @SmtpServer.Inject
    GreenMail smtp;
    @SmtpServer.Inject
    LateSmtpRelay relay;
    @Inject
    DataSource db;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID plan = UUID.randomUUID();
    private final String vm = "vm-" + UUID.randomUUID() + "@contoso.test";

    @Test
    void aRetryAfterALateAcceptanceCarriesTheSameMessageIdAndTheDeliverySaysSo() throws Exception {
        String owner = "po-" + UUID.randomUUID() + "@northwind.test";
        send(UUID.randomUUID().toString(), "plan.created", """
                {"planId":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"FY27",
                 "horizonStart":"2027-02-01","horizonEnd":"2028-01-31","createdBy":"%s","vendorName":"Contoso","partnerName":"Northwind"}"""
                .formatted(plan, UUID.randomUUID(), UUID.randomUUID(), vm));
        relay.acceptNextMessageLate(owner, Duration.ofSeconds(8));
        String added = UUID.randomUUID().toString();
        UUID partner = UUID.randomUUID();
        send(UUID.randomUUID().toString(), "person.upserted",
                io.partnerplan.notification.DirectoryEvents.person(owner, "Pat Owner", partner, owner, null, 0));
        send(added, "member.added", """
                {"planId":"%s","subject":"%s","organisationId":"%s","side":"PARTNER","role":"partner-owner","displayName":"Pat Owner"}"""
                .formatted(plan, owner, partner));

        // The first copy arrives (the relay has it) while the mailer still waits for its acceptance; it gives up
        // after 5 s and retries: a second copy, with the same Message-ID.
        List<MimeMessage> mails = await().atMost(Duration.ofSeconds(40)).until(() -> mailsTo(owner), m -> m.size() >= 2);
        String first = mails.get(0).getHeader("Message-ID")[0];
        String second = mails.get(1).getHeader("Message-ID")[0];
        assertEquals(first, second, "both copies are one email");
        assertTrue(first.matches("<[0-9a-f]{32}\\.notification@partnerplan\\.local>"), first);

        Map<String, Object> row = await().atMost(Duration.ofSeconds(20)).until(() -> delivery(added), r -> "SENT".equals(r.get("status")));
        assertEquals(first, row.get("message_id"));
        assertEquals(2, row.get("attempts"));
        assertEquals(1, row.get("unconfirmed_attempts"), "the timed-out attempt is counted as one whose outcome is unknown");
        Thread.sleep(1000);
        assertEquals(2, mailsTo(owner).size(), "no third copy");
    }

    private Map<String, Object> delivery(String eventId) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "select status, attempts, message_id, unconfirmed_attempts from delivery where event_id = ? and channel = 'EMAIL'")) {
            q.setString(1, eventId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Map.of();
                }
                return Map.of("status", rs.getString(1), "attempts", rs.getInt(2), "message_id", String.valueOf(rs.getString(3)),
                        "unconfirmed_attempts", rs.getInt(4));
            }
        }
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

    private void send(String id, String type, String data) {
        KafkaProbe.send("partnerplan.plan.events.v1", plan.toString(), data,
                KafkaProbe.cloudEventHeaders(id, "io.partnerplan." + type + ".v1", plan.toString(), tenant, vm));
    }
}

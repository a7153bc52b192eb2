package io.partnerplan.notification.notify;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerplan.notification.email.EmailChannel;
import io.partnerplan.notification.inbox.Inbox;
import io.partnerplan.notification.preference.PersonalChannel;
import io.partnerplan.notification.preference.Preferences;
import io.partnerplan.notification.recipient.PlanRecipient;
import io.partnerplan.notification.recipient.Recipients;
import io.partnerplan.platform.events.IncomingEvent;

/**
 * Tells one person about one event on every channel they have and did not turn off for its type:
 * the in-app inbox, and email when the plan's member copy knows their address. Each channel deduplicates by (event, recipient), so a
 * redelivered event or a person reached twice gets one notification per channel.
 */
@ApplicationScoped
public class Notifier {

    private final Inbox inbox;
    private final EmailChannel email;
    private final Recipients recipients;
    private final Preferences preferences;

    public Notifier(Inbox inbox, EmailChannel email, Recipients recipients, Preferences preferences) {
        this.inbox = inbox;
        this.email = email;
        this.recipients = recipients;
        this.preferences = preferences;
    }

    /** For a subject that may not (yet) be a known member of the plan, e.g. the drafter on plan.created. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(UUID planId, String subject, IncomingEvent event, String title, String body, String link) {
        toInbox(subject, event, title, body, link);
        recipients.member(planId, subject).ifPresent(member -> toEmail(member, event, title, body, link));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(PlanRecipient member, IncomingEvent event, String title, String body, String link) {
        toInbox(member.subject, event, title, body, link);
        toEmail(member, event, title, body, link);
    }

    private void toInbox(String subject, IncomingEvent event, String title, String body, String link) {
        if (preferences.allows(subject, event.shortType(), PersonalChannel.INBOX)) {
            inbox.deliver(subject, event.id(), event.shortType(), title, body, link);
        }
    }

    private void toEmail(PlanRecipient member, IncomingEvent event, String title, String body, String link) {
        if (preferences.allows(member.subject, event.shortType(), PersonalChannel.EMAIL)) {
            email.queue(member, event.id(), event.shortType(), title, body, link);
        }
    }
}

package io.partnerplan.notification.notify;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerplan.notification.email.EmailChannel;
import io.partnerplan.notification.inbox.Inbox;
import io.partnerplan.notification.recipient.PlanRecipient;
import io.partnerplan.notification.recipient.Recipients;
import io.partnerplan.platform.events.IncomingEvent;

/**
 * Tells one person about one event on every channel they have: the in-app inbox always, email when
 * the plan's member copy knows their address. Each channel deduplicates by (event, recipient), so a
 * redelivered event or a person reached twice gets one notification per channel.
 */
@ApplicationScoped
public class Notifier {

    private final Inbox inbox;
    private final EmailChannel email;
    private final Recipients recipients;

    public Notifier(Inbox inbox, EmailChannel email, Recipients recipients) {
        this.inbox = inbox;
        this.email = email;
        this.recipients = recipients;
    }

    /** For a subject that may not (yet) be a known member of the plan, e.g. the drafter on plan.created. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(UUID planId, String subject, IncomingEvent event, String title, String body, String link) {
        inbox.deliver(subject, event.id(), event.shortType(), title, body, link);
        recipients.member(planId, subject).ifPresent(member ->
                email.queue(member, event.id(), event.shortType(), title, body, link));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(PlanRecipient member, IncomingEvent event, String title, String body, String link) {
        inbox.deliver(member.subject, event.id(), event.shortType(), title, body, link);
        email.queue(member, event.id(), event.shortType(), title, body, link);
    }
}

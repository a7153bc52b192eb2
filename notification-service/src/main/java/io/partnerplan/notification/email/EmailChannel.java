package io.partnerplan.notification.email;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.notification.delivery.Channel;
import io.partnerplan.notification.delivery.Deliveries;
import io.partnerplan.notification.recipient.PlanRecipient;

/** Queues an email for a notification; {@link EmailDispatcher} sends it after the consumer commits. */
@ApplicationScoped
public class EmailChannel {

    private final Deliveries deliveries;
    private final ObjectMapper json;

    public EmailChannel(Deliveries deliveries, ObjectMapper json) {
        this.deliveries = deliveries;
        this.json = json;
    }

    /** @return whether an email was queued: not for a member without an address, nor twice for one event */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queue(PlanRecipient to, String eventId, String eventType, String title, String body, String link) {
        return queue(to, to.locale, eventId, eventType, new EmailContent(to.displayName, title, body, link, null, null),
                java.time.Instant.now());
    }

    /**
     * Queues {@code content} (its locale taken from {@code locale}) to be sent not before {@code due}.
     *
     * @return whether an email was queued: not for a member without an address, nor twice for one event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queue(PlanRecipient to, String locale, String eventId, String eventType, EmailContent content,
                         java.time.Instant due) {
        if (to.email == null || to.email.isBlank()) {
            return false;
        }
        EmailContent localized = new EmailContent(content.name(), content.title(), content.body(), content.link(),
                locale == null ? "en" : locale, content.items());
        try {
            return deliveries.enqueue(Channel.EMAIL, eventId, eventType, to.subject, to.email,
                    json.writeValueAsString(localized), due);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

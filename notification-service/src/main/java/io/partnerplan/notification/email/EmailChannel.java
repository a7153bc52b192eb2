package io.partnerplan.notification.email;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.notification.delivery.Channel;
import io.partnerplan.notification.delivery.Deliveries;
import io.partnerplan.notification.recipient.People;

/** Queues an email for a notification; {@link EmailDispatcher} sends it after the consumer commits. */
@ApplicationScoped
public class EmailChannel {

    private final Deliveries deliveries;
    private final ObjectMapper json;

    public EmailChannel(Deliveries deliveries, ObjectMapper json) {
        this.deliveries = deliveries;
        this.json = json;
    }

    /**
     * Queues {@code content} (its locale taken from {@code locale}) to be sent not before {@code due}, to the
     * address the directory has for the person.
     *
     * @return whether an email was queued: not for a person without an address, nor twice for one event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queue(People.Person to, String locale, String eventId, String eventType, EmailContent content,
                         java.time.Instant due) {
        if (to.email() == null || to.email().isBlank()) {
            return false;
        }
        EmailContent localized = new EmailContent(content.name(), content.title(), content.body(), content.link(),
                locale == null ? "en" : locale, content.items());
        try {
            return deliveries.enqueue(Channel.EMAIL, eventId, eventType, to.subject(), to.email(),
                    json.writeValueAsString(localized), due);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

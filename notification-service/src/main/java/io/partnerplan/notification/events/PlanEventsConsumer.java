package io.partnerplan.notification.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerplan.notification.inbox.Inbox;
import io.partnerplan.platform.events.IncomingEvent;
import io.partnerplan.platform.events.PoisonEventException;
import io.partnerplan.platform.events.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** plan-service's events: tell the people concerned. */
@ApplicationScoped
public class PlanEventsConsumer {

    private static final Logger LOG = Logger.getLogger(PlanEventsConsumer.class);
    static final String CONSUMER = "notification.plan-events";

    private final ProcessedEvents processed;
    private final Inbox inbox;

    public PlanEventsConsumer(ProcessedEvents processed, Inbox inbox) {
        this.processed = processed;
        this.inbox = inbox;
    }

    @Incoming("plan-events")
    @Blocking(ordered = true)
    @Retry(maxRetries = 3, delay = 200, jitter = 100, abortOn = PoisonEventException.class)
    @ActivateRequestContext
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        processed.once(CONSUMER, record, this::handle);
    }

    private void handle(IncomingEvent event) {
        switch (event.shortType()) {
            case "plan.created" -> planCreated(event);
            default -> LOG.debugf("No notification for %s", event.type());
        }
    }

    private void planCreated(IncomingEvent event) {
        JsonNode data = event.data();
        String recipient = text(data, "createdBy");
        String title = "Plan drafted: " + text(data, "title");
        String body = "You drafted the joint business plan \"" + text(data, "title") + "\" with "
                + text(data, "partnerName") + " (" + text(data, "horizonStart") + " to " + text(data, "horizonEnd")
                + "). Invite the partner's owner to fill in their sections.";
        inbox.deliver(recipient, event.id(), event.shortType(), title, body, "/api/v1/plans/" + text(data, "planId"));
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new PoisonEventException("plan.created data lacks " + field);
        }
        return value.asText();
    }
}

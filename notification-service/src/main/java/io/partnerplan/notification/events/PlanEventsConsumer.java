package io.partnerplan.notification.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.partnerplan.notification.notify.EventNotifications;
import io.partnerplan.notification.recipient.People;
import io.partnerplan.notification.recipient.Recipients;
import io.partnerplan.notification.webhook.WebhookChannel;
import io.partnerplan.platform.events.EventConsumer;
import io.partnerplan.platform.events.IncomingEvent;
import io.partnerplan.platform.events.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * plan-service's events: keeps the plan, member and person copies current, then hands the event to
 * {@link EventNotifications} (who hears of it is decided there, by {@code DefaultRouting}) and to the
 * PRM/CRM webhooks. Dispatch only.
 */
@EventConsumer
public class PlanEventsConsumer {

    static final String CONSUMER = "notification.plan-events";

    private final ProcessedEvents processed;
    private final Recipients recipients;
    private final WebhookChannel webhooks;
    private final EventNotifications notifications;
    private final People people;

    public PlanEventsConsumer(ProcessedEvents processed, Recipients recipients, WebhookChannel webhooks,
                              EventNotifications notifications, People people) {
        this.processed = processed;
        this.recipients = recipients;
        this.webhooks = webhooks;
        this.notifications = notifications;
        this.people = people;
    }

    @Incoming("plan-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        processed.once(CONSUMER, record, this::handle);
    }

    private void handle(IncomingEvent event) {
        switch (event.shortType()) {
            case "plan.created", "plan.updated", "plan.proposed", "plan.returned-to-draft", "plan.signed-off", "plan.agreed",
                 "plan.activated", "plan.closed" -> recipients.remember(event);
            case "person.upserted" -> people.learn(event);
            case "member.added" -> recipients.added(event);
            case "member.removed" -> recipients.removed(event);
            default -> {
            }
        }
        notifications.on(event);
        // PRM/CRM subscribers get every event type they chose, people or not; after the plan copy above is
        // current, which decides what an organisation's subscription receives (plan.created included).
        webhooks.fanOut(event);
    }
}

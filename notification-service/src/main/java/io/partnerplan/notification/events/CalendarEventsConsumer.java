package io.partnerplan.notification.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.partnerplan.notification.notify.EventNotifications;
import io.partnerplan.notification.recipient.Availabilities;
import io.partnerplan.notification.webhook.WebhookChannel;
import io.partnerplan.platform.events.EventConsumer;
import io.partnerplan.platform.events.IncomingEvent;
import io.partnerplan.platform.events.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * calendar-service's events: out-of-office periods feed the delegation; reviews coming due or overdue,
 * periods closing and absences in closing windows go to {@link EventNotifications}; PRM/CRM webhooks
 * may want any. Dispatch only.
 */
@EventConsumer
public class CalendarEventsConsumer {

    static final String CONSUMER = "notification.calendar-events";

    private final ProcessedEvents processed;
    private final WebhookChannel webhooks;
    private final EventNotifications notifications;
    private final Availabilities availabilities;

    public CalendarEventsConsumer(ProcessedEvents processed, WebhookChannel webhooks, EventNotifications notifications,
                                  Availabilities availabilities) {
        this.processed = processed;
        this.webhooks = webhooks;
        this.notifications = notifications;
        this.availabilities = availabilities;
    }

    @Incoming("calendar-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        processed.once(CONSUMER, record, this::handle);
    }

    private void handle(IncomingEvent event) {
        webhooks.fanOut(event); // PRM/CRM subscribers get every event type they chose, people or not
        if (event.shortType().equals("availability.changed")) {
            availabilities.remember(event);
        }
        notifications.on(event);
    }
}

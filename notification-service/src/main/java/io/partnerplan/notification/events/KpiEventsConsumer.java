package io.partnerplan.notification.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.partnerplan.notification.notify.EventNotifications;
import io.partnerplan.notification.webhook.WebhookChannel;
import io.partnerplan.platform.events.EventConsumer;
import io.partnerplan.platform.events.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** kpi-service's events: a target missed reaches the plan's owners and sponsors; PRM/CRM webhooks may want any. */
@EventConsumer
public class KpiEventsConsumer {

    static final String CONSUMER = "notification.kpi-events";

    private final ProcessedEvents processed;
    private final WebhookChannel webhooks;
    private final EventNotifications notifications;

    public KpiEventsConsumer(ProcessedEvents processed, WebhookChannel webhooks, EventNotifications notifications) {
        this.processed = processed;
        this.webhooks = webhooks;
        this.notifications = notifications;
    }

    @Incoming("kpi-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        processed.once(CONSUMER, record, event -> {
            webhooks.fanOut(event); // PRM/CRM subscribers get every event type they chose, people or not
            notifications.on(event);
        });
    }
}

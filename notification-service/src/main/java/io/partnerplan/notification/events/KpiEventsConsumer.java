package io.partnerplan.notification.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.partnerplan.notification.notify.EventNotifications;
import io.partnerplan.notification.webhook.WebhookChannel;
import io.partnerplan.platform.events.PoisonEventException;
import io.partnerplan.platform.events.ProcessedEvents;
import io.partnerplan.platform.events.WaitsForDatabase;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** kpi-service's events: a target missed reaches the plan's owners and sponsors; PRM/CRM webhooks may want any. */
@ApplicationScoped
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
    @WaitsForDatabase
    @Blocking(ordered = true)
    @Retry(maxRetries = 3, delay = 200, jitter = 100, abortOn = PoisonEventException.class)
    @ActivateRequestContext
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        processed.once(CONSUMER, record, event -> {
            webhooks.fanOut(event); // PRM/CRM subscribers get every event type they chose, people or not
            if (event.shortType().equals("kpi.target.missed")) {
                notifications.on(event);
            }
        });
    }
}

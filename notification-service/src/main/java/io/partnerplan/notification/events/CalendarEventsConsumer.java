package io.partnerplan.notification.events;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.partnerplan.notification.notify.EventNotifications;
import io.partnerplan.notification.notify.Notifier;
import io.partnerplan.notification.wording.Wording;
import io.partnerplan.notification.recipient.Availabilities;
import io.partnerplan.notification.recipient.KnownPlan;
import io.partnerplan.notification.recipient.PlanRecipient;
import io.partnerplan.notification.recipient.Recipients;
import io.partnerplan.notification.webhook.WebhookChannel;
import io.partnerplan.platform.events.EventConsumer;
import io.partnerplan.platform.events.IncomingEvent;
import io.partnerplan.platform.events.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * calendar-service's events: reviews coming due or overdue reach every member of the plan, a period
 * closing reaches the partnership's plans' members, and out-of-office periods feed the delegation.
 */
@EventConsumer
public class CalendarEventsConsumer {

    static final String CONSUMER = "notification.calendar-events";

    private final ProcessedEvents processed;
    private final Notifier notifier;
    private final Recipients recipients;
    private final WebhookChannel webhooks;
    private final EventNotifications notifications;
    private final Availabilities availabilities;

    public CalendarEventsConsumer(ProcessedEvents processed, Notifier notifier, Recipients recipients,
                         WebhookChannel webhooks, EventNotifications notifications, Availabilities availabilities) {
        this.notifications = notifications;
        this.availabilities = availabilities;
        this.processed = processed;
        this.notifier = notifier;
        this.recipients = recipients;
        this.webhooks = webhooks;
    }

    @Incoming("calendar-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        processed.once(CONSUMER, record, this::handle);
    }

    private void handle(IncomingEvent event) {
        webhooks.fanOut(event); // PRM/CRM subscribers get every event type they chose, people or not
        switch (event.shortType()) {
            case "review.due", "review.overdue" -> review(event);
            case "period.closing", "availability.conflict" -> notifications.on(event);
            case "availability.changed" -> availabilities.remember(event);
            default -> {
            }
        }
    }

    private void review(IncomingEvent event) {
        UUID planId = event.uuid("planId");
        String dueOn = event.text("dueOn");
        long days = event.data().path("daysUntilDue").asLong();
        // A plan this service never heard of has no members to tell: nothing to do, nothing lost.
        KnownPlan plan = recipients.plan(planId).orElse(null);
        if (plan == null) {
            return;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("plan", plan.title);
        params.put("dueOn", dueOn);
        params.put("days", days);
        boolean overdue = event.shortType().equals("review.overdue");
        String title = overdue ? "review.overdue.title"
                : days <= 0 ? "review.due.today.title" : days == 1 ? "review.due.tomorrow.title" : "review.due.title";
        String body = overdue || days < 0 ? "review.overdue.body" : "review.due.body";
        Wording wording = tag -> new Wording.Text(Wording.message(tag, title, params), Wording.message(tag, body, params));
        for (PlanRecipient recipient : recipients.ofPlan(planId)) {
            notifier.tell(recipient, event, wording, "/api/v1/review-schedules/" + planId);
        }
    }
}

package io.partnerplan.plan.events;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.partnerplan.plan.plan.PlanService;
import io.partnerplan.plan.plan.PlanStatus;
import io.partnerplan.platform.events.EventConsumer;
import io.partnerplan.platform.events.IncomingEvent;
import io.partnerplan.platform.events.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** calendar-service's review.due on the day (daysUntilDue 0, or below when its job ran late) puts an active plan in review. */
@EventConsumer
public class CalendarEventsConsumer {

    static final String CONSUMER = "plan.calendar-events";

    private final ProcessedEvents processed;
    private final PlanService plans;

    public CalendarEventsConsumer(ProcessedEvents processed, PlanService plans) {
        this.processed = processed;
        this.plans = plans;
    }

    @Incoming("calendar-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        // Only review.due changes anything here; other calendar events are acknowledged unread.
        processed.once(CONSUMER, record, "review.due"::equals, this::handle);
    }

    private void handle(IncomingEvent event) {
        if (!event.shortType().equals("review.due")) {
            return;
        }
        ReviewDue due = event.dataAs(ReviewDue.class);
        if (due.daysUntilDue() <= 0) {
            plans.reviewCycle(due.planId(), PlanStatus.IN_REVIEW);
        }
    }

    /** What this service reads of review.due. */
    record ReviewDue(UUID planId, Long daysUntilDue) {
        ReviewDue {
            IncomingEvent.required(planId, "planId");
            IncomingEvent.required(daysUntilDue, "a whole number daysUntilDue");
        }
    }
}

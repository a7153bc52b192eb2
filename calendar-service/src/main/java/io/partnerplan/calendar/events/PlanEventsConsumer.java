package io.partnerplan.calendar.events;

import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.partnerplan.calendar.organisation.KnownOrganisations;
import io.partnerplan.calendar.organisation.KnownPeople;
import io.partnerplan.calendar.review.Reviews;
import io.partnerplan.platform.events.EventConsumer;
import io.partnerplan.platform.events.IncomingEvent;
import io.partnerplan.platform.events.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * plan-service's events: an agreed plan gets its review schedule; a held review closes its occurrence;
 * a closed plan loses what is left of its schedule, a renewed one once its successor is agreed (until then
 * it is still the plan in force, and is reviewed); organisations become known to the calendar.
 */
@EventConsumer
public class PlanEventsConsumer {

    static final String CONSUMER = "calendar.plan-events";

    private final ProcessedEvents processed;
    private final Reviews reviews;
    private final KnownOrganisations organisations;
    private final KnownPeople people;

    public PlanEventsConsumer(ProcessedEvents processed, Reviews reviews, KnownOrganisations organisations,
                              KnownPeople people) {
        this.people = people;
        this.processed = processed;
        this.reviews = reviews;
        this.organisations = organisations;
    }

    @Incoming("plan-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        processed.once(CONSUMER, record, USED::contains, this::handle);
    }

    /** The types {@link #handle} acts on; the others (plan.created, member.added, ...) are acknowledged unread. */
    static final Set<String> USED = Set.of("plan.agreed", "plan.closed", "plan.renewed",
            "review.completed", "organisation.created", "organisation.updated", "person.upserted");

    /** What the calendar reads of plan.renewed. */
    record Renewed(UUID planId, UUID successorPlanId) {
        Renewed {
            IncomingEvent.required(planId, "planId");
            IncomingEvent.required(successorPlanId, "successorPlanId");
        }
    }

    private void handle(IncomingEvent event) {
        switch (event.shortType()) {
            case "plan.agreed" -> {
                Reviews.AgreedPlan plan = event.dataAs(Reviews.AgreedPlan.class);
                reviews.schedule(plan);
                reviews.successorAgreed(event.tenantId(), plan.id());
            }
            case "plan.closed" -> reviews.cancel(UUID.fromString(event.subject()));
            case "plan.renewed" -> {
                Renewed renewed = event.dataAs(Renewed.class);
                reviews.renewed(event.tenantId(), renewed.planId(), renewed.successorPlanId());
            }
            case "review.completed" -> reviews.complete(event);
            case "organisation.created", "organisation.updated" -> organisations.learn(event);
            case "person.upserted" -> people.learn(event);
            default -> {
            }
        }
    }
}

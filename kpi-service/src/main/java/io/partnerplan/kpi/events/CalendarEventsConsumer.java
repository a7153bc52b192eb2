package io.partnerplan.kpi.events;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerplan.kpi.period.PlanPeriod;
import io.partnerplan.kpi.period.PlanPeriods;
import io.partnerplan.kpi.target.PeriodClose;
import io.partnerplan.platform.events.EventConsumer;
import io.partnerplan.platform.events.IncomingEvent;
import io.partnerplan.platform.events.PoisonEventException;
import io.partnerplan.platform.events.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** calendar-service's events: an agreed MOP gives plans their periods; a closed MOP period is judged. */
@EventConsumer
public class CalendarEventsConsumer {

    static final String CONSUMER = "kpi.calendar-events";

    private final ProcessedEvents processed;
    private final PlanPeriods periods;
    private final PeriodClose close;
    private final io.partnerplan.kpi.scorecard.ScorecardChanges scorecards;
    private final jakarta.persistence.EntityManager em;
    private final Clock clock;

    public CalendarEventsConsumer(ProcessedEvents processed, PlanPeriods periods, PeriodClose close,
                                  io.partnerplan.kpi.scorecard.ScorecardChanges scorecards, jakarta.persistence.EntityManager em,
                                  Clock clock) {
        this.scorecards = scorecards;
        this.em = em;
        this.processed = processed;
        this.periods = periods;
        this.close = close;
        this.clock = clock;
    }

    @Incoming("calendar-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        // mop.agreed and period.closed change the plans' periods; the rest is acknowledged unread.
        processed.once(CONSUMER, record, type -> type.equals("mop.agreed") || type.equals("period.closed"), this::handle);
    }

    private void handle(IncomingEvent event) {
        switch (event.shortType()) {
            case "mop.agreed" -> {
                List<PlanPeriod> agreed = new ArrayList<>();
                JsonNode list = event.data().path("periods");
                if (!list.isArray() || list.isEmpty()) {
                    throw new PoisonEventException("mop.agreed carries no periods");
                }
                try {
                    for (JsonNode p : list) {
                        agreed.add(new PlanPeriod(p.path("label").asText(), LocalDate.parse(p.path("start").asText()),
                                LocalDate.parse(p.path("end").asText())));
                    }
                } catch (java.time.DateTimeException e) {
                    throw new PoisonEventException("mop.agreed has a period without valid start and end dates");
                }
                java.util.UUID vendor = event.uuid("vendorOrganisationId");
                java.util.UUID partner = event.uuid("partnerOrganisationId");
                periods.agreed(event.uuid("id"), vendor, partner, agreed);
                // The pair's plans are now measured in these periods: their scorecards changed.
                plansOf(vendor, partner).forEach(scorecards::changed);
            }
            // Only the MOP's own periods: plans are measured in them, not in either side's fiscal quarters.
            case "period.closed" -> {
                if ("MOP".equals(event.text("scope"))) {
                    java.util.UUID vendor = event.uuid("vendorOrganisationId");
                    java.util.UUID partner = event.uuid("partnerOrganisationId");
                    close.closed(vendor, partner, event.date("periodEnd"), LocalDate.now(clock));
                    // A closed period is judged on its actual, no longer on a forecast: the summaries move on.
                    plansOf(vendor, partner).forEach(scorecards::changed);
                }
            }
            default -> {
            }
        }
    }

    private List<io.partnerplan.kpi.plan.TrackedPlan> plansOf(java.util.UUID vendor, java.util.UUID partner) {
        return em.createQuery("from TrackedPlan where vendorOrganisationId = ?1 and partnerOrganisationId = ?2",
                io.partnerplan.kpi.plan.TrackedPlan.class).setParameter(1, vendor).setParameter(2, partner).getResultList();
    }
}

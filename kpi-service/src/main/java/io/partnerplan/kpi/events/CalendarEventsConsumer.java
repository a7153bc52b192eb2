package io.partnerplan.kpi.events;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.partnerplan.kpi.period.PlanPeriod;
import io.partnerplan.kpi.period.PlanPeriods;
import io.partnerplan.kpi.plan.TrackedPlan;
import io.partnerplan.kpi.scorecard.ScorecardChanges;
import io.partnerplan.kpi.target.PeriodClose;
import io.partnerplan.platform.events.EventConsumer;
import io.partnerplan.platform.events.IncomingEvent;
import io.partnerplan.platform.events.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** calendar-service's events: an agreed MOP gives plans their periods; a closed MOP period is judged. */
@EventConsumer
public class CalendarEventsConsumer {

    static final String CONSUMER = "kpi.calendar-events";

    private final ProcessedEvents processed;
    private final PlanPeriods periods;
    private final PeriodClose close;
    private final ScorecardChanges scorecards;
    private final EntityManager em;
    private final Clock clock;

    public CalendarEventsConsumer(ProcessedEvents processed, PlanPeriods periods, PeriodClose close,
                                  ScorecardChanges scorecards, EntityManager em,
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
                MopAgreed mop = event.dataAs(MopAgreed.class);
                periods.agreed(mop.id(), mop.vendorOrganisationId(), mop.partnerOrganisationId(),
                        mop.periods().stream().map(Period::planPeriod).toList());
                // The pair's plans are now measured in these periods: their scorecards changed.
                plansOf(mop.vendorOrganisationId(), mop.partnerOrganisationId()).forEach(scorecards::changed);
            }
            // Only the MOP's own periods: plans are measured in them, not in either side's fiscal quarters.
            case "period.closed" -> {
                PeriodClosed closed = event.dataAs(PeriodClosed.class);
                if ("MOP".equals(closed.scope())) {
                    UUID vendor = IncomingEvent.required(closed.vendorOrganisationId(), "vendorOrganisationId");
                    UUID partner = IncomingEvent.required(closed.partnerOrganisationId(), "partnerOrganisationId");
                    close.closed(vendor, partner, IncomingEvent.required(closed.periodEnd(), "periodEnd"), LocalDate.now(clock));
                    // A closed period is judged on its actual, no longer on a forecast: the summaries move on.
                    plansOf(vendor, partner).forEach(scorecards::changed);
                }
            }
            default -> {
            }
        }
    }

    /** What this service reads of mop.agreed: the periods the pair's plans are measured in. */
    record MopAgreed(UUID id, UUID vendorOrganisationId, UUID partnerOrganisationId, List<Period> periods) {
        MopAgreed {
            IncomingEvent.required(id, "id");
            IncomingEvent.required(vendorOrganisationId, "vendorOrganisationId");
            IncomingEvent.required(partnerOrganisationId, "partnerOrganisationId");
            if (periods == null || periods.isEmpty()) {
                throw new IllegalArgumentException("mop.agreed carries no periods");
            }
        }
    }

    record Period(String label, LocalDate start, LocalDate end) {
        Period {
            if (start == null || end == null) {
                throw new IllegalArgumentException("mop.agreed has a period without valid start and end dates");
            }
        }

        PlanPeriod planPeriod() {
            return new PlanPeriod(label == null ? "" : label, start, end);
        }
    }

    /** What this service reads of period.closed. */
    record PeriodClosed(String scope, UUID vendorOrganisationId, UUID partnerOrganisationId, LocalDate periodEnd) {
        PeriodClosed {
            IncomingEvent.required(scope, "scope");
        }
    }

    private List<TrackedPlan> plansOf(UUID vendor, UUID partner) {
        return em.createQuery("from TrackedPlan where vendorOrganisationId = ?1 and partnerOrganisationId = ?2",
                TrackedPlan.class).setParameter(1, vendor).setParameter(2, partner).getResultList();
    }
}

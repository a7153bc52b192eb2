package io.partnerplan.notification.webhook;

import java.util.Set;
import java.util.TreeSet;

/**
 * The event types a webhook may subscribe to: the published ones of the catalogue
 * ({@code docs/events/README.md}), by short name as {@link io.partnerplan.platform.events.EventTypes}
 * names them. notification.* are left out: a webhook about webhook deliveries would feed itself.
 */
public final class EventCatalogue {

    public static final Set<String> SUBSCRIBABLE = new TreeSet<>(Set.of(
            "organisation.created", "organisation.updated",
            "programme.created", "programme.updated", "programme.deleted",
            "plan.created", "plan.updated", "plan.proposed", "plan.returned-to-draft", "plan.signed-off",
            "plan.agreed", "plan.activated", "plan.closed",
            "person.upserted", "member.added", "member.removed",
            "action.created", "action.updated", "action.overdue",
            "milestone.created", "milestone.updated", "milestone.at-risk", "milestone.on-track", "milestone.achieved",
            "milestone.missed", "investment.created", "investment.updated", "investment.unlocked",
            "fund.requested", "fund.level-approved", "fund.approved", "fund.rejected", "fund.withdrawn",
            "plan.amendment-proposed", "plan.amendment-rejected", "plan.amendment-withdrawn", "plan.amended", "plan.objectives-agreed",
            "plan.renewed", "review.completed",
            "escalation.raised", "escalation.acknowledged", "escalation.climbed", "escalation.resolved",
            "kpi.defined", "kpi.measurement.recorded", "deal.registered", "deal.updated", "kpi.measurements.imported", "kpi.targets.set",
            "kpi.target.missed", "kpi.scorecard.changed",
            "kpi.criterion.met", "kpi.criterion.at-risk", "kpi.criterion.on-track", "kpi.criterion.missed",
            "fiscal-calendar.changed", "mop.proposed", "mop.agreed", "period.closing", "period.closed",
            "review.scheduled", "review.due", "review.overdue", "availability.changed", "availability.conflict"));

    /**
     * The types not about one plan: organisations, people, the KPI library, calendars, MOPs and their periods,
     * absences. Every other subscribable type is about one plan, whose id is the event's subject.
     */
    private static final Set<String> NOT_OF_A_PLAN = Set.of("organisation.created", "organisation.updated", "person.upserted",
            "programme.created", "programme.updated", "programme.deleted", "deal.registered", "deal.updated",
            "kpi.defined", "fiscal-calendar.changed", "mop.proposed", "mop.agreed", "period.closing", "period.closed",
            "availability.changed");

    /** What an organisation's own client may subscribe to: the events of one plan, delivered for its own plans only. */
    public static final Set<String> OF_A_PLAN = SUBSCRIBABLE.stream().filter(t -> !NOT_OF_A_PLAN.contains(t))
            .collect(java.util.stream.Collectors.toCollection(TreeSet::new));

    private EventCatalogue() {
    }
}

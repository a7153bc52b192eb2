package io.partnerplan.plan.renewal;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerplan.plan.action.PlanActions;
import io.partnerplan.plan.budget.Budgets;
import io.partnerplan.plan.member.PlanMembers;
import io.partnerplan.plan.objective.Objectives;
import io.partnerplan.plan.plan.PlanRequest;
import io.partnerplan.plan.plan.PlanService;
import io.partnerplan.plan.plan.PlanView;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.problem.ProblemException;

/**
 * Renewal: the vendor's manager turns an active or in-review plan into next period's draft. The
 * successor gets the sections, members, objectives (periods moved along) and budgets (planned
 * amounts only); open action items move over with their ids. Milestones stay with the old plan: they
 * are dated in its horizon and decided there. The old plan becomes RENEWED.
 */
@ApplicationScoped
public class Renewals {

    private final PlanService plans;
    private final PlanMembers members;
    private final Objectives objectives;
    private final Budgets budgets;
    private final PlanActions actions;
    private final Outbox outbox;

    public Renewals(PlanService plans, PlanMembers members, Objectives objectives, Budgets budgets, PlanActions actions,
                    Outbox outbox) {
        this.plans = plans;
        this.members = members;
        this.objectives = objectives;
        this.budgets = budgets;
        this.actions = actions;
        this.outbox = outbox;
    }

    @Transactional
    public Renewal renew(UUID planId, String ifMatch, RenewalRequest request) {
        RenewalRequest given = request == null ? new RenewalRequest(null, null, null) : request;
        PlanView old = plans.get(planId);
        LocalDate start = given.horizonStart() == null ? old.horizonEnd().plusDays(1) : given.horizonStart();
        if (!start.isAfter(old.horizonStart())) {
            throw ProblemException.badRequest("horizonStart", "must be after the renewed plan's start " + old.horizonStart());
        }
        // Same length in calendar terms: a year from 1 February ends on 31 January, leap year or not.
        LocalDate end = given.horizonEnd() == null
                ? start.plus(Period.between(old.horizonStart(), old.horizonEnd().plusDays(1))).minusDays(1) : given.horizonEnd();
        var sections = plans.sections(planId).value();
        plans.markRenewed(planId, ifMatch);
        PlanView successor = plans.draft(new PlanRequest(old.partnerOrganisationId(),
                given.title() == null ? old.title() : given.title().strip(), start, end, old.reviewCadence(),
                old.signingPolicy()), sections);
        members.copy(planId, successor.id());
        Map<UUID, UUID> objectiveIds = objectives.copy(objectives.all(planId), successor.id(),
                Period.between(old.horizonStart(), start), start, end);
        budgets.copyPlanned(budgets.all(planId), successor.id());
        List<UUID> carried = actions.carryOver(planId, successor.id(), objectiveIds);
        // The successor's version keeps what it was renewed with.
        plans.recordContentChange(successor.id(), "plan.renewed-from", null);
        Renewal renewal = new Renewal(planId, successor.id(), carried);
        outbox.publish("plan.renewed", "plan", planId, renewal);
        return renewal;
    }
}

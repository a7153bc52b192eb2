package io.partnerplan.plan.renewal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerplan.plan.action.PlanActions;
import io.partnerplan.plan.budget.Budgets;
import io.partnerplan.plan.investment.InvestmentRequest;
import io.partnerplan.plan.investment.InvestmentStatus;
import io.partnerplan.plan.investment.InvestmentView;
import io.partnerplan.plan.investment.Investments;
import io.partnerplan.plan.member.PlanMembers;
import io.partnerplan.plan.milestone.MilestoneRequest;
import io.partnerplan.plan.milestone.MilestoneView;
import io.partnerplan.plan.milestone.Milestones;
import io.partnerplan.plan.objective.Objectives;
import io.partnerplan.plan.plan.PlanRequest;
import io.partnerplan.plan.plan.PlanService;
import io.partnerplan.plan.plan.PlanView;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;

/**
 * Renewal: the vendor's manager turns an active or in-review plan into next period's draft, from the
 * day the renewal window opens ({@link RenewalConfig#window()} before the horizon ends), or earlier with a
 * reason. The successor gets the sections, members, objectives (periods moved along), budgets (planned
 * amounts only), milestones (dates moved along, decided afresh) and the conditional investments not
 * withdrawn (locked again, on the copy of their milestone): drafts both sides re-agree. Open action
 * items move over with their ids. The old plan becomes RENEWED and stays the one reviewed until its
 * successor is agreed.
 */
@ApplicationScoped
public class Renewals {

    private final PlanService plans;
    private final PlanMembers members;
    private final Objectives objectives;
    private final Budgets budgets;
    private final PlanActions actions;
    private final Milestones milestones;
    private final Investments investments;
    private final RenewalConfig config;
    private final Clock clock;
    private final Outbox outbox;

    public Renewals(PlanService plans, PlanMembers members, Objectives objectives, Budgets budgets, PlanActions actions,
                    Milestones milestones, Investments investments, RenewalConfig config, Clock clock, Outbox outbox) {
        this.plans = plans;
        this.members = members;
        this.objectives = objectives;
        this.budgets = budgets;
        this.actions = actions;
        this.milestones = milestones;
        this.investments = investments;
        this.config = config;
        this.clock = clock;
        this.outbox = outbox;
    }

    @Transactional
    public Renewal renew(UUID planId, String ifMatch, RenewalRequest request) {
        RenewalRequest given = request == null ? new RenewalRequest(null, null, null, null) : request;
        PlanView old = plans.get(planId);
        LocalDate start = given.horizonStart() == null ? old.horizonEnd().plusDays(1) : given.horizonStart();
        if (!start.isAfter(old.horizonStart())) {
            throw ProblemException.badRequest("horizonStart", "must be after the renewed plan's start " + old.horizonStart());
        }
        // Same length in calendar terms: a year from 1 February ends on 31 January, leap year or not.
        LocalDate end = given.horizonEnd() == null
                ? start.plus(Period.between(old.horizonStart(), old.horizonEnd().plusDays(1))).minusDays(1) : given.horizonEnd();
        String reason = given.reason() == null || given.reason().isBlank() ? null : given.reason().strip();
        LocalDate opens = old.horizonEnd().minus(config.window());
        var sections = plans.sections(planId).value();
        plans.markRenewed(planId, ifMatch, plan -> {
            if (LocalDate.now(clock).isBefore(opens) && reason == null) {
                throw new ProblemException(409, "renewal-window", "Outside the renewal window",
                        "The renewal window of this plan opens on " + opens + " (" + config.window() + " before its horizon ends on "
                                + old.horizonEnd() + "); to renew earlier, say why in reason",
                        List.of(new Problem.FieldError("reason", "is required before " + opens)));
            }
        });
        PlanView successor = plans.draft(new PlanRequest(old.partnerOrganisationId(),
                given.title() == null ? old.title() : given.title().strip(), start, end, old.reviewCadence(),
                old.signingPolicy(), null, Boolean.FALSE), sections);
        plans.succeededBy(planId, successor.id());
        members.copy(planId, successor.id());
        Period shift = Period.between(old.horizonStart(), start);
        Map<UUID, UUID> objectiveIds = objectives.copy(objectives.all(planId), successor.id(), shift, start, end);
        budgets.copyPlanned(budgets.all(planId), successor.id());
        Map<UUID, UUID> milestoneIds = new LinkedHashMap<>();
        for (MilestoneView m : milestones.all(planId)) {
            milestoneIds.put(m.id(), milestones.create(successor.id(), new MilestoneRequest(m.title(), m.description(),
                    clamp(m.dueOn().plus(shift), start, end), m.criteria().stream().map(c -> new MilestoneRequest.CriterionRequest(null,
                            c.kind(), c.kpi(), c.threshold(), c.windowStart() == null ? null : clamp(c.windowStart().plus(shift), start, end),
                            c.windowEnd() == null ? null : clamp(c.windowEnd().plus(shift), start, end),
                            c.items() == null ? null : c.items().stream().map(i -> new MilestoneRequest.Item(i.text(), false)).toList()))
                    .toList())).id());
        }
        List<UUID> investmentIds = new ArrayList<>();
        for (InvestmentView i : investments.ofPlan(planId)) {
            if (i.status() != InvestmentStatus.WITHDRAWN && milestoneIds.containsKey(i.milestoneId())) {
                investmentIds.add(investments.create(successor.id(), new InvestmentRequest(i.title(), i.description(),
                        i.fundingParty(), i.amount(), i.currency(), milestoneIds.get(i.milestoneId()), null)).id());
            }
        }
        List<UUID> carried = actions.carryOver(planId, successor.id(), objectiveIds);
        // The successor's version keeps what it was renewed with.
        plans.recordContentChange(successor.id(), "plan.renewed-from", null);
        Renewal renewal = new Renewal(planId, successor.id(), carried, List.copyOf(milestoneIds.values()), investmentIds, opens, reason);
        outbox.publish(RenewalEvents.RENEWED, planId, renewal);
        return renewal;
    }

    private static LocalDate clamp(LocalDate day, LocalDate start, LocalDate end) {
        return day.isBefore(start) ? start : day.isAfter(end) ? end : day;
    }
}

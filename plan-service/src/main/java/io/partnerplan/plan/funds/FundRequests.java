package io.partnerplan.plan.funds;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.plan.budget.BudgetView;
import io.partnerplan.plan.budget.Budgets;
import io.partnerplan.plan.objective.Objectives;
import io.partnerplan.plan.plan.PlanService;
import io.partnerplan.plan.plan.PlanStatus;
import io.partnerplan.plan.plan.PlanView;
import io.partnerplan.plan.plan.Side;
import io.partnerplan.plan.section.PlanSections;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.events.EventType;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.paging.Keyset;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.security.Roles;

/**
 * Fund requests of a plan: the partner's people ask for the vendor's part of an activity's cost, drawn on a
 * budget line the vendor funds; the vendor's approvers decide level by level (the vendor's policy, kept with
 * the request); the final approval commits the amount on the budget line. Each step is an event.
 */
@ApplicationScoped
public class FundRequests {

    private final EntityManager em;
    private final PlanService plans;
    private final Budgets budgets;
    private final Objectives objectives;
    private final FundPolicies policies;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    public FundRequests(EntityManager em, PlanService plans, Budgets budgets, Objectives objectives, FundPolicies policies,
                        Outbox outbox, Caller caller, Clock clock) {
        this.em = em;
        this.plans = plans;
        this.budgets = budgets;
        this.objectives = objectives;
        this.policies = policies;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public FundRequestView submit(UUID planId, FundRequestRequest request) {
        PlanView plan = plans.get(planId);
        if (!plan.partnerOrganisationId().equals(caller.requireOrganisation())) {
            throw ProblemException.forbidden("Funds are requested by the plan's partner; your organisation is the vendor");
        }
        if (Stream.of(Roles.PARTNER_OWNER, Roles.CONTRIBUTOR).noneMatch(caller::hasRole)) {
            throw ProblemException.forbidden("Fund requests are made by the partner's owner or contributors");
        }
        requireOpen(plan);
        FundRules.requireCurrency("currency", request.currency());
        if (request.endsOn().isBefore(request.startsOn())) {
            throw ProblemException.badRequest("endsOn", "must not be before startsOn");
        }
        if (request.startsOn().isBefore(plan.horizonStart()) || request.endsOn().isAfter(plan.horizonEnd())) {
            throw ProblemException.badRequest(request.startsOn().isBefore(plan.horizonStart()) ? "startsOn" : "endsOn",
                    "the activity must lie within the plan's horizon " + plan.horizonStart() + " to " + plan.horizonEnd());
        }
        BudgetView line = budgets.line(planId, request.budgetId())
                .orElseThrow(() -> ProblemException.badRequest("budgetId", "is not a budget line of this plan"));
        if (line.fundingParty() != Side.VENDOR) {
            throw ProblemException.badRequest("budgetId", "must be a budget line the vendor funds; '" + line.title() + "' is the partner's");
        }
        if (!line.currency().equals(request.currency())) {
            throw ProblemException.badRequest("currency", "must be " + line.currency() + ", the currency of budget line '" + line.title() + "'");
        }
        if (request.strategyKey() != null && !strategyKeys(plans.sections(planId).value()).contains(request.strategyKey())) {
            throw ProblemException.badRequest("strategyKey", "is not a strategy of this plan's marketing or sales plan");
        }
        List<UUID> objectiveIds = request.objectiveIds() == null ? List.of() : request.objectiveIds().stream().distinct().toList();
        for (int i = 0; i < objectiveIds.size(); i++) {
            if (!objectives.exists(planId, objectiveIds.get(i))) {
                throw ProblemException.badRequest("objectiveIds[" + i + "]", "is not an objective of this plan");
            }
        }
        BigDecimal share = new BigDecimal(request.vendorSharePercent());
        if (share.signum() <= 0 || share.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw ProblemException.badRequest("vendorSharePercent", "must be above 0 and at most 100");
        }
        BigDecimal total = new BigDecimal(request.totalCost());
        BigDecimal requested = FundRules.vendorPart(total, share, request.currency());
        if (requested.signum() <= 0) {
            throw ProblemException.badRequest("totalCost", "the vendor's part of it must be above 0");
        }
        FundRequest r = new FundRequest();
        r.id = Ids.next();
        r.planId = planId;
        r.budgetId = request.budgetId();
        r.partnerOrganisationId = plan.partnerOrganisationId();
        r.requestedBy = caller.subject();
        r.title = request.title().strip();
        r.description = request.description();
        r.strategyKey = request.strategyKey();
        r.objectiveIds = objectiveIds;
        r.startsOn = request.startsOn();
        r.endsOn = request.endsOn();
        r.currency = request.currency();
        r.totalCost = total;
        r.vendorSharePercent = share;
        r.requestedAmount = requested;
        r.expectedResults = request.expectedResults() == null ? List.of() : request.expectedResults().stream()
                .map(e -> new FundRequest.ExpectedResult(e.kpi().strip(), FundRules.plain(new BigDecimal(e.target())))).toList();
        r.levels = policies.pathOf(plan.vendorOrganisationId());
        r.status = FundRequestStatus.PENDING_APPROVAL;
        r.awaitingLevel = FundRules.nextLevel(r.levels, r.currency, requested, 0);
        r.decisions = List.of();
        r.createdAt = Instant.now(clock);
        r.updatedAt = r.createdAt;
        em.persist(r);
        em.flush();
        return publish(FundEvents.REQUESTED, r);
    }

    @Transactional
    public FundRequestView get(UUID planId, UUID id) {
        plans.requireVisible(planId);
        return FundRequestView.of(find(planId, id));
    }

    @Transactional
    public Page<FundRequestView> list(UUID planId, FundRequestStatus status, PageRequest page) {
        plans.requireVisible(planId);
        List<FundRequest> rows = status == null ? Keyset.rows(em, FundRequest.class, page, "planId = ?1", planId)
                : Keyset.rows(em, FundRequest.class, page, "planId = ?1 and status = ?2", planId, status);
        return Page.of(rows, page, r -> r.id, FundRequestView::of);
    }

    /**
     * A vendor approver decides the level the request waits for. The approver holds the level's role in the
     * vendor's organisation and decided no earlier level of this request (four eyes). The final approval
     * commits the amount on the budget line and sets the claim-by date.
     */
    @Transactional
    public FundRequestView decide(UUID planId, UUID id, String ifMatch, FundDecisionRequest decision) {
        PlanView plan = plans.get(planId);
        FundRequest r = find(planId, id);
        if (!plan.vendorOrganisationId().equals(caller.requireOrganisation())) {
            throw ProblemException.forbidden("Fund requests are decided by the vendor's approvers");
        }
        if (r.status != FundRequestStatus.PENDING_APPROVAL) {
            throw ProblemException.conflict("Fund request " + id + " is " + r.status.name().toLowerCase() + "; only a pending one is decided");
        }
        ApprovalLevel level = r.levels.levels().get(r.awaitingLevel - 1);
        if (!caller.hasRole(level.role())) {
            throw ProblemException.forbidden("Level " + r.awaitingLevel + " of " + r.levels.levels().size() + " is decided by the vendor's "
                    + level.role() + "; your roles are " + String.join(", ", caller.roles()));
        }
        if (r.decisions.stream().anyMatch(d -> d.decidedBy().equals(caller.subject()))) {
            throw ProblemException.forbidden("You decided an earlier level of this request; level " + r.awaitingLevel
                    + " needs another approver (four eyes)");
        }
        Versions.requireMatch(ifMatch, r.version);
        requireOpen(plan);
        FundRules.Outcome outcome = FundRules.decide(r.levels, r.currency, r.awaitingLevel, r.standing(), decision);
        Instant now = Instant.now(clock);
        List<FundDecision> decisions = new ArrayList<>(r.decisions);
        boolean approve = decision.outcome() == FundDecisionRequest.Outcome.APPROVE;
        decisions.add(new FundDecision(r.awaitingLevel, level.role(), decision.outcome(), approve ? FundRules.plain(outcome.amount()) : null,
                decision.reason() == null || decision.reason().isBlank() ? null : decision.reason().strip(), caller.subject(), now));
        r.decisions = decisions;
        r.status = outcome.status();
        r.awaitingLevel = outcome.awaitingLevel();
        r.updatedAt = now;
        EventType<FundRequestView> event = switch (outcome.status()) {
            case REJECTED -> FundEvents.REJECTED;
            case APPROVED -> {
                r.approvedAmount = outcome.amount();
                r.approvedAt = now;
                r.claimBy = r.endsOn.plusDays(r.levels.claimWindowDays());
                budgets.follow(planId, r.budgetId, outcome.amount(), BigDecimal.ZERO, "budget.committed");
                yield FundEvents.APPROVED;
            }
            default -> FundEvents.LEVEL_APPROVED;
        };
        em.flush();
        return publish(event, r);
    }

    /** The partner takes back a request nobody has finished deciding. */
    @Transactional
    public FundRequestView withdraw(UUID planId, UUID id, String ifMatch) {
        PlanView plan = plans.get(planId);
        FundRequest r = find(planId, id);
        if (!plan.partnerOrganisationId().equals(caller.requireOrganisation())
                || Stream.of(Roles.PARTNER_OWNER, Roles.CONTRIBUTOR).noneMatch(caller::hasRole)) {
            throw ProblemException.forbidden("Only the partner's owner or contributors withdraw the partner's fund requests");
        }
        Versions.requireMatch(ifMatch, r.version);
        if (r.status != FundRequestStatus.PENDING_APPROVAL) {
            throw ProblemException.conflict("Fund request " + id + " is " + r.status.name().toLowerCase() + "; only a pending one is withdrawn");
        }
        r.status = FundRequestStatus.WITHDRAWN;
        r.awaitingLevel = null;
        r.updatedAt = Instant.now(clock);
        em.flush();
        return publish(FundEvents.WITHDRAWN, r);
    }

    private FundRequestView publish(EventType<FundRequestView> event, FundRequest r) {
        FundRequestView view = FundRequestView.of(r);
        outbox.publish(event, r.planId, view);
        return view;
    }

    FundRequest find(UUID planId, UUID id) {
        FundRequest r = em.find(FundRequest.class, id);
        if (r == null || !r.planId.equals(planId)) {
            throw ProblemException.notFound("Fund request", id);
        }
        return r;
    }

    private static void requireOpen(PlanView plan) {
        if (plan.status() == PlanStatus.CLOSED || plan.status() == PlanStatus.RENEWED) {
            throw ProblemException.conflict("A " + plan.status().name().toLowerCase() + " plan takes no fund requests or decisions");
        }
    }

    private static List<String> strategyKeys(PlanSections sections) {
        return Stream.of(sections.marketingPlan(), sections.salesPlan())
                .filter(p -> p != null && p.strategies() != null)
                .flatMap(p -> p.strategies().stream()).map(PlanSections.Strategy::key).toList();
    }
}

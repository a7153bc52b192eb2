package io.partnerplan.plan.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.plan.action.ActionOverdue;
import io.partnerplan.plan.action.ActionRequest;
import io.partnerplan.plan.action.ActionView;
import io.partnerplan.plan.action.PlanActions;
import io.partnerplan.plan.audit.PlanAudit;
import io.partnerplan.plan.member.PlanMemberRepository;
import io.partnerplan.plan.member.PlanRole;
import io.partnerplan.plan.milestone.MilestoneDecided;
import io.partnerplan.plan.milestone.MilestoneStatus;
import io.partnerplan.plan.plan.PlanService;
import io.partnerplan.plan.plan.PlanStatus;
import io.partnerplan.plan.plan.PlanView;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.events.EventType;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.security.Roles;

/**
 * Escalations: an overdue action or a missed milestone is raised to the first level of the plan's
 * ladder in the transaction that found it, climbs while nobody acknowledges it (see
 * {@link EscalationLadder}), and is resolved with a rectification plan.
 */
@ApplicationScoped
public class Escalations {

    private static final TypeReference<List<EscalationLevel>> LEVELS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final PlanService plans;
    private final PlanMemberRepository members;
    private final PlanActions actions;
    private final PlanAudit audit;
    private final Outbox outbox;
    private final Caller caller;
    private final ObjectMapper json;
    private final Clock clock;

    public Escalations(EntityManager em, PlanService plans, PlanMemberRepository members, PlanActions actions,
                       PlanAudit audit, Outbox outbox, Caller caller, ObjectMapper json, Clock clock) {
        this.em = em;
        this.plans = plans;
        this.members = members;
        this.actions = actions;
        this.audit = audit;
        this.outbox = outbox;
        this.caller = caller;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public EscalationPolicyView policy(UUID planId) {
        plans.requireVisible(planId);
        EscalationPolicy p = em.find(EscalationPolicy.class, planId);
        return p == null ? new EscalationPolicyView(planId, EscalationRules.DEFAULT, true, null, 0)
                : new EscalationPolicyView(planId, p.levels, false, p.updatedBy, p.version);
    }

    /** The vendor's manager or the partner's owner sets the plan's ladder; escalations under way keep theirs. */
    @Transactional
    public EscalationPolicyView replacePolicy(UUID planId, String ifMatch, EscalationPolicyRequest request) {
        PlanView plan = plans.get(planId);
        if (!caller.hasRole(Roles.VENDOR_MANAGER) && !caller.hasRole(Roles.PARTNER_OWNER)) {
            throw ProblemException.forbidden("Only the plan's vendor manager and partner owner set its escalation policy");
        }
        if (plan.status() == PlanStatus.CLOSED || plan.status() == PlanStatus.RENEWED) {
            throw ProblemException.conflict("A " + plan.status().name().toLowerCase() + " plan's escalation policy does not change");
        }
        EscalationPolicy p = em.find(EscalationPolicy.class, planId, LockModeType.PESSIMISTIC_WRITE);
        Versions.requireMatch(ifMatch, p == null ? 0 : p.version);
        Set<String> subjects = members.find("planId", planId).stream().map(m -> m.subject).collect(Collectors.toSet());
        List<EscalationLevel> levels = EscalationRules.levels(request, subjects);
        boolean first = p == null;
        if (first) {
            p = new EscalationPolicy();
            p.planId = planId;
        }
        p.levels = levels;
        p.version++;
        p.updatedBy = caller.subject();
        p.updatedAt = clock.instant();
        if (first) {
            em.persist(p);
        }
        em.flush();
        EscalationPolicyView view = new EscalationPolicyView(planId, p.levels, false, p.updatedBy, p.version);
        audit.record(planId, "escalation-policy.replaced", planId.toString(), levels.size() + " level(s)", view);
        return view;
    }

    void onActionOverdue(@Observes ActionOverdue overdue) {
        PlanActions.Overdue o = overdue.overdue();
        raise(overdue.tenant(), o.planId(), EscalationCause.ACTION_OVERDUE, o.actionId(), o.title());
    }

    void onMilestoneDecided(@Observes MilestoneDecided decided) {
        if (decided.status() == MilestoneStatus.MISSED) {
            raise(caller.requireTenant(), decided.planId(), EscalationCause.MILESTONE_MISSED, decided.milestoneId(),
                    decided.title());
        }
    }

    /**
     * Raises an escalation at level 1 in the caller's transaction, unless one for this cause is still
     * open (a unique index decides, so concurrent raisers raise once). Plain SQL with the tenant
     * named: the overdue job runs across tenants in one transaction.
     *
     * @return whether one was raised
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean raise(String tenant, UUID planId, EscalationCause cause, UUID causeId, String title) {
        List<EscalationLevel> levels = ladderOf(tenant, planId);
        EscalationLevel first = levels.get(0);
        Instant now = clock.instant();
        Escalation e = new Escalation();
        e.id = Ids.next();
        e.tenantId = tenant;
        e.planId = planId;
        e.cause = cause;
        e.causeId = causeId;
        e.title = title;
        e.level = 1;
        e.levelCount = levels.size();
        e.levels = levels;
        e.recipients = EscalationRules.recipients(first, membersOf(tenant, planId));
        e.roles = EscalationRules.roleNames(first);
        e.acknowledgeBy = now.plus(first.window());
        e.status = EscalationStatus.RAISED;
        e.raisedAt = now;
        int inserted = em.createNativeQuery("""
                        insert into escalation (id, tenant_id, plan_id, cause, cause_id, title, level, level_count, levels,
                            recipients, roles, acknowledge_by, status, raised_at, version)
                        values (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, cast(?8 as jsonb), cast(?9 as jsonb), cast(?10 as jsonb),
                            ?11, 'RAISED', ?12, 0)
                        on conflict do nothing""")
                .setParameter(1, e.id).setParameter(2, tenant).setParameter(3, planId).setParameter(4, cause.name())
                .setParameter(5, causeId).setParameter(6, title).setParameter(7, e.levelCount)
                .setParameter(8, write(levels)).setParameter(9, write(e.recipients)).setParameter(10, write(e.roles))
                .setParameter(11, e.acknowledgeBy).setParameter(12, now)
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        outbox.publishFor(tenant, EscalationEvents.RAISED, planId, EscalationView.of(e));
        return true;
    }

    @Transactional
    public Page<EscalationView> list(UUID planId, EscalationStatus status, PageRequest page) {
        plans.requireVisible(planId);
        StringBuilder q = new StringBuilder("from Escalation where planId = :plan");
        if (status != null) {
            q.append(" and status = :status");
        }
        page.after().ifPresent(after -> q.append(" and id > :after"));
        var query = em.createQuery(q.append(" order by id").toString(), Escalation.class).setParameter("plan", planId);
        if (status != null) {
            query.setParameter("status", status);
        }
        page.after().ifPresent(after -> query.setParameter("after", after));
        return Page.of(query.setMaxResults(page.limit() + 1).getResultList(), page, e -> e.id, EscalationView::of);
    }

    @Transactional
    public Versioned get(UUID planId, UUID escalationId) {
        plans.requireVisible(planId);
        Escalation e = find(planId, escalationId, LockModeType.NONE);
        return new Versioned(EscalationView.of(e), e.version);
    }

    /** A member of the current level, or the vendor's manager, takes it on: it stops climbing. */
    @Transactional
    public Versioned acknowledge(UUID planId, UUID escalationId, String ifMatch) {
        PlanView plan = plans.get(planId);
        Escalation e = find(planId, escalationId, LockModeType.PESSIMISTIC_WRITE);
        Versions.requireMatch(ifMatch, e.version);
        requireMayAct(plan, e, "acknowledge");
        switch (e.status) {
            case RESOLVED -> throw ProblemException.conflict("Escalation " + escalationId + " was resolved on " + e.resolvedAt
                    + " by " + e.resolvedBy + "; a resolved escalation is not acknowledged");
            case ACKNOWLEDGED -> {
                return new Versioned(EscalationView.of(e), e.version); // acknowledged once is enough
            }
            case RAISED -> {
                e.status = EscalationStatus.ACKNOWLEDGED;
                e.acknowledgedBy = caller.subject();
                e.acknowledgedAt = clock.instant();
            }
        }
        return changed(e, EscalationEvents.ACKNOWLEDGED);
    }

    /**
     * Resolved with a rectification plan: a summary and new action items, created in this transaction
     * (each announced as action.created).
     */
    @Transactional
    public Versioned resolve(UUID planId, UUID escalationId, String ifMatch, ResolveRequest request) {
        PlanView plan = plans.get(planId);
        Escalation e = find(planId, escalationId, LockModeType.PESSIMISTIC_WRITE);
        Versions.requireMatch(ifMatch, e.version);
        requireMayAct(plan, e, "resolve");
        if (e.status == EscalationStatus.RESOLVED) {
            throw ProblemException.conflict("Escalation " + escalationId + " was already resolved on " + e.resolvedAt
                    + " by " + e.resolvedBy);
        }
        ResolveRequest.Rectification rectification = request.rectificationPlan();
        if (rectification == null) {
            throw ProblemException.badRequest("rectificationPlan",
                    "is required: an escalation is resolved with a summary of how its cause is put right");
        }
        List<ActionRequest> requested = rectification.actions() == null ? List.of() : rectification.actions();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            if (members.of(planId, requested.get(i).owner()).isEmpty()) {
                errors.add(new Problem.FieldError("rectificationPlan.actions[" + i + "].owner", "must be a member of the plan"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid rectification plan",
                    errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")), errors);
        }
        List<UUID> created = new ArrayList<>();
        for (ActionRequest action : requested) {
            ActionView view = actions.create(planId, action);
            created.add(view.id());
        }
        e.status = EscalationStatus.RESOLVED;
        e.rectificationPlan = new RectificationPlan(rectification.summary().strip(), created);
        e.resolvedBy = caller.subject();
        e.resolvedAt = clock.instant();
        return changed(e, EscalationEvents.RESOLVED);
    }

    private Versioned changed(Escalation e, EventType<EscalationView> event) {
        em.flush();
        EscalationView view = EscalationView.of(e);
        outbox.publish(event, e.planId, view);
        return new Versioned(view, e.version);
    }

    private void requireMayAct(PlanView plan, Escalation e, String what) {
        boolean vendorManager = caller.requireOrganisation().equals(plan.vendorOrganisationId())
                && caller.hasRole(Roles.VENDOR_MANAGER);
        if (!vendorManager && !e.recipients.contains(caller.subject())) {
            throw ProblemException.forbidden("Only the people of the escalation's current level (" + String.join(", ", e.recipients)
                    + ") or the vendor's manager " + what + " it");
        }
    }

    private Escalation find(UUID planId, UUID escalationId, LockModeType lock) {
        Escalation e = em.find(Escalation.class, escalationId, lock);
        if (e == null || !e.planId.equals(planId)) {
            throw ProblemException.notFound("Escalation", escalationId);
        }
        return e;
    }

    private List<EscalationLevel> ladderOf(String tenant, UUID planId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select cast(levels as text) from escalation_policy where plan_id = ?1 and tenant_id = ?2")
                .setParameter(1, planId).setParameter(2, tenant).getResultList();
        if (rows.isEmpty()) {
            return EscalationRules.DEFAULT;
        }
        try {
            return json.readValue((String) rows.get(0), LEVELS);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Escalation policy of plan " + planId + " is unreadable", ex);
        }
    }

    /** The plan's members by subject with their role, read with the tenant named (any session). */
    Map<String, PlanRole> membersOf(String tenant, UUID planId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select subject, role from plan_member where plan_id = ?1 and tenant_id = ?2")
                .setParameter(1, planId).setParameter(2, tenant).getResultList();
        Map<String, PlanRole> result = new LinkedHashMap<>();
        rows.forEach(r -> result.put((String) r[0], PlanRole.valueOf((String) r[1])));
        return result;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException(ex);
        }
    }

    /** An escalation with its version (the ETag). */
    public record Versioned(EscalationView view, long version) {
    }

}

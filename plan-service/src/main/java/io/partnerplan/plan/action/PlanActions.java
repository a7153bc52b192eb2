package io.partnerplan.plan.action;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.plan.member.PlanMemberRepository;
import io.partnerplan.plan.objective.Objectives;
import io.partnerplan.plan.plan.PlanService;
import io.partnerplan.plan.plan.PlanStatus;
import io.partnerplan.plan.plan.PlanView;
import io.partnerplan.plan.section.PlanSections;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.security.Roles;
import io.quarkus.scheduler.Scheduled;

/** Action items: who does what by when; overdue ones are announced once (action.overdue). */
@ApplicationScoped
public class PlanActions {

    private final ActionItemRepository actions;
    private final PlanMemberRepository members;
    private final PlanService plans;
    private final EntityManager em;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;
    private final Objectives objectives;
    private final Event<ActionOverdue> overdue;

    public PlanActions(ActionItemRepository actions, PlanMemberRepository members, PlanService plans, EntityManager em,
                       Outbox outbox, Caller caller, Clock clock, Objectives objectives, Event<ActionOverdue> overdue) {
        this.objectives = objectives;
        this.overdue = overdue;
        this.actions = actions;
        this.members = members;
        this.plans = plans;
        this.em = em;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public ActionView create(UUID planId, ActionRequest request) {
        PlanView plan = requireEditable(planId, request);
        ActionItem action = new ActionItem();
        action.id = Ids.next();
        action.planId = plan.id();
        action.createdAt = Instant.now();
        apply(action, request);
        actions.persist(action);
        actions.flush();
        ActionView view = ActionView.of(action);
        outbox.publish(ActionEvents.CREATED, planId, view);
        return view;
    }

    @Transactional
    public ActionView update(UUID planId, UUID actionId, String ifMatch, ActionRequest request) {
        requireEditable(planId, request);
        ActionItem action = actions.find("id = ?1 and planId = ?2", actionId, planId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Action", actionId));
        Versions.requireMatch(ifMatch, action.version);
        if (request.dueOn().isAfter(action.dueOn)) {
            action.overdueAnnouncedAt = null; // a new date: a new chance to be late
        }
        apply(action, request);
        actions.flush();
        ActionView view = ActionView.of(action);
        outbox.publish(ActionEvents.UPDATED, planId, view);
        return view;
    }

    @Transactional
    public Page<ActionView> list(UUID planId, PageRequest page) {
        plans.requireVisible(planId);
        return Page.of(actions.page(planId, page), page, a -> a.id, ActionView::of);
    }

    @Transactional
    public Page<ActionView> list(UUID planId, ActionFilter filter, PageRequest page) {
        plans.requireVisible(planId);
        return Page.of(actions.page(planId, null, filter, page), page, a -> a.id, ActionView::of);
    }

    /** The caller's own action items across the plans they are a member of. */
    @Transactional
    public Page<ActionView> mine(ActionFilter filter, PageRequest page) {
        String me = caller.subject();
        return Page.of(actions.page(null, me, filter.ownedBy(me), page), page, a -> a.id, ActionView::of);
    }

    @Transactional
    public ActionView get(UUID planId, UUID actionId) {
        plans.requireVisible(planId);
        return actions.find("id = ?1 and planId = ?2", actionId, planId).firstResultOptional().map(ActionView::of)
                .orElseThrow(() -> ProblemException.notFound("Action", actionId));
    }

    /**
     * Renewal: the plan's open action items (open, in progress, blocked) move to its successor with
     * their ids, linked to the successor's copy of their objective; action.updated for each.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> carryOver(UUID from, UUID to, Map<UUID, UUID> objectiveIds) {
        List<ActionItem> open = em.createQuery("from ActionItem where planId = ?1 and status in ?2 order by id", ActionItem.class)
                .setParameter(1, from).setParameter(2, List.of(ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED))
                .getResultList();
        List<UUID> carried = new java.util.ArrayList<>();
        for (ActionItem a : open) {
            UUID objective = a.objectiveId == null ? null : objectiveIds.get(a.objectiveId);
            em.detach(a);
            // plan_id is not updatable through the entity: an action item changes plan only here.
            (objective == null
                    ? em.createNativeQuery("update action_item set plan_id = ?1, objective_id = null, version = version + 1 where id = ?2")
                    : em.createNativeQuery("update action_item set plan_id = ?1, objective_id = ?3, version = version + 1 where id = ?2")
                            .setParameter(3, objective))
                    .setParameter(1, to).setParameter(2, a.id).executeUpdate();
            ActionView moved = ActionView.of(em.find(ActionItem.class, a.id));
            outbox.publish(ActionEvents.UPDATED, to, moved);
            carried.add(a.id);
        }
        return carried;
    }

    @Scheduled(every = "${partnerplan.actions.check-interval:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        announceOverdue(LocalDate.now(clock));
    }

    /**
     * Announces, across tenants, open actions past their due date, once each. Rows are claimed with
     * {@code FOR UPDATE SKIP LOCKED}, so replicas never announce one twice.
     *
     * @return how many were announced
     */
    @Transactional
    @ActivateRequestContext
    public int announceOverdue(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, tenant_id, plan_id, title, owner, due_on from action_item
                        where status in ('OPEN', 'IN_PROGRESS', 'BLOCKED') and due_on < ?1 and overdue_announced_at is null
                          and not exists (select 1 from plan p where p.id = action_item.plan_id and p.status in ('CLOSED', 'RENEWED'))
                        order by due_on limit 500 for update skip locked""")
                .setParameter(1, today).getResultList();
        for (Object[] row : rows) {
            LocalDate due = row[5] instanceof LocalDate day ? day : ((java.sql.Date) row[5]).toLocalDate();
            em.createNativeQuery("update action_item set overdue_announced_at = now() where id = ?1")
                    .setParameter(1, row[0]).executeUpdate();
            Overdue late = new Overdue((UUID) row[0], (UUID) row[2], (String) row[3], (String) row[4], due,
                    ChronoUnit.DAYS.between(due, today));
            outbox.publishFor((String) row[1], ActionEvents.OVERDUE, row[2], late);
            overdue.fire(new ActionOverdue((String) row[1], late)); // escalated in this transaction
        }
        return rows.size();
    }

    private PlanView requireEditable(UUID planId, ActionRequest request) {
        PlanView plan = plans.get(planId);
        if (Stream.of(Roles.VENDOR_MANAGER, Roles.PARTNER_OWNER, Roles.CONTRIBUTOR, Roles.EXECUTIVE_SPONSOR)
                .noneMatch(caller::hasRole)) {
            throw ProblemException.forbidden("Viewers do not change action items");
        }
        if (plan.status() == PlanStatus.CLOSED || plan.status() == PlanStatus.RENEWED) {
            throw ProblemException.conflict("A " + plan.status().name().toLowerCase() + " plan takes no action changes");
        }
        if (members.of(planId, request.owner()).isEmpty()) {
            throw ProblemException.badRequest("owner", "must be a member of the plan");
        }
        if (request.strategyKey() != null && !strategyKeys(plans.sections(planId).value()).contains(request.strategyKey())) {
            throw ProblemException.badRequest("strategyKey", "is not a strategy of this plan's marketing or sales plan");
        }
        if (request.objectiveId() != null && !objectives.exists(planId, request.objectiveId())) {
            throw ProblemException.badRequest("objectiveId", "is not an objective of this plan");
        }
        return plan;
    }

    private static List<String> strategyKeys(PlanSections sections) {
        return Stream.of(sections.marketingPlan(), sections.salesPlan())
                .filter(p -> p != null && p.strategies() != null)
                .flatMap(p -> p.strategies().stream()).map(PlanSections.Strategy::key).toList();
    }

    private static void apply(ActionItem action, ActionRequest request) {
        action.title = request.title().strip();
        action.description = request.description();
        action.owner = request.owner();
        action.dueOn = request.dueOn();
        action.status = request.status() == null ? ActionStatus.OPEN : request.status();
        action.strategyKey = request.strategyKey();
        action.objectiveId = request.objectiveId();
    }

    /** Data of action.overdue. */
    public record Overdue(UUID actionId, UUID planId, String title, String owner, LocalDate dueOn, long daysOverdue) {
    }
}

package io.partnerplan.plan.action;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.plan.member.PlanMemberRepository;
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
    private final Event<ActionOverdue> overdue;

    public PlanActions(ActionItemRepository actions, PlanMemberRepository members, PlanService plans, EntityManager em,
                       Outbox outbox, Caller caller, Clock clock, Event<ActionOverdue> overdue) {
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
        outbox.publish("action.created", "plan", planId, view);
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
        outbox.publish("action.updated", "plan", planId, view);
        return view;
    }

    @Transactional
    public Page<ActionView> list(UUID planId, PageRequest page) {
        plans.requireVisible(planId);
        return Page.of(actions.page(planId, page), page, a -> a.id, ActionView::of);
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
                        order by due_on limit 500 for update skip locked""")
                .setParameter(1, today).getResultList();
        for (Object[] row : rows) {
            LocalDate due = row[5] instanceof LocalDate day ? day : ((java.sql.Date) row[5]).toLocalDate();
            em.createNativeQuery("update action_item set overdue_announced_at = now() where id = ?1")
                    .setParameter(1, row[0]).executeUpdate();
            Overdue late = new Overdue((UUID) row[0], (UUID) row[2], (String) row[3], (String) row[4], due,
                    ChronoUnit.DAYS.between(due, today));
            outbox.publishFor((String) row[1], "action.overdue", "plan", row[2], late);
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
    }

    /** Data of action.overdue. */
    public record Overdue(UUID actionId, UUID planId, String title, String owner, LocalDate dueOn, long daysOverdue) {
    }
}

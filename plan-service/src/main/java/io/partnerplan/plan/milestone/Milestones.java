package io.partnerplan.plan.milestone;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerplan.plan.plan.AgreedContent;
import io.partnerplan.plan.plan.AmendablePart;
import io.partnerplan.plan.plan.PartItems;
import io.partnerplan.plan.plan.PlanContent;
import io.partnerplan.plan.plan.PlanService;
import io.partnerplan.plan.plan.PlanStatus;
import io.partnerplan.plan.plan.PlanView;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.events.IncomingEvent;
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
 * Milestones and their criteria. People write them and tick checklists; kpi-service judges the KPI
 * criteria and its verdicts (kpi.criterion.*) move the milestone: milestone.at-risk, .achieved, .missed.
 */
@ApplicationScoped
public class Milestones implements AmendablePart, PlanContent {

    private final EntityManager em;
    private final PlanService plans;
    private final Outbox outbox;
    private final Caller caller;
    private final Event<MilestoneDecided> decided;

    private final ObjectMapper json;
    private final Validator validator;

    public Milestones(EntityManager em, PlanService plans, Outbox outbox, Caller caller, Event<MilestoneDecided> decided,
                      ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
        this.em = em;
        this.plans = plans;
        this.outbox = outbox;
        this.caller = caller;
        this.decided = decided;
    }

    @Transactional
    public MilestoneView create(UUID planId, MilestoneRequest request) {
        PlanView plan = requireEditable(planId);
        AgreedContent.requireDirectWrite(planId, plan.status(), AgreedContent.Part.MILESTONES);
        Milestone m = new Milestone();
        m.id = Ids.next();
        m.planId = planId;
        m.createdAt = Instant.now();
        m.status = MilestoneStatus.PENDING;
        m.criteria = List.of();
        apply(m, request, plan);
        em.persist(m);
        em.flush();
        return changed(m, MilestoneStatus.PENDING, MilestoneEvents.CREATED);
    }

    @Transactional
    public MilestoneView update(UUID planId, UUID milestoneId, String ifMatch, MilestoneRequest request) {
        PlanView plan = requireEditable(planId);
        Milestone m = find(planId, milestoneId);
        if (!MilestoneRules.onlyTicks(m, request)) {
            AgreedContent.requireDirectWrite(planId, plan.status(), AgreedContent.Part.MILESTONES);
        }
        Versions.requireMatch(ifMatch, m.version);
        if (m.status.isFinal()) {
            throw ProblemException.conflict("Milestone " + milestoneId + " was " + m.status.name().toLowerCase()
                    + " on " + m.decidedAt + "; a decided milestone does not change");
        }
        MilestoneStatus before = m.status;
        apply(m, request, plan);
        em.flush();
        return changed(m, before, MilestoneEvents.UPDATED);
    }

    @Transactional
    public MilestoneView get(UUID planId, UUID milestoneId) {
        plans.requireVisible(planId);
        return MilestoneView.of(find(planId, milestoneId));
    }

    @Transactional
    public Page<MilestoneView> list(UUID planId, PageRequest page) {
        plans.requireVisible(planId);
        List<Milestone> rows = Keyset.rows(em, Milestone.class, page, "planId = ?1", planId);
        return Page.of(rows, page, m -> m.id, MilestoneView::of);
    }

    @Override
    public AgreedContent.Part part() {
        return AgreedContent.Part.MILESTONES;
    }

    @Override
    public ObjectNode document(UUID planId) {
        return PartItems.document(json, ofPlan(planId), m -> m.id, m -> new MilestoneRequest(m.title, m.description, m.dueOn,
                m.criteria.stream().map(c -> new MilestoneRequest.CriterionRequest(c.id(), c.kind(), c.kpi(), c.threshold(),
                        c.windowStart(), c.windowEnd(), c.items() == null ? null
                                : c.items().stream().map(i -> new MilestoneRequest.Item(i.text(), i.done())).toList())).toList()));
    }

    @Override
    public void check(PlanView plan, String prefix, ObjectNode before, ObjectNode after) {
        List<UUID> removed = PartItems.removed(before, after);
        if (!removed.isEmpty()) {
            throw ProblemException.badRequest(prefix + "." + removed.get(0), "a milestone is not removed; change its criteria instead");
        }
        for (PartItems.Change<MilestoneRequest> change : PartItems.changed(json, validator, prefix, before, after, MilestoneRequest.class)) {
            String at = prefix + "." + change.key() + ".";
            Milestone m = change.id() == null ? null : find(plan.id(), change.id());
            if (m != null && m.status.isFinal()) {
                throw ProblemException.badRequest(at + "status", "was " + m.status.name().toLowerCase() + "; a decided milestone does not change");
            }
            MilestoneRequest r = change.request();
            if (r.dueOn().isBefore(plan.horizonStart()) || r.dueOn().isAfter(plan.horizonEnd())) {
                throw ProblemException.badRequest(at + "dueOn", "must lie within the plan's horizon " + plan.horizonStart() + " to "
                        + plan.horizonEnd());
            }
            try {
                MilestoneRules.criteria(r.criteria(), m == null ? List.of() : m.criteria, plan.horizonStart(), plan.horizonEnd());
            } catch (ProblemException e) {
                throw new ProblemException(e.status(), e.slug(), e.title(), at + e.getMessage(), e.errors().stream()
                        .map(f -> new io.partnerplan.platform.problem.Problem.FieldError(at + f.field(), f.message())).toList());
            }
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(PlanView plan, ObjectNode before, ObjectNode after) {
        for (PartItems.Change<MilestoneRequest> change : PartItems.changed(json, validator, "changes.milestones", before, after,
                MilestoneRequest.class)) {
            Milestone m = change.id() == null ? null : find(plan.id(), change.id());
            if (m == null) {
                m = new Milestone();
                m.id = Ids.next();
                m.planId = plan.id();
                m.createdAt = Instant.now();
                m.status = MilestoneStatus.PENDING;
                m.criteria = List.of();
                apply(m, change.request(), plan);
                em.persist(m);
                em.flush();
                changed(m, MilestoneStatus.PENDING, MilestoneEvents.CREATED);
            } else {
                MilestoneStatus was = m.status;
                apply(m, change.request(), plan);
                em.flush();
                changed(m, was, MilestoneEvents.UPDATED);
            }
        }
    }

    @Override
    public String name() {
        return "milestones";
    }

    /** For the plan's versions: what was agreed of each milestone (its judged state is execution). */
    @Override
    public Object of(UUID planId) {
        return ofPlan(planId).stream().map(m -> new Snapshot(m.id, m.title, m.description, m.dueOn, m.criteria.stream()
                .map(c -> new MilestoneRequest.CriterionRequest(c.id(), c.kind(), c.kpi(), c.threshold(), c.windowStart(),
                        c.windowEnd(), c.items() == null ? null
                                : c.items().stream().map(i -> new MilestoneRequest.Item(i.text(), i.done())).toList()))
                .toList())).toList();
    }

    record Snapshot(UUID id, String title, String description, java.time.LocalDate dueOn,
                    List<MilestoneRequest.CriterionRequest> criteria) {
    }

    /** Every milestone of the plan, oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<MilestoneView> all(UUID planId) {
        return ofPlan(planId).stream().map(MilestoneView::of).toList();
    }

    private List<Milestone> ofPlan(UUID planId) {
        return em.createQuery("from Milestone where planId = ?1 order by id", Milestone.class).setParameter(1, planId).getResultList();
    }

    /** What plan-service reads of a kpi.criterion.* verdict. */
    record CriterionJudged(UUID milestoneId, UUID criterionId, CriterionState state, String reason) {
        CriterionJudged {
            IncomingEvent.required(milestoneId, "milestoneId");
            IncomingEvent.required(criterionId, "criterionId");
            IncomingEvent.required(state, "state");
        }
    }

    /**
     * kpi-service judged a KPI criterion. Its state is copied onto the milestone under a row lock;
     * a decided milestone or an unknown criterion (removed since) ignores it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void criterionJudged(IncomingEvent event) {
        CriterionJudged judged = event.dataAs(CriterionJudged.class);
        UUID criterionId = judged.criterionId();
        CriterionState state = judged.state();
        Milestone m = em.find(Milestone.class, judged.milestoneId(), LockModeType.PESSIMISTIC_WRITE);
        if (m == null || m.status.isFinal() || plans.isFinished(m.planId)) {
            return; // a closed or renewed plan is no longer judged
        }
        String reason = judged.reason();
        List<Criterion> criteria = new ArrayList<>();
        boolean found = false;
        for (Criterion c : m.criteria) {
            if (c.id().equals(criterionId) && c.kind() == CriterionKind.KPI) {
                criteria.add(c.withState(state, reason));
                found = true;
            } else {
                criteria.add(c);
            }
        }
        if (!found) {
            return;
        }
        MilestoneStatus before = m.status;
        m.criteria = criteria;
        m.status = MilestoneRules.statusOf(criteria);
        decide(m, before);
        em.flush();
        announce(m, before);
    }

    /** Its due date passed: checklists decide (see {@link ChecklistDueDates}); announced like a KPI verdict. */
    void checklistsDue(Milestone m) {
        MilestoneStatus before = m.status;
        m.criteria = ChecklistDueDates.decided(m.criteria);
        m.status = MilestoneRules.statusOf(m.criteria);
        decide(m, before);
        em.flush();
        announce(m, before);
    }

    private void apply(Milestone m, MilestoneRequest request, PlanView plan) {
        if (request.dueOn().isBefore(plan.horizonStart()) || request.dueOn().isAfter(plan.horizonEnd())) {
            throw ProblemException.badRequest("dueOn", "must lie within the plan's horizon " + plan.horizonStart() + " to "
                    + plan.horizonEnd());
        }
        m.title = request.title().strip();
        m.description = request.description();
        m.dueOn = request.dueOn();
        m.criteria = MilestoneRules.criteria(request.criteria(), m.criteria, plan.horizonStart(), plan.horizonEnd(),
                caller.subject(), Instant.now());
        MilestoneStatus before = m.status;
        m.status = MilestoneRules.statusOf(m.criteria);
        decide(m, before);
    }

    private void decide(Milestone m, MilestoneStatus before) {
        if (m.status.isFinal() && !before.isFinal()) {
            m.decidedAt = Instant.now();
            decided.fire(new MilestoneDecided(m.planId, m.id, m.title, m.status));
        }
    }

    private MilestoneView changed(Milestone m, MilestoneStatus before, EventType<MilestoneView> change) {
        MilestoneView view = MilestoneView.of(m);
        outbox.publish(change, m.planId, view);
        announce(m, before);
        return view;
    }

    /** The status change, if any, as its own event: what people are told about. */
    private void announce(Milestone m, MilestoneStatus before) {
        if (m.status == before) {
            return;
        }
        outbox.publish(MilestoneEvents.statusChange(m.status), m.planId, MilestoneView.of(m));
    }

    private Milestone find(UUID planId, UUID milestoneId) {
        Milestone m = em.find(Milestone.class, milestoneId);
        if (m == null || !m.planId.equals(planId)) {
            throw ProblemException.notFound("Milestone", milestoneId);
        }
        return m;
    }

    private PlanView requireEditable(UUID planId) {
        PlanView plan = plans.get(planId);
        if (!caller.hasRole(Roles.VENDOR_MANAGER) && !caller.hasRole(Roles.PARTNER_OWNER)
                && !caller.hasRole(Roles.CONTRIBUTOR)) {
            throw ProblemException.forbidden("Only the plan's managers, owners and contributors change milestones");
        }
        if (plan.status() == PlanStatus.CLOSED || plan.status() == PlanStatus.RENEWED) {
            throw ProblemException.conflict("A " + plan.status().name().toLowerCase() + " plan takes no milestone changes");
        }
        return plan;
    }
}

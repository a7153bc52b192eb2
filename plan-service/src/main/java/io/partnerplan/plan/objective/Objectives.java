package io.partnerplan.plan.objective;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.plan.audit.PlanAudit;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.event.Observes;

import io.partnerplan.plan.plan.AgreedContent;
import io.partnerplan.plan.plan.PlanChanged;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.plan.plan.AmendablePart;
import io.partnerplan.plan.plan.PartItems;
import io.partnerplan.plan.plan.PlanContent;
import io.partnerplan.plan.plan.PlanService;
import io.partnerplan.plan.plan.PlanStatus;
import io.partnerplan.plan.plan.PlanView;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.paging.Keyset;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.security.Roles;

/**
 * Objectives of a plan. Written freely while the plan is drafted or proposed (each change is a new
 * plan version); once agreed, a target or period only changes through an amendment both sides accept.
 */
@ApplicationScoped
public class Objectives implements PlanContent, AmendablePart {

    private final EntityManager em;
    private final PlanService plans;
    private final Caller caller;
    private final PlanAudit audit;

    private final ObjectMapper json;
    private final Validator validator;

    private final Outbox outbox;

    public Objectives(EntityManager em, PlanService plans, Caller caller, PlanAudit audit, ObjectMapper json, Validator validator,
                      Outbox outbox) {
        this.outbox = outbox;
        this.json = json;
        this.validator = validator;
        this.audit = audit;
        this.em = em;
        this.plans = plans;
        this.caller = caller;
    }

    @Transactional
    public ObjectiveView create(UUID planId, ObjectiveRequest request) {
        PlanView plan = requireWritable(planId);
        requireValid("", request, plan);
        Objective o = new Objective();
        o.id = Ids.next();
        o.planId = planId;
        o.createdAt = Instant.now();
        apply(o, request);
        em.persist(o);
        em.flush();
        plans.recordContentChange(planId, "objective.created", null);
        audit.record(planId, "objective.created", o.id.toString(), o.title, ObjectiveView.of(o));
        return ObjectiveView.of(o);
    }

    @Transactional
    public ObjectiveView update(UUID planId, UUID objectiveId, String ifMatch, ObjectiveRequest request) {
        PlanView plan = requireWritable(planId);
        Objective o = find(planId, objectiveId);
        Versions.requireMatch(ifMatch, o.version);
        requireValid("", request, plan);
        apply(o, request);
        em.flush();
        plans.recordContentChange(planId, "objective.updated", null);
        audit.record(planId, "objective.updated", o.id.toString(), o.title, ObjectiveView.of(o));
        return ObjectiveView.of(o);
    }

    @Transactional
    public void delete(UUID planId, UUID objectiveId, String ifMatch) {
        requireWritable(planId);
        Objective o = find(planId, objectiveId);
        Versions.requireMatch(ifMatch, o.version);
        em.remove(o);
        em.flush();
        plans.recordContentChange(planId, "objective.deleted", null);
        audit.record(planId, "objective.deleted", o.id.toString(), o.title, ObjectiveView.of(o));
    }

    @Transactional
    public ObjectiveView get(UUID planId, UUID objectiveId) {
        plans.requireVisible(planId);
        return ObjectiveView.of(find(planId, objectiveId));
    }

    @Transactional
    public Page<ObjectiveView> list(UUID planId, PageRequest page) {
        plans.requireVisible(planId);
        List<Objective> rows = Keyset.rows(em, Objective.class, page, "planId = ?1", planId);
        return Page.of(rows, page, o -> o.id, ObjectiveView::of);
    }

    /** Whether {@code objective} is one of the plan's: action items link to it. */
    public boolean exists(UUID planId, UUID objective) {
        Objective o = em.find(Objective.class, objective);
        return o != null && o.planId.equals(planId);
    }

    /** The plan's objectives, oldest first: for renewal and templates. */
    public List<ObjectiveView> all(UUID planId) {
        return em.createQuery("from Objective where planId = ?1 order by id", Objective.class).setParameter(1, planId)
                .getResultStream().map(ObjectiveView::of).toList();
    }

    /** Copies objectives into a successor plan, periods moved along and kept within its horizon; old id → new id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, UUID> copy(List<ObjectiveView> from, UUID toPlan, Period shift, LocalDate start, LocalDate end) {
        return from.stream().collect(Collectors.toMap(ObjectiveView::id, source -> {
            Objective o = new Objective();
            o.id = Ids.next();
            o.planId = toPlan;
            o.createdAt = Instant.now();
            o.title = source.title();
            o.description = source.description();
            o.measures = source.measures();
            o.periodStart = clamp(source.periodStart().plus(shift), start, end);
            o.periodEnd = clamp(source.periodEnd().plus(shift), start, end);
            em.persist(o);
            return o.id;
        }));
    }

    /**
     * One source of truth for targets: when both sides agree the plan, and whenever they accept an
     * amendment, the objectives in force go out as {@code plan.objectives-agreed}; kpi-service makes
     * each measure over one of the plan's periods that KPI's target there. Nobody types a target twice.
     */
    void onAgreement(@Observes PlanChanged change) {
        if (change.change().equals("plan.agreed") || change.change().equals("plan.amended")) {
            UUID planId = change.plan().id();
            outbox.publish(ObjectiveEvents.AGREED, planId, new ObjectivesAgreed(planId, change.plan().version(), all(planId)));
        }
    }

    /** Data of {@code plan.objectives-agreed}: the plan's objectives as agreed at a version. */
    public record ObjectivesAgreed(UUID planId, long planVersion, List<ObjectiveView> objectives) {
    }

    @Override
    public AgreedContent.Part part() {
        return AgreedContent.Part.OBJECTIVES;
    }

    @Override
    public ObjectNode document(UUID planId) {
        return PartItems.document(json, all(planId), ObjectiveView::id, o -> new ObjectiveRequest(null, o.title(), o.description(),
                o.measures().stream().map(m -> new ObjectiveRequest.MeasureRequest(m.kpi(), m.target())).toList(),
                o.periodStart(), o.periodEnd()));
    }

    @Override
    public void check(PlanView plan, String prefix, ObjectNode before, ObjectNode after) {
        for (PartItems.Change<ObjectiveRequest> change : PartItems.changed(json, validator, prefix, before, after, ObjectiveRequest.class)) {
            requireValid(prefix + "." + change.key() + ".", change.request(), plan);
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(PlanView plan, ObjectNode before, ObjectNode after) {
        for (PartItems.Change<ObjectiveRequest> change : PartItems.changed(json, validator, "changes.objectives", before, after,
                ObjectiveRequest.class)) {
            Objective o = change.id() == null ? null : find(plan.id(), change.id());
            if (o == null) {
                o = new Objective();
                o.id = Ids.next();
                o.planId = plan.id();
                o.createdAt = Instant.now();
                apply(o, change.request());
                em.persist(o);
            } else {
                apply(o, change.request());
            }
        }
        PartItems.removed(before, after).forEach(id -> em.remove(find(plan.id(), id)));
        em.flush();
    }

    @Override
    public String name() {
        return "objectives";
    }

    /** In a version's snapshot: the content, without the row's own version. */
    @Override
    public Object of(UUID planId) {
        return all(planId).stream().map(o -> new Snapshot(o.id(), o.title(), o.description(), o.measures(),
                o.periodStart(), o.periodEnd())).toList();
    }

    record Snapshot(UUID id, String title, String description, List<Objective.Measure> measures, LocalDate periodStart,
                    LocalDate periodEnd) {
    }

    private static LocalDate clamp(LocalDate day, LocalDate start, LocalDate end) {
        return day.isBefore(start) ? start : day.isAfter(end) ? end : day;
    }

    private static void apply(Objective o, ObjectiveRequest request) {
        o.title = request.title().strip();
        o.description = request.description();
        o.measures = request.measures().stream()
                .map(m -> new Objective.Measure(m.kpi().strip(), ObjectiveView.plain(m.target()))).toList();
        o.periodStart = request.periodStart();
        o.periodEnd = request.periodEnd();
    }

    private static void requireValid(String prefix, ObjectiveRequest request, PlanView plan) {
        if (request.periodEnd().isBefore(request.periodStart())) {
            throw ProblemException.badRequest(prefix + "periodEnd", "must not be before periodStart");
        }
        if (request.periodStart().isBefore(plan.horizonStart()) || request.periodEnd().isAfter(plan.horizonEnd())) {
            throw ProblemException.badRequest(prefix + (request.periodStart().isBefore(plan.horizonStart()) ? "periodStart" : "periodEnd"),
                    "must lie within the plan's horizon " + plan.horizonStart() + " to " + plan.horizonEnd());
        }
        Set<String> kpis = new HashSet<>();
        for (int i = 0; i < request.measures().size(); i++) {
            if (!kpis.add(request.measures().get(i).kpi().strip())) {
                throw ProblemException.badRequest(prefix + "measures[" + i + "].kpi", "is already measured by this objective");
            }
        }
    }

    private Objective find(UUID planId, UUID objectiveId) {
        Objective o = em.find(Objective.class, objectiveId);
        if (o == null || !o.planId.equals(planId)) {
            throw ProblemException.notFound("Objective", objectiveId);
        }
        return o;
    }

    private PlanView requireWritable(UUID planId) {
        PlanView plan = plans.get(planId);
        if (Stream.of(Roles.VENDOR_MANAGER, Roles.PARTNER_OWNER, Roles.CONTRIBUTOR, Roles.EXECUTIVE_SPONSOR).noneMatch(caller::hasRole)) {
            throw ProblemException.forbidden("Viewers do not change objectives");
        }
        if (plan.status() == PlanStatus.CLOSED || plan.status() == PlanStatus.RENEWED) {
            throw ProblemException.conflict("A " + plan.status().name().toLowerCase() + " plan takes no changes");
        }
        AgreedContent.requireDirectWrite(planId, plan.status(), AgreedContent.Part.OBJECTIVES);
        return plan;
    }
}

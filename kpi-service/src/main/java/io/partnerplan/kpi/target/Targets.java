package io.partnerplan.kpi.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerplan.kpi.definition.KpiDefinition;
import io.partnerplan.kpi.definition.KpiDefinitionRepository;
import io.partnerplan.kpi.period.PlanPeriod;
import io.partnerplan.kpi.period.PlanPeriods;
import io.partnerplan.kpi.plan.PlansOfCaller;
import io.partnerplan.kpi.plan.TrackedPlan;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;

/** Targets per KPI per period of a plan; each target period must be one of the plan's periods. */
@ApplicationScoped
public class Targets {

    static final BigDecimal DEFAULT_GREEN = BigDecimal.valueOf(100);
    static final BigDecimal DEFAULT_AMBER = BigDecimal.valueOf(80);

    private final EntityManager em;
    private final KpiDefinitionRepository kpis;
    private final PlansOfCaller plans;
    private final PlanPeriods periods;
    private final Outbox outbox;
    private final Caller caller;
    private final Event<TargetsChanged> changes;
    private final TargetHistory history;
    private final java.time.Clock clock;

    public Targets(EntityManager em, KpiDefinitionRepository kpis, PlansOfCaller plans, PlanPeriods periods, Outbox outbox,
                   Caller caller, Event<TargetsChanged> changes, TargetHistory history, java.time.Clock clock) {
        this.changes = changes;
        this.history = history;
        this.clock = clock;
        this.em = em;
        this.kpis = kpis;
        this.plans = plans;
        this.periods = periods;
        this.outbox = outbox;
        this.caller = caller;
    }

    /** Creates or replaces the KPI's targets for the plan; replacing needs the If-Match of the set read. */
    @Transactional
    public TargetSetView set(UUID planId, String kpiKey, String ifMatch, TargetSetRequest request) {
        TrackedPlan plan = plans.require(planId);
        requireDirectWrite(plan);
        KpiDefinition kpi = kpis.byKey(kpiKey)
                .orElseThrow(() -> ProblemException.notFound("KPI", kpiKey));
        BigDecimal green = request.greenAt() == null ? DEFAULT_GREEN : request.greenAt();
        BigDecimal amber = request.amberAt() == null ? DEFAULT_AMBER : request.amberAt();
        if (amber.compareTo(green) > 0) {
            throw ProblemException.badRequest("amberAt", "must not be above greenAt (" + green.toPlainString() + ")");
        }
        List<TargetPeriod> validated = validate(request.periods(), periods.of(plan));

        Optional<TargetSet> existing = find(planId, kpi.id);
        TargetSet set;
        if (existing.isPresent()) {
            set = existing.get();
            Versions.requireMatch(ifMatch, set.version);
        } else {
            set = new TargetSet();
            set.id = Ids.next();
            set.planId = planId;
            set.kpiId = kpi.id;
        }
        List<TargetPeriod> before = existing.isPresent() ? set.periods : List.of();
        set.greenAt = green;
        set.amberAt = amber;
        set.periods = validated;
        set.updatedBy = caller.subject();
        set.updatedAt = clock.instant();
        if (existing.isEmpty()) {
            em.persist(set);
        }
        em.flush();
        history.changed(set, before, set.periods, set.updatedAt, set.updatedBy);
        TargetSetView view = view(set, kpi);
        outbox.publish(TargetEvents.SET, planId, view);
        changes.fire(new TargetsChanged(plan));
        return view;
    }

    /**
     * The objectives both sides agreed (on signing, and after each accepted amendment) are the plan's
     * targets: each objective measure sets its KPI's targets on the plan's periods it reaches, split
     * as {@link ObjectiveTargets} says when its span is not exactly one period. The KPI's other periods
     * and its thresholds stay (a KPI without targets gets the default thresholds). Objectives outside
     * every period, KPIs not in the tenant's library and targets already at the agreed value are left
     * alone; kpi.targets.set is emitted per KPI changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void followAmendment(UUID planId, JsonNode objectives, String actor) {
        TrackedPlan plan = em.find(TrackedPlan.class, planId);
        if (plan == null) {
            return; // plan.created comes first on the plan's partition; an unknown plan has nothing to follow
        }
        List<ObjectiveTargets.Measure> measures = new ArrayList<>();
        for (JsonNode objective : objectives) {
            LocalDate start;
            LocalDate end;
            try {
                start = LocalDate.parse(objective.path("periodStart").asText());
                end = LocalDate.parse(objective.path("periodEnd").asText());
            } catch (java.time.DateTimeException e) {
                continue; // plan-service requires both; nothing to lay onto periods without them
            }
            for (JsonNode measure : objective.path("measures")) {
                try {
                    measures.add(new ObjectiveTargets.Measure(measure.path("kpi").asText(), start, end,
                            new BigDecimal(measure.path("target").asText())));
                } catch (NumberFormatException e) {
                    // plan-service accepts only decimals; nothing sensible to set from anything else
                }
            }
        }
        Map<String, Optional<KpiDefinition>> library = new TreeMap<>();
        measures.forEach(m -> library.computeIfAbsent(m.kpi(), kpis::byKey));
        Map<String, Map<LocalDate, TargetPeriod>> agreed = ObjectiveTargets.onPeriods(measures, periods.of(plan),
                key -> library.get(key).filter(k -> !k.derived()).map(k -> k.aggregation).orElse(null));
        agreed.forEach((kpiKey, byStart) -> kpis.byKey(kpiKey).ifPresent(kpi -> {
            Optional<TargetSet> existing = find(planId, kpi.id);
            TargetSet set = existing.orElseGet(() -> {
                TargetSet fresh = new TargetSet();
                fresh.id = Ids.next();
                fresh.planId = planId;
                fresh.kpiId = kpi.id;
                fresh.greenAt = DEFAULT_GREEN;
                fresh.amberAt = DEFAULT_AMBER;
                fresh.periods = List.of();
                return fresh;
            });
            Map<LocalDate, TargetPeriod> merged = new TreeMap<>();
            set.periods.forEach(p -> merged.put(p.start(), p));
            boolean changed = existing.isEmpty();
            for (TargetPeriod p : byStart.values()) {
                TargetPeriod before = merged.put(p.start(), p);
                changed |= before == null || before.target().compareTo(p.target()) != 0;
            }
            if (!changed) {
                return;
            }
            List<TargetPeriod> before = set.periods;
            set.periods = List.copyOf(merged.values());
            set.updatedBy = actor == null ? "system" : actor;
            set.updatedAt = clock.instant();
            if (existing.isEmpty()) {
                em.persist(set);
            }
            em.flush();
            history.changed(set, before, set.periods, set.updatedAt, set.updatedBy);
            outbox.publish(TargetEvents.SET, planId, view(set, kpi));
            changes.fire(new TargetsChanged(plan));
        }));
    }

    @Transactional
    public TargetSetView get(UUID planId, String kpiKey) {
        plans.require(planId);
        KpiDefinition kpi = kpis.byKey(kpiKey).orElseThrow(() -> ProblemException.notFound("KPI", kpiKey));
        return find(planId, kpi.id).map(set -> view(set, kpi))
                .orElseThrow(() -> ProblemException.notFound("Targets of KPI " + kpiKey + " for plan", planId));
    }

    @Transactional
    public List<TargetSetView> ofPlan(UUID planId) {
        plans.require(planId);
        List<TargetSet> sets = em.createQuery("from TargetSet where planId = ?1", TargetSet.class)
                .setParameter(1, planId).getResultList();
        Map<UUID, KpiDefinition> byId = byId(sets.stream().map(s -> s.kpiId).toList());
        return sets.stream().map(s -> view(s, byId.get(s.kpiId)))
                .sorted(Comparator.comparing(TargetSetView::kpi)).toList();
    }

    @Transactional
    public List<PlanPeriod> periodsOf(UUID planId) {
        return periods.of(plans.require(planId));
    }

    Map<UUID, KpiDefinition> byId(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return kpis.list("id in ?1", ids).stream().collect(Collectors.toMap(k -> k.id, k -> k));
    }

    private Optional<TargetSet> find(UUID planId, UUID kpiId) {
        return em.createQuery("from TargetSet where planId = ?1 and kpiId = ?2", TargetSet.class)
                .setParameter(1, planId).setParameter(2, kpiId).getResultStream().findFirst();
    }

    /** The statuses in which both sides' signatures stand: the plan is a contract (as plan-service's AgreedContent). */
    static final java.util.Set<String> AGREED = java.util.Set.of("AGREED", "ACTIVE", "IN_REVIEW");

    /**
     * Targets are typed directly only while the plan is drafted: once both sides signed, the targets are
     * the agreed objectives' and change only through an amendment (409 naming it); an ended plan's are final.
     * kpi-service knows the plan's status from plan-service's events (plan.agreed, plan.updated...).
     */
    static void requireDirectWrite(TrackedPlan plan) {
        if (AGREED.contains(plan.status)) {
            throw new ProblemException(409, "agreed-content", "Agreed content changes only through an amendment",
                    "The targets of a" + ("AGREED".equals(plan.status) ? "n agreed" : "ACTIVE".equals(plan.status) ? "n active"
                            : " in-review") + " plan are its objectives' per-period targets and change only through an amendment "
                            + "the other side accepts: propose one with POST /api/v1/plans/" + plan.planId
                            + "/amendments carrying changes.objectives");
        }
        if ("RENEWED".equals(plan.status) || "CLOSED".equals(plan.status)) {
            throw ProblemException.conflict("The plan is " + plan.status.toLowerCase() + ": its targets are final");
        }
    }

    /** Every rule broken is reported at once, each naming the period's index. */
    static List<TargetPeriod> validate(List<TargetSetRequest.Period> requested, List<PlanPeriod> planPeriods) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<TargetPeriod> result = new ArrayList<>();
        Map<java.time.LocalDate, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            TargetSetRequest.Period p = requested.get(i);
            String field = "periods[" + i + "]";
            Optional<PlanPeriod> match = planPeriods.stream()
                    .filter(pp -> pp.start().equals(p.start()) && pp.end().equals(p.end())).findFirst();
            if (match.isEmpty()) {
                errors.add(new Problem.FieldError(field + ".start", "must be one of the plan's periods: " + planPeriods.stream()
                        .map(pp -> pp.label() + " " + pp.start() + ".." + pp.end()).collect(Collectors.joining(", "))));
                continue;
            }
            Integer twin = seen.putIfAbsent(p.start(), i);
            if (twin != null) {
                errors.add(new Problem.FieldError(field + ".start", "repeats periods[" + twin + "]"));
                continue;
            }
            result.add(new TargetPeriod(match.get().label(), p.start(), p.end(), new BigDecimal(p.target())));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid targets", errors.size() + " period(s) are not valid", errors);
        }
        result.sort(Comparator.comparing(TargetPeriod::start));
        return result;
    }

    static TargetSetView view(TargetSet set, KpiDefinition kpi) {
        return new TargetSetView(set.planId, kpi.key, set.greenAt.stripTrailingZeros().toPlainString(),
                set.amberAt.stripTrailingZeros().toPlainString(),
                set.periods.stream().map(p -> new TargetSetView.Period(p.label(), p.start(), p.end(),
                        p.target().stripTrailingZeros().toPlainString())).toList(),
                set.updatedBy, set.updatedAt, set.version);
    }
}

package io.partnerplan.kpi.criterion;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerplan.kpi.definition.KpiDefinition;
import io.partnerplan.kpi.definition.KpiDefinitionRepository;
import io.partnerplan.kpi.attainment.Decimals;
import io.partnerplan.kpi.attainment.Meter;
import io.partnerplan.kpi.attainment.Observations;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.events.PoisonEventException;

/**
 * KPI-based milestone criteria: kept in step with plan-service's milestones and judged when values
 * arrive, when a period closes and when a window has passed. A state change and its
 * {@code kpi.criterion.*} event commit together under a row lock, so each change is announced once.
 * Only the criteria of plans in effect are judged: a draft's milestones are a proposal, and a missed
 * one would escalate a plan nobody signed; they are judged when the plan is agreed ({@link #planInEffect}).
 */
@ApplicationScoped
public class Criteria {

    /** Plan statuses whose milestones are not judged (a plan kpi-service has not heard of counts as in effect). */
    public static final List<String> NOT_IN_EFFECT = List.of("DRAFT", "PROPOSED", "CLOSED", "RENEWED");

    private final EntityManager em;
    private final KpiDefinitionRepository kpis;
    private final Observations observations;
    private final Outbox outbox;

    public Criteria(EntityManager em, KpiDefinitionRepository kpis, Observations observations, Outbox outbox) {
        this.em = em;
        this.kpis = kpis;
        this.observations = observations;
        this.outbox = outbox;
    }

    /**
     * Applies a {@code milestone.*} event: its KPI criteria are created or changed, the ones it no
     * longer has are dropped unless already decided, and all of them are judged as of {@code today}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void milestoneChanged(JsonNode milestone, boolean deleted, LocalDate today) {
        UUID milestoneId = uuid(milestone, "id");
        UUID planId = uuid(milestone, "planId");
        boolean inEffect = inEffect(planId);
        Set<UUID> kept = new HashSet<>();
        if (!deleted && milestone.path("criteria").isArray()) {
            for (JsonNode c : milestone.get("criteria")) {
                if (!"KPI".equals(c.path("kind").asText())) {
                    continue; // checklists are ticked in plan-service
                }
                UUID id = uuid(c, "id");
                kept.add(id);
                MilestoneCriterion criterion = em.find(MilestoneCriterion.class, id, LockModeType.PESSIMISTIC_WRITE);
                boolean fresh = criterion == null;
                if (fresh) {
                    criterion = new MilestoneCriterion();
                    criterion.id = id;
                    criterion.state = CriterionState.ON_TRACK;
                } else if (criterion.state.isFinal()) {
                    continue;
                }
                criterion.planId = planId;
                criterion.milestoneId = milestoneId;
                criterion.kpiKey = text(c, "kpi");
                criterion.threshold = decimal(c, "threshold");
                criterion.windowStart = LocalDate.parse(text(c, "windowStart"));
                criterion.windowEnd = LocalDate.parse(text(c, "windowEnd"));
                if (fresh) {
                    em.persist(criterion);
                }
                if (inEffect) {
                    judge(criterion, today, false);
                }
            }
        }
        em.createQuery("delete from MilestoneCriterion where milestoneId = ?1 and id not in ?2 and state in ?3")
                .setParameter(1, milestoneId).setParameter(2, kept.isEmpty() ? Set.of(new UUID(0, 0)) : kept)
                .setParameter(3, List.of(CriterionState.ON_TRACK, CriterionState.AT_RISK)).executeUpdate();
    }

    /**
     * The plan came into effect (agreed or active after a draft): its open criteria are judged as of
     * {@code today}, those whose window is over decided, as the job would have had the plan been in effect.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planInEffect(UUID planId, LocalDate today) {
        for (MilestoneCriterion criterion : open("planId = ?1", planId)) {
            judge(criterion, today, criterion.windowEnd.isBefore(today));
        }
    }

    private boolean inEffect(UUID planId) {
        return em.createQuery("select count(*) from TrackedPlan where planId = ?1 and status in ?2", Long.class)
                .setParameter(1, planId).setParameter(2, NOT_IN_EFFECT).getSingleResult() == 0;
    }

    /** Re-judges the open criteria of a plan's KPI after a value arrived or was corrected. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluate(UUID planId, KpiDefinition kpi, LocalDate today) {
        // Unlocked first: most plans have no open criterion, or only on this KPI, and need no library.
        @SuppressWarnings("unchecked")
        List<String> keys = em.createQuery("select distinct kpiKey from MilestoneCriterion where state in (ON_TRACK, AT_RISK) "
                + "and planId = ?1").setParameter(1, planId).getResultList();
        if (keys.isEmpty()) {
            return;
        }
        Set<String> affected = new HashSet<>();
        if (keys.contains(kpi.key)) {
            affected.add(kpi.key);
        }
        if (keys.stream().anyMatch(k -> !k.equals(kpi.key))) {
            // Criteria on derived KPIs computed from this one.
            var library = library();
            for (String key : keys) {
                KpiDefinition other = library.get(key);
                if (other != null && other.derived() && Meter.measuredInputs(other, library).contains(kpi.id)) {
                    affected.add(key);
                }
            }
        }
        if (affected.isEmpty()) {
            return;
        }
        for (MilestoneCriterion criterion : open("planId = ?1 and kpiKey in ?2", planId, affected)) {
            judge(criterion, today, false);
        }
    }

    private java.util.Map<String, KpiDefinition> library() {
        return kpis.listAll().stream().collect(java.util.stream.Collectors.toMap(k -> k.key, k -> k));
    }

    /** A period closed (period.closed): every open criterion of the plan whose window ended by then is decided. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int periodClosed(UUID planId, LocalDate periodEnd, LocalDate today) {
        List<MilestoneCriterion> due = open("planId = ?1 and windowEnd <= ?2", planId, periodEnd);
        due.forEach(c -> judge(c, today, true));
        return due.size();
    }

    /** Decides the caller's tenant's open criteria whose window is over (for windows no period closes). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int windowsPassed(LocalDate today) {
        List<MilestoneCriterion> due = open("windowEnd < ?1", today);
        due.forEach(c -> judge(c, today, true));
        return due.size();
    }

    @Transactional
    public List<CriterionView> ofPlan(UUID planId) {
        return em.createQuery("from MilestoneCriterion where planId = ?1 order by windowEnd, id", MilestoneCriterion.class)
                .setParameter(1, planId).getResultStream().map(c -> view(c, null)).toList();
    }

    private List<MilestoneCriterion> open(String where, Object... params) {
        var query = em.createQuery("from MilestoneCriterion where state in (ON_TRACK, AT_RISK) and " + where
                + " and planId not in (select p.planId from TrackedPlan p where p.status in :notInEffect) order by id",
                MilestoneCriterion.class);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        query.setParameter("notInEffect", NOT_IN_EFFECT);
        return query.setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    private void judge(MilestoneCriterion criterion, LocalDate today, boolean closed) {
        Optional<KpiDefinition> kpi = kpis.byKey(criterion.kpiKey);
        if (kpi.isEmpty()) {
            // plan-service does not know the tenant's KPI library, so a milestone may name a KPI before
            // it is defined. The criterion is kept, on track, and judged once the KPI's values arrive
            // (no value can be recorded for an undefined KPI); dead-lettering the milestone lost it for good.
            return;
        }
        judge(criterion, kpi.get(), today, closed);
    }

    private void judge(MilestoneCriterion criterion, KpiDefinition kpi, LocalDate today, boolean closed) {
        LocalDate upTo = today.isBefore(criterion.windowEnd) ? today : criterion.windowEnd;
        CriterionJudgement judgement;
        if (kpi.derived()) {
            // Its formula over its inputs' values in the window (a ratio of sums, not a sum of ratios).
            var library = library();
            var values = upTo.isBefore(criterion.windowStart) ? java.util.Map.<UUID, List<io.partnerplan.kpi.attainment.Observation>>of()
                    : observations.byKpi(criterion.planId, List.copyOf(Meter.measuredInputs(kpi, library)), criterion.windowStart, upTo);
            Meter meter = Meter.of(kpi, library, values);
            boolean measured = values.values().stream().anyMatch(v -> !v.isEmpty());
            BigDecimal actual = measured ? meter.actual(criterion.windowStart, upTo) : null;
            BigDecimal forecast = measured ? meter.forecast(criterion.windowStart, criterion.windowEnd, today) : null;
            judgement = CriterionJudgement.of(kpi.aggregation, kpi.direction, criterion.threshold, criterion.windowStart,
                    criterion.windowEnd, actual, forecast, measured && actual != null, today, closed);
        } else {
            var values = upTo.isBefore(criterion.windowStart) ? List.<io.partnerplan.kpi.attainment.Observation>of()
                    : observations.of(criterion.planId, kpi.id, criterion.windowStart, upTo);
            judgement = CriterionJudgement.of(kpi.aggregation, kpi.direction, criterion.threshold,
                    criterion.windowStart, criterion.windowEnd, values, today, closed);
        }
        criterion.actual = judgement.actual();
        criterion.forecast = judgement.forecast();
        criterion.evaluatedAt = Instant.now();
        if (judgement.state() != criterion.state) {
            criterion.state = judgement.state();
            criterion.stateChangedAt = criterion.evaluatedAt;
            outbox.publish(CriterionEvents.of(judgement.state()), criterion.planId, view(criterion, judgement.reason(), today));
        }
    }

    private static CriterionView view(MilestoneCriterion c, String reason) {
        return view(c, reason, c.evaluatedAt == null ? null : LocalDate.ofInstant(c.evaluatedAt, java.time.ZoneOffset.UTC));
    }

    private static CriterionView view(MilestoneCriterion c, String reason, LocalDate evaluatedOn) {
        return new CriterionView(c.id, c.milestoneId, c.planId, c.kpiKey, Decimals.plain(c.threshold), c.windowStart, c.windowEnd,
                c.state, Decimals.plain(c.actual), Decimals.plain(c.forecast), evaluatedOn, reason);
    }


    private static UUID uuid(JsonNode node, String field) {
        try {
            return UUID.fromString(text(node, field));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("field " + field + " is not a UUID");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new PoisonEventException("milestone event lacks " + field);
        }
        return value.asText();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        try {
            return new BigDecimal(text(node, field));
        } catch (NumberFormatException e) {
            throw new PoisonEventException("field " + field + " is not a decimal");
        }
    }
}

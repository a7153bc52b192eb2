package io.partnerplan.kpi.scorecard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.kpi.criterion.Criteria;
import io.partnerplan.kpi.definition.Aggregation;
import io.partnerplan.kpi.definition.KpiDefinition;
import io.partnerplan.kpi.definition.KpiDefinitionRepository;
import io.partnerplan.kpi.period.PlanPeriod;
import io.partnerplan.kpi.period.PlanPeriods;
import io.partnerplan.kpi.plan.PlansOfCaller;
import io.partnerplan.kpi.plan.TrackedPlan;
import io.partnerplan.kpi.target.TargetPeriod;
import io.partnerplan.kpi.target.TargetSet;

/** Builds a plan's scorecard: every KPI with targets or values, period by period, to date, with trend and series. */
@ApplicationScoped
public class Scorecards {

    private static final BigDecimal TREND_BAND = BigDecimal.valueOf(2);

    private final EntityManager em;
    private final PlansOfCaller plans;
    private final PlanPeriods periods;
    private final KpiDefinitionRepository kpis;
    private final Observations observations;
    private final Criteria criteria;

    public Scorecards(EntityManager em, PlansOfCaller plans, PlanPeriods periods, KpiDefinitionRepository kpis,
                      Observations observations, Criteria criteria) {
        this.em = em;
        this.plans = plans;
        this.periods = periods;
        this.kpis = kpis;
        this.observations = observations;
        this.criteria = criteria;
    }

    @Transactional
    public ScorecardView of(UUID planId, LocalDate asOf) {
        TrackedPlan plan = plans.require(planId);
        List<PlanPeriod> planPeriods = periods.of(plan);
        Map<UUID, TargetSet> targets = em.createQuery("from TargetSet where planId = ?1", TargetSet.class)
                .setParameter(1, planId).getResultStream().collect(Collectors.toMap(t -> t.kpiId, Function.identity()));
        @SuppressWarnings("unchecked")
        List<UUID> measured = em.createNativeQuery("select distinct kpi_id from measurement where tenant_id = ?1 and plan_id = ?2")
                .setParameter(1, plan.tenantId).setParameter(2, planId).getResultList();
        Set<UUID> kpiIds = new LinkedHashSet<>(targets.keySet());
        kpiIds.addAll(measured);
        List<KpiDefinition> definitions = kpiIds.isEmpty() ? List.of()
                : kpis.list("id in ?1", List.copyOf(kpiIds)).stream().sorted(Comparator.comparing(k -> k.key)).toList();
        Map<UUID, List<Observation>> values = observations.byKpi(planId, List.copyOf(kpiIds), plan.horizonStart, plan.horizonEnd);

        List<ScorecardView.KpiScore> scores = definitions.stream()
                .map(k -> score(k, targets.get(k.id), planPeriods, values.getOrDefault(k.id, List.of()), asOf)).toList();
        return new ScorecardView(planId, asOf, planPeriods, scores, criteria.ofPlan(planId));
    }

    static ScorecardView.KpiScore score(KpiDefinition kpi, TargetSet set, List<PlanPeriod> planPeriods,
                                        List<Observation> values, LocalDate asOf) {
        BigDecimal green = set == null ? BigDecimal.valueOf(100) : set.greenAt;
        BigDecimal amber = set == null ? BigDecimal.valueOf(80) : set.amberAt;
        Map<LocalDate, BigDecimal> targetByStart = set == null ? Map.of()
                : set.periods.stream().collect(Collectors.toMap(TargetPeriod::start, TargetPeriod::target));

        List<ScorecardView.PeriodScore> periodScores = new ArrayList<>();
        List<BigDecimal> percents = new ArrayList<>();
        for (PlanPeriod period : planPeriods) {
            String status = asOf.isAfter(period.end()) ? "CLOSED" : asOf.isBefore(period.start()) ? "UPCOMING" : "CURRENT";
            BigDecimal target = targetByStart.get(period.start());
            if ("UPCOMING".equals(status)) {
                periodScores.add(new ScorecardView.PeriodScore(period.label(), period.start(), period.end(), status,
                        Decimals.plain(target), null, null, null, null, null));
                continue;
            }
            LocalDate upTo = asOf.isBefore(period.end()) ? asOf : period.end();
            List<Observation> in = within(values, period.start(), upTo);
            BigDecimal actual = Attainment.actual(kpi.aggregation, in);
            BigDecimal forecast = Attainment.forecast(kpi.aggregation, actual, period.start(), period.end(), asOf);
            BigDecimal percent = Attainment.percent(kpi.direction, actual, target);
            BigDecimal forecastPercent = Attainment.percent(kpi.direction, forecast, target);
            BigDecimal judged = "CLOSED".equals(status) ? percent : forecastPercent;
            if (judged != null) {
                percents.add(judged);
            }
            periodScores.add(new ScorecardView.PeriodScore(period.label(), period.start(), period.end(), status,
                    Decimals.plain(target), Decimals.plain(actual), Decimals.plain(percent), Decimals.plain(forecast), Decimals.plain(forecastPercent),
                    Attainment.rag(judged, green, amber)));
        }
        ScorecardView.ToDate toDate = toDate(kpi, planPeriods, targetByStart, values, asOf, green, amber);
        Rag rag = periodScores.stream().filter(p -> !"UPCOMING".equals(p.status()) && p.rag() != null)
                .reduce((a, b) -> b).map(ScorecardView.PeriodScore::rag).orElse(null);
        return new ScorecardView.KpiScore(kpi.key, kpi.name, kpi.unit.name(), kpi.currency, kpi.direction.name(),
                kpi.aggregation.name(), Decimals.plain(green), Decimals.plain(amber), periodScores, toDate, rag, trend(percents),
                series(kpi.aggregation, within(values, LocalDate.MIN, asOf)));
    }

    /** Sums: targets of closed periods plus the current one's prorated by days elapsed. Levels: the current period's target. */
    static ScorecardView.ToDate toDate(KpiDefinition kpi, List<PlanPeriod> planPeriods, Map<LocalDate, BigDecimal> targets,
                                       List<Observation> values, LocalDate asOf, BigDecimal green, BigDecimal amber) {
        if (planPeriods.isEmpty() || asOf.isBefore(planPeriods.get(0).start())) {
            return new ScorecardView.ToDate(null, null, null, null);
        }
        BigDecimal target = null;
        for (PlanPeriod period : planPeriods) {
            BigDecimal t = targets.get(period.start());
            if (t == null || asOf.isBefore(period.start())) {
                continue;
            }
            if (kpi.aggregation != Aggregation.SUM) {
                target = t; // the latest started period's
                continue;
            }
            BigDecimal share = t;
            if (!asOf.isAfter(period.end())) {
                long total = ChronoUnit.DAYS.between(period.start(), period.end()) + 1;
                long elapsed = ChronoUnit.DAYS.between(period.start(), asOf) + 1;
                share = t.multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(total), MathContext.DECIMAL64);
            }
            target = target == null ? share : target.add(share);
        }
        BigDecimal actual = Attainment.actual(kpi.aggregation, within(values, planPeriods.get(0).start(), asOf));
        BigDecimal percent = Attainment.percent(kpi.direction, actual, target);
        return new ScorecardView.ToDate(Decimals.plain(target == null ? null : target.setScale(2, java.math.RoundingMode.HALF_UP)),
                Decimals.plain(actual), Decimals.plain(percent), Attainment.rag(percent, green, amber));
    }

    static String trend(List<BigDecimal> percents) {
        if (percents.size() < 2) {
            return null;
        }
        BigDecimal delta = percents.get(percents.size() - 1).subtract(percents.get(percents.size() - 2));
        if (delta.abs().compareTo(TREND_BAND) <= 0) {
            return "FLAT";
        }
        return delta.signum() > 0 ? "UP" : "DOWN";
    }

    static List<ScorecardView.Point> series(Aggregation aggregation, List<Observation> values) {
        Map<LocalDate, List<Observation>> byDay = values.stream()
                .collect(Collectors.groupingBy(Observation::on, TreeMap::new, Collectors.toList()));
        List<ScorecardView.Point> points = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        for (var day : byDay.entrySet()) {
            BigDecimal value = Attainment.actual(aggregation, day.getValue());
            running = running.add(value);
            points.add(new ScorecardView.Point(day.getKey(), Decimals.plain(value), aggregation == Aggregation.SUM ? Decimals.plain(running) : null));
        }
        return points;
    }

    private static List<Observation> within(List<Observation> values, LocalDate from, LocalDate to) {
        return values.stream().filter(o -> !o.on().isBefore(from) && !o.on().isAfter(to)).toList();
    }

}

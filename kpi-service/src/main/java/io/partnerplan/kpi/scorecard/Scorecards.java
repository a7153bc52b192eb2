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
import jakarta.ws.rs.core.EntityTag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.kpi.attainment.Attainment;
import io.partnerplan.kpi.attainment.Decimals;
import io.partnerplan.kpi.attainment.KpiDays;
import io.partnerplan.kpi.attainment.Meter;
import io.partnerplan.kpi.attainment.Observation;
import io.partnerplan.kpi.attainment.Observations;
import io.partnerplan.kpi.attainment.Rag;
import io.partnerplan.kpi.criterion.Criteria;
import io.partnerplan.kpi.definition.Aggregation;
import io.partnerplan.kpi.definition.Formula;
import io.partnerplan.kpi.definition.KpiDefinition;
import io.partnerplan.kpi.definition.KpiDefinitionRepository;
import io.partnerplan.kpi.period.PlanPeriod;
import io.partnerplan.kpi.period.PlanPeriods;
import io.partnerplan.kpi.plan.PlansOfCaller;
import io.partnerplan.kpi.plan.TrackedPlan;
import io.partnerplan.kpi.target.TargetHistory;
import io.partnerplan.kpi.target.TargetPeriod;
import io.partnerplan.kpi.target.TargetSet;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.web.JsonAnswers;

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
    private final KpiDays days;
    private final KeptScorecards kept;
    private final Caller caller;
    private final ObjectMapper json;
    private final TargetHistory history;

    public Scorecards(EntityManager em, PlansOfCaller plans, PlanPeriods periods, KpiDefinitionRepository kpis,
                      Observations observations, Criteria criteria, KpiDays days, KeptScorecards kept, Caller caller,
                      ObjectMapper json, TargetHistory history) {
        // The kept scorecard is the answer's body: absent values are left out, as in every answer.
        this.json = JsonAnswers.forAnswers(json);
        this.history = history;
        this.days = days;
        this.kept = kept;
        this.caller = caller;
        this.em = em;
        this.plans = plans;
        this.periods = periods;
        this.kpis = kpis;
        this.observations = observations;
        this.criteria = criteria;
    }

    /** A scorecard's answer: its ETag, and its JSON unless the caller's copy is current (then null). */
    public record Answer(EntityTag etag, byte[] json) {
    }

    /**
     * The plan's scorecard as of a day, as its JSON answer: computed once per change of what it is computed
     * from (see {@link KeptScorecards}) and kept serialized, so reading it again is a lookup. Its ETag follows
     * the same stamp, so a client holding the current one ({@code ifNoneMatch}) gets no body and nothing is computed.
     */
    @Transactional
    public Answer answer(UUID planId, LocalDate asOf, SeriesGranularity granularity, String ifNoneMatch) {
        String stamp = kept.stamp(caller.requireTenant(), planId); // before the plan and everything else is read
        TrackedPlan plan = plans.require(planId);
        EntityTag etag = KeptScorecards.etag(planId, asOf, granularity, stamp);
        if (Versions.notModified(ifNoneMatch, etag)) {
            return new Answer(etag, null);
        }
        KeptScorecards.Kept scorecard = kept.get(planId, asOf, granularity, stamp);
        if (scorecard == null) {
            scorecard = new KeptScorecards.Kept(stamp, serialized(view(plan, asOf, granularity)));
            kept.keep(planId, asOf, granularity, scorecard);
        }
        return new Answer(etag, scorecard.json());
    }

    private ScorecardView view(TrackedPlan plan, LocalDate asOf, SeriesGranularity granularity) {
        List<PlanPeriod> planPeriods = periods.of(plan);
        return new ScorecardView(plan.planId, asOf, planPeriods, scores(plan, planPeriods, asOf, plan.horizonStart, granularity),
                criteria.ofPlan(plan.planId));
    }

    private byte[] serialized(ScorecardView view) {
        try {
            return json.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A scorecard could not be written as JSON", e);
        }
    }

    /**
     * The summary {@code kpi.scorecard.changed} carries: per KPI, the period {@code asOf} falls in (else the
     * nearest one) and the last period closed before it. Reads values from the period before the current one
     * on only (or from the last closed one, if earlier), which is all its trend and the closed period need.
     * The closed period is judged against the target in force when it ended ({@link TargetHistory}): what a
     * review held on it keeps, whatever an amendment changed afterwards.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ScorecardSummary.KpiSummary> summary(TrackedPlan plan, LocalDate asOf) {
        List<PlanPeriod> planPeriods = periods.of(plan);
        int current = currentIndex(planPeriods, asOf);
        int closed = lastClosedIndex(planPeriods, asOf);
        int readFromIndex = Math.max(0, closed < 0 ? current - 1 : Math.min(closed, current - 1));
        LocalDate readFrom = current < 0 ? plan.horizonStart : planPeriods.get(readFromIndex).start();
        List<ScorecardSummary.KpiSummary> result = new ArrayList<>();
        Map<String, BigDecimal> inForce = closed < 0 ? Map.of()
                : history.inForceAtEnd(plan.tenantId, plan.planId, planPeriods.get(closed).start(), planPeriods.get(closed).end());
        for (ScorecardView.KpiScore score : scores(plan, planPeriods, asOf, readFrom, SeriesGranularity.NONE)) {
            ScorecardView.PeriodScore period = current < 0 ? null : score.periods().get(current);
            ScorecardView.PeriodScore last = closed < 0 ? null : asAgreedThen(score, score.periods().get(closed), inForce.get(score.kpi()));
            result.add(new ScorecardSummary.KpiSummary(score.kpi(), score.name(), score.unit(), score.currency(),
                    period == null ? null : period.label(), period == null ? null : period.start(),
                    period == null ? null : period.end(), period == null ? null : period.target(),
                    period == null ? null : period.actual(), period == null ? null : period.attainment(),
                    period == null ? null : period.forecast(), period == null ? null : period.rag(), score.trend(),
                    last == null ? null : new ScorecardSummary.ClosedPeriod(last.label(), last.start(), last.end(), last.target(),
                            last.actual(), last.attainment(), last.rag())));
        }
        return result;
    }

    /** A closed period judged against the target in force at its end, when that is not the target it has now. */
    static ScorecardView.PeriodScore asAgreedThen(ScorecardView.KpiScore score, ScorecardView.PeriodScore closed, BigDecimal target) {
        if (target == null || (closed.target() != null && new BigDecimal(closed.target()).compareTo(target) == 0)) {
            return closed;
        }
        BigDecimal actual = closed.actual() == null ? null : new BigDecimal(closed.actual());
        BigDecimal percent = Attainment.percent(io.partnerplan.kpi.definition.Direction.valueOf(score.direction()), actual, target);
        return new ScorecardView.PeriodScore(closed.label(), closed.start(), closed.end(), closed.status(), Decimals.plain(target),
                closed.actual(), Decimals.plain(percent), closed.forecast(), closed.forecastAttainment(),
                Attainment.rag(percent, new BigDecimal(score.greenAt()), new BigDecimal(score.amberAt())));
    }

    /** The last period that ended before {@code day}; -1 when none has. */
    static int lastClosedIndex(List<PlanPeriod> planPeriods, LocalDate day) {
        int closed = -1;
        for (int i = 0; i < planPeriods.size(); i++) {
            if (planPeriods.get(i).end().isBefore(day)) {
                closed = i;
            }
        }
        return closed;
    }

    /** The period containing {@code day}; before the first, the first; after the last, the last; -1 without periods. */
    static int currentIndex(List<PlanPeriod> planPeriods, LocalDate day) {
        for (int i = 0; i < planPeriods.size(); i++) {
            if (!day.isAfter(planPeriods.get(i).end())) {
                return i;
            }
        }
        return planPeriods.size() - 1;
    }

    /**
     * Scores every KPI with targets or values in the plan, and every derived KPI whose inputs are all
     * there (directly or through other derived KPIs). Values are read from {@code readFrom} on.
     */
    private List<ScorecardView.KpiScore> scores(TrackedPlan plan, List<PlanPeriod> planPeriods, LocalDate asOf,
                                                LocalDate readFrom, SeriesGranularity granularity) {
        Map<UUID, TargetSet> targets = em.createQuery("from TargetSet where planId = ?1", TargetSet.class)
                .setParameter(1, plan.planId).getResultStream().collect(Collectors.toMap(t -> t.kpiId, Function.identity()));
        List<UUID> measured = days.kpisOf(plan.tenantId, plan.planId);
        Set<UUID> inScope = new LinkedHashSet<>(targets.keySet());
        inScope.addAll(measured);
        if (inScope.isEmpty()) {
            return List.of();
        }
        Map<String, KpiDefinition> library = kpis.listAll().stream().collect(Collectors.toMap(k -> k.key, Function.identity()));
        Map<String, Formula> formulas = new java.util.HashMap<>();
        library.values().stream().filter(KpiDefinition::derived).forEach(k -> formulas.put(k.key, Formula.parse(k.formula)));
        Set<String> keys = library.values().stream().filter(k -> inScope.contains(k.id)).map(k -> k.key)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        for (boolean grew = true; grew; ) {
            grew = false;
            for (var derived : formulas.entrySet()) {
                if (!keys.contains(derived.getKey()) && keys.containsAll(derived.getValue().inputs())) {
                    grew = keys.add(derived.getKey());
                }
            }
        }
        // Measured KPIs read: those in scope and every input of the derived ones, however deep.
        Set<String> needed = new java.util.TreeSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(keys);
        while (!todo.isEmpty()) {
            String key = todo.poll();
            if (library.containsKey(key) && needed.add(key) && formulas.containsKey(key)) {
                todo.addAll(formulas.get(key).inputs());
            }
        }
        List<UUID> read = needed.stream().map(library::get).filter(k -> !k.derived()).map(k -> k.id).toList();
        Map<UUID, List<Observation>> values = observations.byKpi(plan.planId, read, readFrom, plan.horizonEnd);
        Map<String, Meter> meters = new java.util.HashMap<>();
        return keys.stream().map(library::get).map(k -> {
            List<Observation> own = values.getOrDefault(k.id, List.of());
            List<ScorecardView.Point> series = granularity == SeriesGranularity.NONE ? List.of() : k.derived()
                    ? periodSeries(meter(k, library, formulas, values, meters), planPeriods, asOf)
                    : series(k.aggregation, within(own, LocalDate.MIN, asOf), granularity);
            return score(k, targets.get(k.id), planPeriods, meter(k, library, formulas, values, meters), asOf, series);
        }).toList();
    }

    private static Meter meter(KpiDefinition kpi, Map<String, KpiDefinition> library, Map<String, Formula> formulas,
                               Map<UUID, List<Observation>> values, Map<String, Meter> meters) {
        Meter known = meters.get(kpi.key);
        if (known != null) {
            return known;
        }
        Meter meter;
        if (kpi.derived()) {
            Map<String, Meter> inputs = new java.util.HashMap<>();
            for (String input : formulas.get(kpi.key).inputs()) {
                inputs.put(input, meter(library.get(input), library, formulas, values, meters));
            }
            meter = Meter.derived(formulas.get(kpi.key), inputs);
        } else {
            meter = Meter.measured(kpi.aggregation, values.getOrDefault(kpi.id, List.of()));
        }
        meters.put(kpi.key, meter);
        return meter;
    }

    /** A derived KPI's chart: its value per period so far (a ratio of sums has no meaningful daily value). */
    private static List<ScorecardView.Point> periodSeries(Meter meter, List<PlanPeriod> planPeriods, LocalDate asOf) {
        List<ScorecardView.Point> points = new ArrayList<>();
        for (PlanPeriod period : planPeriods) {
            if (asOf.isBefore(period.start())) {
                break;
            }
            LocalDate upTo = asOf.isBefore(period.end()) ? asOf : period.end();
            points.add(new ScorecardView.Point(upTo, Decimals.plain(meter.actual(period.start(), upTo)), null));
        }
        return points;
    }

    static ScorecardView.KpiScore score(KpiDefinition kpi, TargetSet set, List<PlanPeriod> planPeriods,
                                        List<Observation> values, LocalDate asOf) {
        return score(kpi, set, planPeriods, Meter.measured(kpi.aggregation, values), asOf,
                series(kpi.aggregation, within(values, LocalDate.MIN, asOf)));
    }

    static ScorecardView.KpiScore score(KpiDefinition kpi, TargetSet set, List<PlanPeriod> planPeriods,
                                        Meter meter, LocalDate asOf, List<ScorecardView.Point> series) {
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
            BigDecimal actual = meter.actual(period.start(), upTo);
            BigDecimal forecast = meter.forecast(period.start(), period.end(), asOf);
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
        ScorecardView.ToDate toDate = toDate(kpi, planPeriods, targetByStart, meter, asOf, green, amber);
        Rag rag = periodScores.stream().filter(p -> !"UPCOMING".equals(p.status()) && p.rag() != null)
                .reduce((a, b) -> b).map(ScorecardView.PeriodScore::rag).orElse(null);
        return new ScorecardView.KpiScore(kpi.key, kpi.name, kpi.unit.name(), kpi.currency, kpi.direction.name(),
                kpi.aggregation.name(), kpi.formula, Decimals.plain(green), Decimals.plain(amber), periodScores, toDate, rag,
                trend(percents), series);
    }

    /** Sums: targets of closed periods plus the current one's prorated by days elapsed. Levels: the current period's target. */
    static ScorecardView.ToDate toDate(KpiDefinition kpi, List<PlanPeriod> planPeriods, Map<LocalDate, BigDecimal> targets,
                                       Meter meter, LocalDate asOf, BigDecimal green, BigDecimal amber) {
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
        BigDecimal actual = meter.actual(planPeriods.get(0).start(), asOf);
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
        return series(aggregation, values, SeriesGranularity.DAY);
    }

    /** One point per day, week or month with values, each aggregated as the KPI aggregates a period. */
    static List<ScorecardView.Point> series(Aggregation aggregation, List<Observation> values, SeriesGranularity granularity) {
        Map<LocalDate, List<Observation>> byDay = values.stream()
                .collect(Collectors.groupingBy(o -> granularity.bucket(o.on()), TreeMap::new, Collectors.toList()));
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

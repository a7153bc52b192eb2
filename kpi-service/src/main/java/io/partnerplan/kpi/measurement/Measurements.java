package io.partnerplan.kpi.measurement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.kpi.definition.KpiDefinition;
import io.partnerplan.kpi.definition.KpiDefinitionRepository;
import io.partnerplan.kpi.definition.KpiUnit;
import io.partnerplan.kpi.criterion.Criteria;
import io.partnerplan.kpi.plan.PlansOfCaller;
import io.partnerplan.kpi.plan.TrackedPlan;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;

/**
 * Records measurements. An external id makes re-sending safe: the same value is a duplicate, a new
 * value a correction whose previous value is kept as a revision.
 */
@ApplicationScoped
public class Measurements {

    private final MeasurementRepository measurements;
    private final KpiDefinitionRepository kpis;
    private final EntityManager em;
    private final Outbox outbox;
    private final Caller caller;
    private final PlansOfCaller plans;
    private final Criteria criteria;
    private final Clock clock;

    public Measurements(MeasurementRepository measurements, KpiDefinitionRepository kpis, EntityManager em, Outbox outbox,
                        Caller caller, PlansOfCaller plans, Criteria criteria, Clock clock) {
        this.measurements = measurements;
        this.kpis = kpis;
        this.em = em;
        this.outbox = outbox;
        this.caller = caller;
        this.plans = plans;
        this.criteria = criteria;
        this.clock = clock;
    }

    @Transactional
    public MeasurementView record(MeasurementRequest request) {
        TrackedPlan plan = planOfCaller(request.planId());
        KpiDefinition kpi = kpis.byKey(request.kpi())
                .orElseThrow(() -> ProblemException.badRequest("kpi", "'" + request.kpi() + "' is not a KPI of your library"));
        requireConsistent(request, plan, kpi);
        BigDecimal value = new BigDecimal(request.value());

        if (request.externalId() != null) {
            var existing = measurements.byExternalId(request.source(), request.externalId());
            if (existing.isPresent()) {
                Measurement m = existing.get();
                if (!m.planId.equals(plan.planId) || !m.kpiId.equals(kpi.id)) {
                    throw ProblemException.conflict("External id " + request.externalId() + " of " + request.source()
                            + " already names a measurement of another plan or KPI");
                }
                if (m.value.compareTo(value) == 0 && m.occurredOn.equals(request.occurredOn())
                        && java.util.Objects.equals(m.periodStart, request.periodStart())) {
                    return view(m, kpi, "duplicate");
                }
                keepRevision(m);
                apply(m, request, value);
                measurements.flush();
                return announce(m, kpi, "corrected");
            }
        }
        Measurement m = new Measurement();
        m.id = Ids.next();
        m.planId = plan.planId;
        m.kpiId = kpi.id;
        m.source = request.source();
        m.externalId = request.externalId();
        apply(m, request, value);
        measurements.persist(m);
        measurements.flush();
        return announce(m, kpi, "accepted");
    }

    @Transactional
    public Page<MeasurementView> list(UUID planId, String kpiKey, PageRequest page) {
        planOfCaller(planId);
        KpiDefinition kpi = kpiKey == null ? null : kpis.byKey(kpiKey)
                .orElseThrow(() -> ProblemException.badRequest("kpi", "'" + kpiKey + "' is not a KPI of your library"));
        var rows = measurements.page(planId, kpi == null ? null : kpi.id, page);
        // One query for the page's KPIs, not one per row.
        java.util.Map<UUID, KpiDefinition> byId = kpi != null ? java.util.Map.of(kpi.id, kpi)
                : kpis.list("id in ?1", rows.stream().map(m -> m.kpiId).distinct().toList()).stream()
                        .collect(java.util.stream.Collectors.toMap(k -> k.id, k -> k));
        return Page.of(rows, page, m -> m.id, m -> view(m, byId.get(m.kpiId), null));
    }

    private TrackedPlan planOfCaller(UUID planId) {
        return plans.require(planId);
    }

    private static void requireConsistent(MeasurementRequest request, TrackedPlan plan, KpiDefinition kpi) {
        if (kpi.unit == KpiUnit.CURRENCY && !kpi.currency.equals(request.currency())) {
            throw ProblemException.badRequest("currency", "must be " + kpi.currency + ", the currency of KPI " + kpi.key);
        }
        if (kpi.unit != KpiUnit.CURRENCY && request.currency() != null) {
            throw ProblemException.badRequest("currency", "KPI " + kpi.key + " is not measured in money");
        }
        if (!plan.covers(request.occurredOn())) {
            throw ProblemException.badRequest("occurredOn", "must be within the plan's horizon " + plan.horizonStart
                    + " to " + plan.horizonEnd);
        }
        if (request.periodStart() != null && request.periodStart().isAfter(request.occurredOn())) {
            throw ProblemException.badRequest("periodStart", "must not be after occurredOn");
        }
    }

    private void keepRevision(Measurement m) {
        MeasurementRevision revision = new MeasurementRevision();
        revision.id = Ids.next();
        revision.measurementId = m.id;
        revision.value = m.value;
        revision.periodStart = m.periodStart;
        revision.occurredOn = m.occurredOn;
        revision.reportedBy = m.reportedBy;
        revision.recordedAt = m.recordedAt;
        revision.replacedAt = Instant.now();
        em.persist(revision);
    }

    private void apply(Measurement m, MeasurementRequest request, BigDecimal value) {
        m.value = value;
        m.currency = request.currency();
        m.occurredOn = request.occurredOn();
        m.periodStart = request.periodStart();
        m.reportedBy = caller.subject();
        m.recordedAt = Instant.now();
    }

    private MeasurementView announce(Measurement m, KpiDefinition kpi, String outcome) {
        MeasurementView view = view(m, kpi, outcome);
        outbox.publish("kpi.measurement.recorded", "plan", m.planId, view);
        // In the same transaction: a criterion's state change and its event commit with the value.
        criteria.evaluate(m.planId, kpi, LocalDate.now(clock));
        return view;
    }

    private static MeasurementView view(Measurement m, KpiDefinition kpi, String outcome) {
        return new MeasurementView(m.id, m.planId, m.kpiId, kpi.key, m.value.stripTrailingZeros().toPlainString(),
                m.currency, m.periodStart, m.occurredOn, m.source, m.externalId, m.reportedBy, m.recordedAt, m.version,
                outcome);
    }
}

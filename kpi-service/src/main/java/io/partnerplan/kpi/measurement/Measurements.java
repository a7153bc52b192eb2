package io.partnerplan.kpi.measurement;

import io.partnerplan.platform.bulk.BulkRowResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import io.partnerplan.kpi.attainment.KpiDays;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.Problem;
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
    private final io.partnerplan.kpi.scorecard.ScorecardChanges scorecards;
    private final Clock clock;
    private final MeasurementCopy copy;
    private final MeasurementLimits limits;

    public Measurements(MeasurementRepository measurements, KpiDefinitionRepository kpis, EntityManager em, Outbox outbox,
                        Caller caller, PlansOfCaller plans, Criteria criteria,
                        io.partnerplan.kpi.scorecard.ScorecardChanges scorecards, Clock clock, MeasurementCopy copy,
                        MeasurementLimits limits) {
        this.copy = copy;
        this.limits = limits;
        this.scorecards = scorecards;
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
        Provenance provenance = Provenance.of(caller);
        TrackedPlan plan = planOfCaller(request.planId());
        provenance.requireClaimed(request.source());
        KpiDefinition kpi = kpiOf(request.kpi());
        List<KpiDays.Change> changes = new ArrayList<>(2);
        Written written = write(request, provenance, plan, kpi, null, changes);
        return recorded(written, plan, kpi, changes);
    }

    /**
     * A value the server computes from other records (a deal's contribution to its partner's pipeline KPIs),
     * written under {@code provenance} by its external id like any measurement: the same value is a duplicate,
     * a new one a correction whose old value stays in the history. A value of 0 for a measurement that does not
     * exist writes nothing; one that does exist keeps its day. Scorecards, criteria and the event follow as
     * for any write.
     *
     * @return the outcome (accepted, corrected, duplicate) or null when nothing was written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String derive(TrackedPlan plan, KpiDefinition kpi, Provenance provenance, String externalId, BigDecimal value,
                         String currency, LocalDate day) {
        var existing = measurements.byExternalId(provenance, externalId);
        if (existing.isEmpty() && value.signum() == 0) {
            return null;
        }
        LocalDate on = value.signum() == 0 ? existing.get().occurredOn : day;
        if (value.signum() != 0 && !plan.covers(day)) {
            if (existing.isEmpty()) {
                return null;
            }
            value = BigDecimal.ZERO;
            on = existing.get().occurredOn;
        }
        MeasurementRequest request = new MeasurementRequest(plan.planId, kpi.key, value.toPlainString(),
                kpi.unit == KpiUnit.CURRENCY ? currency : null, on, null, null, externalId);
        List<KpiDays.Change> changes = new ArrayList<>(2);
        Written written = existing.isPresent()
                ? correctExisting(existing.get(), request, value, true, changes)
                : write(request, provenance, plan, kpi, null, changes);
        if (existing.isPresent() && !"duplicate".equals(written.outcome())) {
            measurements.flush();
        }
        recorded(written, plan, kpi, changes);
        return written.outcome();
    }

    /** The event, criteria and scorecards of a single write (none for a duplicate). */
    private MeasurementView recorded(Written written, TrackedPlan plan, KpiDefinition kpi, List<KpiDays.Change> changes) {
        MeasurementView view = view(written.measurement(), kpi, written.outcome());
        if (!"duplicate".equals(written.outcome())) {
            scorecards.valuesChanged(changes);
            outbox.publish(MeasurementEvents.RECORDED, plan.planId, view);
            // In the same transaction: a criterion's state change and its event commit with the value.
            criteria.evaluate(plan.planId, kpi, LocalDate.now(clock));
            scorecards.changed(plan);
        }
        return view;
    }

    /**
     * Corrects a measurement by its id: only its own source (the integration client that wrote it, or people
     * of the organisation that entered it by hand) may (409 naming the rule otherwise); the value replaced
     * stays readable as a revision. A correction naming the current value is answered as a duplicate.
     */
    @Transactional
    public MeasurementView correct(UUID id, String ifMatch, MeasurementCorrection correction) {
        Measurement m = visible(id);
        Provenance.of(caller).requireMayCorrect(m);
        io.partnerplan.platform.concurrency.Versions.requireMatch(ifMatch, m.version);
        TrackedPlan plan = planOfCaller(m.planId);
        KpiDefinition kpi = kpis.findByIdOptional(m.kpiId).orElseThrow(() -> ProblemException.notFound("Measurement", id));
        MeasurementRequest request = new MeasurementRequest(m.planId, kpi.key, correction.value(), correction.currency(),
                correction.occurredOn(), correction.periodStart(), null, m.externalId);
        requireConsistent(request, plan, kpi);
        List<KpiDays.Change> changes = new ArrayList<>(2);
        Written written = correctExisting(m, request, new BigDecimal(request.value()), true, changes);
        if (!"duplicate".equals(written.outcome())) {
            measurements.flush();
        }
        return recorded(written, plan, kpi, changes);
    }

    @Transactional
    public MeasurementView get(UUID id) {
        Measurement m = visible(id);
        return view(m, kpis.findByIdOptional(m.kpiId).orElseThrow(() -> ProblemException.notFound("Measurement", id)), null);
    }

    /** A measurement's values, the current one first, then each value a correction replaced, newest first. */
    @Transactional
    public MeasurementHistory revisions(UUID id) {
        Measurement m = visible(id);
        List<MeasurementHistory.Revision> items = new ArrayList<>();
        items.add(MeasurementHistory.Revision.current(m));
        em.createQuery("from MeasurementRevision where measurementId = ?1 order by replacedAt desc, id desc", MeasurementRevision.class)
                .setParameter(1, id).getResultList().forEach(r -> items.add(MeasurementHistory.Revision.of(r)));
        return new MeasurementHistory(m.id, m.planId, m.source, m.externalId, items);
    }

    /** A measurement of a plan the caller may see; 404 alike for an unknown one and one of another party's plan. */
    private Measurement visible(UUID id) {
        Measurement m = measurements.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Measurement", id));
        try {
            planOfCaller(m.planId);
        } catch (ProblemException e) {
            throw ProblemException.notFound("Measurement", id);
        }
        return m;
    }

    /**
     * Writes a batch of bulk rows in one transaction. A row that breaks a rule is answered rejected and
     * writes nothing; the others are written. One {@code kpi.measurements.imported} event per plan and
     * batch, not one per row, and criteria are judged once per plan and KPI touched.
     */
    @Transactional
    public List<BulkRowResult> writeBatch(List<MeasurementImport.Row> rows) {
        Provenance provenance = Provenance.of(caller);
        List<BulkRowResult> results = new ArrayList<>(rows.size());
        Map<UUID, TrackedPlan> plansSeen = new HashMap<>();
        Map<String, KpiDefinition> kpisSeen = new HashMap<>();
        Map<UUID, ImportedBatch> byPlan = new LinkedHashMap<>();
        Map<String, Measurement> byExternalId = existingOf(rows, provenance);
        List<Measurement> fresh = new ArrayList<>();
        List<KpiDays.Change> changes = new ArrayList<>();
        for (MeasurementImport.Row row : rows) {
            if (row.rejection() != null) {
                results.add(row.rejection());
                continue;
            }
            MeasurementRequest request = row.request();
            try {
                TrackedPlan plan = plansSeen.computeIfAbsent(request.planId(), this::planOfRow);
                provenance.requireClaimed(request.source());
                KpiDefinition kpi = kpisSeen.computeIfAbsent(request.kpi(), this::kpiOf);
                Written written = write(request, provenance, plan, kpi, new Batch(byExternalId, fresh), changes);
                results.add(new BulkRowResult(row.line(), written.outcome(), written.measurement().id,
                        request.externalId(), null));
                if (!"duplicate".equals(written.outcome())) {
                    byPlan.computeIfAbsent(plan.planId, ImportedBatch::new).add(written, kpi);
                }
            } catch (ProblemException e) {
                results.add(BulkRowResult.rejected(row.line(), request.externalId(), e.errors().isEmpty()
                        ? List.of(new Problem.FieldError("line", e.getMessage())) : e.errors()));
            }
        }
        // New rows first (COPY), then the corrections and revisions Hibernate holds, which may name them.
        copy.insert(fresh);
        measurements.flush();
        for (Measurement m : fresh) {
            changes.add(added(m));
        }
        scorecards.valuesChanged(changes);
        LocalDate today = LocalDate.now(clock);
        for (ImportedBatch batch : byPlan.values()) {
            outbox.publish(MeasurementEvents.IMPORTED, batch.planId, batch.summary());
            for (KpiDefinition kpi : batch.kpis.values()) {
                criteria.evaluate(batch.planId, kpi, today);
            }
            scorecards.changed(plansSeen.get(batch.planId));
        }
        return results;
    }

    /** Data of kpi.measurements.imported: what one batch of a bulk upload changed for one plan. */
    public record Imported(UUID planId, int accepted, int corrected, List<String> kpis, LocalDate firstOccurredOn,
                           LocalDate lastOccurredOn) {
    }

    private static final class ImportedBatch {
        final UUID planId;
        final Map<String, KpiDefinition> kpis = new TreeMap<>();
        int accepted;
        int corrected;
        LocalDate first;
        LocalDate last;

        ImportedBatch(UUID planId) {
            this.planId = planId;
        }

        void add(Written written, KpiDefinition kpi) {
            kpis.put(kpi.key, kpi);
            if ("accepted".equals(written.outcome())) {
                accepted++;
            } else {
                corrected++;
            }
            LocalDate day = written.measurement().occurredOn;
            first = first == null || day.isBefore(first) ? day : first;
            last = last == null || day.isAfter(last) ? day : last;
        }

        Imported summary() {
            return new Imported(planId, accepted, corrected, List.copyOf(kpis.keySet()), first, last);
        }
    }

    private TrackedPlan planOfRow(UUID planId) {
        try {
            return planOfCaller(planId);
        } catch (ProblemException e) {
            throw ProblemException.badRequest("planId", "names no plan of yours");
        }
    }

    private record Written(Measurement measurement, String outcome) {
    }

    private KpiDefinition kpiOf(String key) {
        return kpis.byKey(key).orElseThrow(() -> ProblemException.badRequest("kpi", "'" + key + "' is not a KPI of your library"));
    }

    /** The caller's measurements a batch's external ids already name: one query, not one per row. */
    private Map<String, Measurement> existingOf(List<MeasurementImport.Row> rows, Provenance provenance) {
        List<String> ids = new ArrayList<>();
        for (MeasurementImport.Row row : rows) {
            if (row.request() != null && row.request().externalId() != null) {
                ids.add(row.request().externalId());
            }
        }
        Map<String, Measurement> found = new HashMap<>();
        if (!ids.isEmpty()) {
            measurements.byExternalIds(caller.requireTenant(), provenance, ids).forEach(m -> found.put(m.externalId, m));
        }
        return found;
    }

    /**
     * Accepted, duplicate (same external id, same value) or corrected (same external id, new value, old kept).
     * {@code batch}: a bulk batch's measurements by external id, read up front and kept current here; null
     * for a single write, which looks its external id up.
     */
    /** A bulk batch being written: existing measurements by external id (kept current) and the new ones to COPY. */
    private record Batch(Map<String, Measurement> byExternalId, List<Measurement> fresh) {
    }

    private static KpiDays.Change added(Measurement m) {
        return KpiDays.Change.added(m.tenantId, m.planId, m.kpiId, m.occurredOn, m.value, m.recordedAt, m.id);
    }

    /** {@code changes}: where the change of the plan's values per day is added (a batch's new rows: by the caller). */
    private Written write(MeasurementRequest request, Provenance provenance, TrackedPlan plan, KpiDefinition kpi, Batch batch,
                          List<KpiDays.Change> changes) {
        requireConsistent(request, plan, kpi);
        BigDecimal value = new BigDecimal(request.value());
        if (request.externalId() != null) {
            var existing = batch != null
                    ? java.util.Optional.ofNullable(batch.byExternalId().get(request.externalId()))
                    : measurements.byExternalId(provenance, request.externalId());
            if (existing.isPresent()) {
                Measurement m = existing.get();
                if (!m.planId.equals(plan.planId) || !m.kpiId.equals(kpi.id)) {
                    throw ProblemException.conflict("External id " + request.externalId() + " of " + provenance.source()
                            + " already names a measurement of another plan or KPI");
                }
                provenance.requireMayCorrect(m);
                // A value sent twice in one batch was never stored: the later one replaces it without history.
                boolean stored = batch == null || !batch.fresh().contains(m);
                Written written = correctExisting(m, request, value, stored, changes);
                if (batch == null && !"duplicate".equals(written.outcome())) {
                    measurements.flush();
                }
                return written;
            }
        }
        Measurement m = new Measurement();
        m.id = Ids.next();
        m.planId = plan.planId;
        m.kpiId = kpi.id;
        m.source = provenance.source();
        m.organisationId = provenance.organisation();
        m.externalId = request.externalId();
        apply(m, request, value);
        if (batch == null) {
            m.tenantId = plan.tenantId;
            measurements.persist(m);
            changes.add(added(m));
        } else {
            m.tenantId = plan.tenantId;
            batch.fresh().add(m);
            if (m.externalId != null) {
                // A second row with the same external id in the batch finds this one.
                batch.byExternalId().put(m.externalId, m);
            }
        }
        return new Written(m, "accepted");
    }

    /** Duplicate (the same value, day and period) or corrected, the value replaced kept as a revision when it was stored. */
    private Written correctExisting(Measurement m, MeasurementRequest request, BigDecimal value, boolean stored,
                                    List<KpiDays.Change> changes) {
        if (m.value.compareTo(value) == 0 && m.occurredOn.equals(request.occurredOn())
                && java.util.Objects.equals(m.periodStart, request.periodStart())
                && java.util.Objects.equals(m.currency, request.currency())) {
            return new Written(m, "duplicate");
        }
        if (stored) {
            keepRevision(m);
            changes.add(KpiDays.Change.removed(m.tenantId, m.planId, m.kpiId, m.occurredOn, m.value));
        }
        apply(m, request, value);
        if (stored) {
            changes.add(added(m));
        }
        return new Written(m, "corrected");
    }

    @Transactional
    public Page<MeasurementView> list(UUID planId, String kpiKey, PageRequest page) {
        return list(planId, kpiKey, MeasurementFilter.NONE, page);
    }

    @Transactional
    public Page<MeasurementView> list(UUID planId, String kpiKey, MeasurementFilter filter, PageRequest page) {
        planOfCaller(planId);
        KpiDefinition kpi = kpiKey == null ? null : kpis.byKey(kpiKey)
                .orElseThrow(() -> ProblemException.badRequest("kpi", "'" + kpiKey + "' is not a KPI of your library"));
        var rows = measurements.page(planId, kpi == null ? null : kpi.id, filter, page);
        // One query for the page's KPIs, not one per row.
        java.util.Map<UUID, KpiDefinition> byId = kpi != null ? java.util.Map.of(kpi.id, kpi)
                : kpis.list("id in ?1", rows.stream().map(m -> m.kpiId).distinct().toList()).stream()
                        .collect(java.util.stream.Collectors.toMap(k -> k.id, k -> k));
        return Page.of(rows, page, m -> m.id, m -> view(m, byId.get(m.kpiId), null));
    }

    private TrackedPlan planOfCaller(UUID planId) {
        return plans.require(planId);
    }

    private void requireConsistent(MeasurementRequest request, TrackedPlan plan, KpiDefinition kpi) {
        if (kpi.derived()) {
            throw ProblemException.badRequest("kpi", "'" + kpi.key + "' is derived from the formula " + kpi.formula
                    + ": record its inputs instead");
        }
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
        LocalDate latest = LocalDate.now(clock).plus(limits.maxLead());
        if (request.occurredOn().isAfter(latest)) {
            throw ProblemException.badRequest("occurredOn", "must not be after " + latest + " (" + limits.maxLead()
                    + " after today): a measurement records what happened");
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
        revision.currency = m.currency;
        revision.source = m.source;
        revision.periodStart = m.periodStart;
        revision.occurredOn = m.occurredOn;
        revision.reportedBy = m.reportedBy;
        revision.recordedAt = m.recordedAt;
        revision.replacedAt = Instant.now(); // the same time base as recordedAt
        revision.replacedBy = caller.subject();
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

    private static MeasurementView view(Measurement m, KpiDefinition kpi, String outcome) {
        return new MeasurementView(m.id, m.planId, m.kpiId, kpi.key, m.value.stripTrailingZeros().toPlainString(),
                m.currency, m.periodStart, m.occurredOn, m.source, m.organisationId, m.externalId, m.reportedBy, m.recordedAt,
                m.version,
                outcome);
    }
}

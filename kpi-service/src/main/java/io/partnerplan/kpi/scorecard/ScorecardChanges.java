package io.partnerplan.kpi.scorecard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import io.partnerplan.kpi.attainment.KpiDays;
import io.partnerplan.kpi.definition.KpisChanged;
import io.partnerplan.kpi.plan.TrackedPlan;
import io.partnerplan.kpi.target.TargetsChanged;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.persistence.Ids;

/**
 * Keeps {@code kpi.scorecard.changed} and the plan's rows of {@code plan_kpi_score} (what the vendor's
 * portfolio reads) in step with its measurements, targets and periods, off the writers' path: a change
 * only marks the plan ({@link #changed}, one appended row, no lock), and {@link ScorecardJob} later
 * computes the summary once for all the changes marked since, announcing at most once per plan per
 * spacing ({@link #announceIfDue}).
 */
@ApplicationScoped
public class ScorecardChanges {

    private final Scorecards scorecards;
    private final EntityManager em;
    private final Outbox outbox;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;
    private final KpiDays days;

    public ScorecardChanges(Scorecards scorecards, EntityManager em, Outbox outbox,
                            TransactionSynchronizationRegistry transactions, Clock clock, KpiDays days) {
        this.days = days;
        this.scorecards = scorecards;
        this.em = em;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Marks the plan's scorecard as changed by this transaction (once per plan and transaction). An
     * insert of a fresh row: concurrent writers to one plan never wait for each other here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(TrackedPlan plan) {
        if (!firstInTransaction(plan.planId)) {
            return;
        }
        em.createNativeQuery("insert into scorecard_dirty (tenant_id, plan_id, marked_at) values (?1, ?2, ?3)")
                .setParameter(1, plan.tenantId).setParameter(2, plan.planId).setParameter(3, clock.instant())
                .executeUpdate();
    }

    /** Records changes of measured values (marks of their plans too): see {@link KpiDays}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void valuesChanged(java.util.Collection<KpiDays.Change> changes) {
        changes.forEach(c -> firstInTransaction(c.plan()));
        days.record(changes, clock.instant());
    }

    private boolean firstInTransaction(UUID planId) {
        String once = "kpi.scorecard.changed:" + planId;
        if (transactions.getResource(once) != null) {
            return false;
        }
        transactions.putResource(once, Boolean.TRUE);
        return true;
    }

    /** The plan's targets changed: its scorecard did. */
    void targetsChanged(@Observes TargetsChanged change) {
        changed(change.plan());
    }

    /** A derived KPI's formula changed: the scorecards showing any of the KPIs it touched (by values or targets) did. */
    void kpisChanged(@Observes KpisChanged change) {
        changedWhere(change.tenantId(), """
                exists (select 1 from kpi_day d where d.plan_id = p.plan_id and d.kpi_id in (?2))
                or exists (select 1 from kpi_target_set t where t.plan_id = p.plan_id and t.kpi_id in (?2))""", change.kpiIds());
    }

    /**
     * Marks every plan of the caller's tenant matching {@code where} (SQL over {@code tracked_plan p},
     * parameters from ?2 on) in one statement: a formula change or a new day touches many plans.
     * @return how many plans were marked
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int changedWhere(String tenant, String where, Object... params) {
        var query = em.createNativeQuery("insert into scorecard_dirty (tenant_id, plan_id, marked_at) "
                + "select p.tenant_id, p.plan_id, now() from tracked_plan p where p.tenant_id = ?1 and (" + where + ")");
        query.setParameter(1, tenant);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 2, params[i]);
        }
        return query.executeUpdate();
    }

    /**
     * Computes and announces the plan's summary if it was marked and its last announcement is older
     * than {@code spacing}. One replica at a time per plan (a skipped lock leaves the marks for the
     * next round), so neither the summary announced last nor the portfolio rows can be an older one.
     * @return whether a summary was announced
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean announceIfDue(UUID planId, Duration spacing) {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "kpi.scorecard:" + planId).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return false;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        @SuppressWarnings("unchecked")
        List<Object> last = em.createNativeQuery("select announced_at from scorecard_announced where plan_id = ?1")
                .setParameter(1, planId).getResultList();
        if (!last.isEmpty() && instant(last.get(0)).plus(spacing).isAfter(now)) {
            return false;
        }
        TrackedPlan plan = em.find(TrackedPlan.class, planId);
        if (plan == null) {
            return false;
        }
        // Marks taken now were committed before: the reads below (later statements) see their writes.
        if (days.fold(plan.tenantId, planId) == 0) {
            return false;
        }
        LocalDate asOf = LocalDate.now(clock);
        List<ScorecardSummary.KpiSummary> kpis = scorecards.summary(plan, asOf);
        keep(plan, asOf, now, kpis);
        outbox.publishFor(plan.tenantId, ScorecardEvents.CHANGED, plan.planId,
                new ScorecardSummary(plan.planId, asOf, now, kpis));
        em.createNativeQuery("""
                        insert into scorecard_announced (plan_id, tenant_id, announced_at) values (?1, ?2, ?3)
                        on conflict (plan_id) do update set announced_at = excluded.announced_at""")
                .setParameter(1, planId).setParameter(2, plan.tenantId).setParameter(3, now).executeUpdate();
        return true;
    }

    private static Instant instant(Object value) {
        return value instanceof Instant i ? i : value instanceof java.time.OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }

    private void keep(TrackedPlan plan, LocalDate asOf, Instant computedAt, List<ScorecardSummary.KpiSummary> kpis) {
        // Rows keep their ids (the portfolio's cursor names a row by it): update in place, add and drop the rest.
        Map<String, PlanKpiScore> rows = em.createQuery("from PlanKpiScore where planId = ?1", PlanKpiScore.class)
                .setParameter(1, plan.planId).getResultStream().collect(Collectors.toMap(r -> r.kpiKey, r -> r));
        for (ScorecardSummary.KpiSummary k : kpis) {
            PlanKpiScore row = rows.remove(k.kpi());
            boolean fresh = row == null;
            if (fresh) {
                row = new PlanKpiScore();
                row.id = Ids.next();
                row.planId = plan.planId;
                row.kpiKey = k.kpi();
            }
            row.vendorOrganisationId = plan.vendorOrganisationId;
            row.kpiName = k.name();
            row.unit = k.unit();
            row.currency = k.currency();
            row.period = k.period();
            row.periodStart = k.periodStart();
            row.periodEnd = k.periodEnd();
            row.target = decimal(k.target(), VALUE_DIGITS);
            row.actual = decimal(k.actual(), VALUE_DIGITS);
            row.attainment = decimal(k.attainment(), ATTAINMENT_DIGITS);
            row.forecast = decimal(k.forecast(), VALUE_DIGITS);
            row.rag = k.rag();
            row.trend = k.trend();
            row.asOf = asOf;
            row.computedAt = computedAt;
            if (fresh) {
                em.persist(row);
            }
        }
        rows.values().forEach(em::remove);
    }

    /** Integer digits of plan_kpi_score's numeric(20,4) values and numeric(9,1) attainment. */
    private static final int VALUE_DIGITS = 16;
    private static final int ATTAINMENT_DIGITS = 8;

    /**
     * A figure the portfolio column cannot hold (a formula's or a near-zero target's extreme) is
     * shown as no value rather than failing the measurement that caused it.
     */
    static BigDecimal decimal(String value, int integerDigits) {
        if (value == null) {
            return null;
        }
        BigDecimal d = new BigDecimal(value);
        return d.abs().compareTo(BigDecimal.TEN.pow(integerDigits)) >= 0 ? null : d;
    }
}

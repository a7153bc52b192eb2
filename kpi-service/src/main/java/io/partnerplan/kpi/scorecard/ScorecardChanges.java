package io.partnerplan.kpi.scorecard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import io.partnerplan.kpi.plan.TrackedPlan;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.persistence.Ids;

/**
 * Announces {@code kpi.scorecard.changed} for a plan whose measurements, targets or periods changed,
 * at most once per plan and transaction, and keeps the plan's rows of {@code plan_kpi_score} (what
 * the vendor's portfolio reads) equal to the summary announced. Call it last in the transaction,
 * after the change: the summary is computed then.
 */
@ApplicationScoped
public class ScorecardChanges {

    private final Scorecards scorecards;
    private final EntityManager em;
    private final Outbox outbox;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;

    public ScorecardChanges(Scorecards scorecards, EntityManager em, Outbox outbox,
                            TransactionSynchronizationRegistry transactions, Clock clock) {
        this.scorecards = scorecards;
        this.em = em;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(TrackedPlan plan) {
        String once = "kpi.scorecard.changed:" + plan.planId;
        if (transactions.getResource(once) != null) {
            return;
        }
        transactions.putResource(once, Boolean.TRUE);
        em.flush();
        // One plan's summary at a time: a transaction computing it after another's commit sees that
        // commit's values too (READ COMMITTED), so concurrent writers cannot leave an older summary last.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "kpi.scorecard:" + plan.planId).getSingleResult();
        LocalDate asOf = LocalDate.now(clock);
        Instant computedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<ScorecardSummary.KpiSummary> kpis = scorecards.summary(plan, asOf);
        keep(plan, asOf, computedAt, kpis);
        outbox.publishFor(plan.tenantId, "kpi.scorecard.changed", "plan", plan.planId,
                new ScorecardSummary(plan.planId, asOf, computedAt, kpis));
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

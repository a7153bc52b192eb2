package io.partnerplan.kpi.period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.partnerplan.kpi.plan.TrackedPlan;
import io.partnerplan.platform.persistence.Ids;

/**
 * The periods a plan is measured in: the agreed Mutual Operating Period's periods that overlap the
 * plan's horizon; before any MOP is agreed, three-month quarters counted from the horizon's start.
 */
@ApplicationScoped
public class PlanPeriods {

    private final EntityManager em;

    public PlanPeriods(EntityManager em) {
        this.em = em;
    }

    public List<PlanPeriod> of(TrackedPlan plan) {
        List<PartnershipPeriod> agreed = em.createQuery("""
                        from PartnershipPeriod where vendorOrganisationId = ?1 and partnerOrganisationId = ?2
                        and periodEnd >= ?3 and periodStart <= ?4 order by periodStart""", PartnershipPeriod.class)
                .setParameter(1, plan.vendorOrganisationId).setParameter(2, plan.partnerOrganisationId)
                .setParameter(3, plan.horizonStart).setParameter(4, plan.horizonEnd).getResultList();
        if (!agreed.isEmpty()) {
            return agreed.stream().map(p -> new PlanPeriod(p.label, p.periodStart, p.periodEnd)).toList();
        }
        return horizonQuarters(plan.horizonStart, plan.horizonEnd);
    }

    static List<PlanPeriod> horizonQuarters(LocalDate start, LocalDate end) {
        List<PlanPeriod> quarters = new ArrayList<>();
        LocalDate from = start;
        for (int n = 1; !from.isAfter(end); n++) {
            LocalDate to = start.plusMonths(3L * n).minusDays(1);
            quarters.add(new PlanPeriod("Q" + n, from, to.isAfter(end) ? end : to));
            from = to.plusDays(1);
        }
        return quarters;
    }

    /** Replaces what is known of a pair's MOP by the one just agreed (at most one is agreed per pair). */
    public void agreed(UUID mopId, UUID vendor, UUID partner, List<PlanPeriod> periods) {
        em.createQuery("delete from PartnershipPeriod where vendorOrganisationId = ?1 and partnerOrganisationId = ?2")
                .setParameter(1, vendor).setParameter(2, partner).executeUpdate();
        for (PlanPeriod period : periods) {
            PartnershipPeriod p = new PartnershipPeriod();
            p.id = Ids.next();
            p.mopId = mopId;
            p.vendorOrganisationId = vendor;
            p.partnerOrganisationId = partner;
            p.label = period.label();
            p.periodStart = period.start();
            p.periodEnd = period.end();
            em.persist(p);
        }
    }
}

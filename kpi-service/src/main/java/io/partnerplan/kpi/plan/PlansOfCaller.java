package io.partnerplan.kpi.plan;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;

/** The plans a caller may see: those kpi-service knows (tenant-filtered) where the caller's organisation is a party. */
@ApplicationScoped
public class PlansOfCaller {

    private final EntityManager em;
    private final Caller caller;

    public PlansOfCaller(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    /** @throws ProblemException 404 for an unknown plan and for another party's plan alike, so ids leak nothing */
    public TrackedPlan require(UUID planId) {
        TrackedPlan plan = planId == null ? null : em.find(TrackedPlan.class, planId);
        if (plan == null || !plan.hasParty(caller.requireOrganisation())) {
            throw ProblemException.notFound("Plan", planId);
        }
        return plan;
    }
}

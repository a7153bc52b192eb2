package io.partnerplan.plan.plan;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PlanSignOffRepository implements PanacheRepositoryBase<PlanSignOff, PlanSignOff.Key> {

    public List<PlanSignOff> of(UUID plan) {
        return list("planId = ?1 order by side", plan);
    }

    public List<PlanSignOff> ofPlans(Collection<UUID> plans) {
        return plans.isEmpty() ? List.of() : list("planId in ?1 order by side", plans);
    }

    public void clear(UUID plan) {
        delete("planId", plan);
    }
}

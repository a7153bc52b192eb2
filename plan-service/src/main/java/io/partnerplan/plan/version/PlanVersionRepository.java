package io.partnerplan.plan.version;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerplan.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PlanVersionRepository implements PanacheRepositoryBase<PlanVersion, UUID> {

    public List<PlanVersion> page(UUID plan, PageRequest page) {
        return page.after()
                .map(after -> find("planId = ?1 and id > ?2 order by id", plan, after))
                .orElseGet(() -> find("planId = ?1 order by id", plan))
                .page(0, page.limit() + 1).list();
    }

    public Optional<PlanVersion> of(UUID plan, long version) {
        return find("planId = ?1 and planVersion = ?2", plan, version).firstResultOptional();
    }
}

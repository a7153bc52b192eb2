package io.partnerplan.plan.plan;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerplan.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, UUID> {

    /** Plans where {@code organisation} is a party: a partner never sees another partner's plans. */
    public List<Plan> pageForParty(UUID organisation, PageRequest page) {
        String party = "(vendorOrganisationId = ?1 or partnerOrganisationId = ?1)";
        return page.after()
                .map(after -> find(party + " and id > ?2 order by id", organisation, after))
                .orElseGet(() -> find(party + " order by id", organisation))
                .page(0, page.limit() + 1).list();
    }
}

package io.partnerplan.plan.organisation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerplan.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, UUID> {

    /** Keyset page in id (creation) order; fetches one extra row to know whether more exist. */
    public List<Organisation> page(Optional<UUID> confinedTo, PageRequest page) {
        if (confinedTo.isPresent()) {
            UUID mine = confinedTo.get();
            return page.after()
                    .map(after -> find("(kind = ?1 or id = ?2) and id > ?3 order by id", OrganisationKind.VENDOR, mine, after))
                    .orElseGet(() -> find("(kind = ?1 or id = ?2) order by id", OrganisationKind.VENDOR, mine))
                    .page(0, page.limit() + 1).list();
        }
        return page.after()
                .map(after -> find("id > ?1 order by id", after))
                .orElseGet(() -> find("order by id"))
                .page(0, page.limit() + 1).list();
    }
}

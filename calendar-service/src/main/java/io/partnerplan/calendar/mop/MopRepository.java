package io.partnerplan.calendar.mop;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerplan.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MopRepository implements PanacheRepositoryBase<MutualOperatingPeriod, UUID> {

    public List<MutualOperatingPeriod> page(UUID vendor, UUID partner, PageRequest page) {
        String pair = "vendorOrganisationId = ?1 and partnerOrganisationId = ?2";
        return page.after()
                .map(after -> find(pair + " and id > ?3 order by id", vendor, partner, after))
                .orElseGet(() -> find(pair + " order by id", vendor, partner))
                .page(0, page.limit() + 1).list();
    }

    /** Marks the pair's MOPs in {@code status}, but {@code except}, superseded (entity by entity, so versions move). */
    public void supersede(UUID vendor, UUID partner, MopStatus status, UUID except) {
        list("vendorOrganisationId = ?1 and partnerOrganisationId = ?2 and status = ?3 and id <> ?4",
                vendor, partner, status, except)
                .forEach(m -> m.status = MopStatus.SUPERSEDED);
    }
}

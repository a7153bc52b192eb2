package io.partnerplan.plan.organisation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerplan.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, UUID> {

    /** Keyset page in id (creation) order; fetches one extra row to know whether more exist. */
    public List<Organisation> page(Optional<UUID> confinedTo, PageRequest page) {
        return page(confinedTo, PartnerFilter.NONE, page);
    }

    /**
     * Keyset page in id (creation) order; fetches one extra row to know whether more exist. Every partner
     * filter given must hold on the organisation's profile; a partner's callers see their own and the vendor.
     */
    public List<Organisation> page(Optional<UUID> confinedTo, PartnerFilter partners, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (confinedTo.isPresent()) {
            where.append(" and (kind = :vendor or id = :mine)");
            parameters.and("vendor", OrganisationKind.VENDOR).and("mine", confinedTo.get());
        }
        if (partners.any()) {
            StringBuilder profile = new StringBuilder("select p.organisationId from PartnerProfile p where 1 = 1");
            if (partners.programmeId() != null) {
                profile.append(" and p.programmeId = :programmeId");
                parameters.and("programmeId", partners.programmeId());
            }
            if (partners.tier() != null) {
                profile.append(" and p.tier = :tier");
                parameters.and("tier", partners.tier());
            }
            if (partners.partnerType() != null) {
                profile.append(" and p.partnerType = :partnerType");
                parameters.and("partnerType", partners.partnerType());
            }
            if (partners.region() != null) {
                profile.append(" and :region member of p.regions");
                parameters.and("region", partners.region());
            }
            where.append(" and id in (").append(profile).append(")");
        }
        if (page.after().isPresent()) {
            where.append(" and id > :after");
            parameters.and("after", page.after().get());
        }
        return find(where + " order by id", parameters).page(0, page.limit() + 1).list();
    }
}

package io.partnerplan.plan.organisation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.web.Params;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, UUID> {

    /** Keyset page in id (creation) order; fetches one extra row to know whether more exist. */
    public List<Organisation> page(Optional<UUID> confinedTo, PageRequest page) {
        return page(confinedTo, OrganisationFilter.NONE, PartnerFilter.NONE, page);
    }

    /**
     * Keyset page in id (creation) order; fetches one extra row to know whether more exist. Every filter
     * given must hold (kind, name containing, an external id, the partner profile's programme, tier, type,
     * region); a partner's callers see their own and the vendor.
     */
    public List<Organisation> page(Optional<UUID> confinedTo, OrganisationFilter filter, PartnerFilter partners, PageRequest page) {
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
        if (filter.kind() != null) {
            where.append(" and kind = :kind");
            parameters.and("kind", filter.kind());
        }
        if (filter.nameContains() != null) {
            where.append(" and lower(name) like :name escape '\\'");
            parameters.and("name", Params.containsIgnoringCase(filter.nameContains()));
        }
        if (filter.externalSystem() != null) {
            where.append(" and id in (select e.organisationId from ExternalId e where e.system = :system and e.externalId = :externalId)");
            parameters.and("system", filter.externalSystem()).and("externalId", filter.externalId());
        }
        if (page.after().isPresent()) {
            where.append(" and id > :after");
            parameters.and("after", page.after().get());
        }
        return find(where + " order by id", parameters).page(0, page.limit() + 1).list();
    }
}

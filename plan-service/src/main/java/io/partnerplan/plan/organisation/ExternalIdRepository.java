package io.partnerplan.plan.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ExternalIdRepository implements PanacheRepositoryBase<ExternalId, UUID> {

    public Optional<ExternalId> find(String system, String externalId) {
        return find("system = ?1 and externalId = ?2", system, externalId).firstResultOptional();
    }

    /** One query for a whole page of organisations. */
    public List<ExternalId> forOrganisations(Collection<UUID> organisations) {
        if (organisations.isEmpty()) {
            return List.of();
        }
        return list("organisationId in ?1 order by system, externalId", organisations);
    }
}

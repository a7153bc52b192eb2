package io.partnerplan.plan.programme;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.partnerplan.plan.organisation.ProgrammeTiers;

/** The tiers of the tenant's programmes, for the partner profiles that name one. */
@ApplicationScoped
public class ProgrammeCatalogue implements ProgrammeTiers {

    private final EntityManager em;

    public ProgrammeCatalogue(EntityManager em) {
        this.em = em;
    }

    /** Every tier code of the tenant's programmes, in programme and rank order, each once. */
    public List<String> allTierCodes() {
        return em.createQuery("from Programme order by id", Programme.class).getResultStream()
                .flatMap(p -> p.tiers.codes().stream()).distinct().toList();
    }

    @Override
    public Optional<List<String>> tierCodes(UUID programmeId) {
        return Optional.ofNullable(em.find(Programme.class, programmeId)).map(p -> p.tiers.codes());
    }
}

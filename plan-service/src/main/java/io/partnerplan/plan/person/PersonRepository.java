package io.partnerplan.plan.person;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerplan.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    public Optional<Person> bySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    public Optional<Person> byEmail(UUID organisation, String email) {
        return find("organisationId = ?1 and lower(email) = lower(?2)", organisation, email).firstResultOptional();
    }

    public Optional<Person> byExternalId(UUID organisation, String system, String externalId) {
        return find("organisationId = ?1 and externalSystem = ?2 and externalId = ?3", organisation, system, externalId)
                .firstResultOptional();
    }

    public List<Person> page(UUID organisation, PageRequest page) {
        return page.after()
                .map(after -> find("organisationId = ?1 and id > ?2 order by id", organisation, after))
                .orElseGet(() -> find("organisationId = ?1 order by id", organisation))
                .page(0, page.limit() + 1).list();
    }

    public Map<UUID, Person> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return list("id in ?1", ids).stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
    }
}

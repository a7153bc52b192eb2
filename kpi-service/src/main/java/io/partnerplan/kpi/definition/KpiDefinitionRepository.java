package io.partnerplan.kpi.definition;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerplan.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class KpiDefinitionRepository implements PanacheRepositoryBase<KpiDefinition, UUID> {

    public List<KpiDefinition> page(PageRequest page) {
        return page.after()
                .map(after -> find("id > ?1 order by id", after))
                .orElseGet(() -> find("order by id"))
                .page(0, page.limit() + 1).list();
    }

    public Optional<KpiDefinition> byKey(String key) {
        return find("key", key).firstResultOptional();
    }
}

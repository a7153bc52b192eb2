package io.partnerplan.kpi.measurement;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerplan.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MeasurementRepository implements PanacheRepositoryBase<Measurement, UUID> {

    public Optional<Measurement> byExternalId(Source source, String externalId) {
        return find("source = ?1 and externalId = ?2", source, externalId).firstResultOptional();
    }

    public List<Measurement> page(UUID plan, UUID kpi, PageRequest page) {
        String filter = "planId = ?1" + (kpi == null ? "" : " and kpiId = ?3");
        Object kpiParam = kpi == null ? null : kpi;
        return page.after()
                .map(after -> kpi == null
                        ? find(filter + " and id > ?2 order by id", plan, after)
                        : find(filter + " and id > ?2 order by id", plan, after, kpiParam))
                .orElseGet(() -> kpi == null
                        ? find("planId = ?1 order by id", plan)
                        : find("planId = ?1 and kpiId = ?2 order by id", plan, kpiParam))
                .page(0, page.limit() + 1).list();
    }
}

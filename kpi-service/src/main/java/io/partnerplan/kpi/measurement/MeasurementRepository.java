package io.partnerplan.kpi.measurement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    public List<Measurement> byExternalIds(Source source, List<String> externalIds) {
        return list("source = ?1 and externalId in ?2", source, externalIds);
    }

    /** Keyset page of a plan's measurements, of one KPI when {@code kpi} is given. */
    public List<Measurement> page(UUID plan, UUID kpi, PageRequest page) {
        Map<String, Object> params = new HashMap<>(Map.of("plan", plan));
        StringBuilder query = new StringBuilder("planId = :plan");
        if (kpi != null) {
            query.append(" and kpiId = :kpi");
            params.put("kpi", kpi);
        }
        page.after().ifPresent(after -> {
            query.append(" and id > :after");
            params.put("after", after);
        });
        return find(query.append(" order by id").toString(), params).page(0, page.limit() + 1).list();
    }
}

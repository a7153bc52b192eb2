package io.partnerplan.kpi.definition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;

/** The tenant's KPI library. */
@ApplicationScoped
public class KpiLibrary {

    private final KpiDefinitionRepository definitions;
    private final Outbox outbox;

    public KpiLibrary(KpiDefinitionRepository definitions, Outbox outbox) {
        this.definitions = definitions;
        this.outbox = outbox;
    }

    @Transactional
    public KpiDefinitionView define(KpiDefinitionRequest request) {
        if (request.unit() == KpiUnit.CURRENCY && request.currency() == null) {
            throw ProblemException.badRequest("currency", "is required when unit is CURRENCY");
        }
        if (request.unit() != KpiUnit.CURRENCY && request.currency() != null) {
            throw ProblemException.badRequest("currency", "only applies when unit is CURRENCY");
        }
        if (definitions.byKey(request.key()).isPresent()) {
            throw ProblemException.conflict("A KPI with key '" + request.key() + "' already exists in your library");
        }
        KpiDefinition kpi = new KpiDefinition();
        kpi.id = Ids.next();
        kpi.key = request.key();
        kpi.name = request.name().strip();
        kpi.unit = request.unit();
        kpi.currency = request.currency();
        kpi.direction = request.direction();
        kpi.aggregation = request.aggregation();
        kpi.createdAt = Instant.now();
        definitions.persist(kpi);
        definitions.flush();
        KpiDefinitionView view = KpiDefinitionView.of(kpi);
        outbox.publish("kpi.defined", "kpi", kpi.id, view);
        return view;
    }

    /** Adds the standard KPIs the library lacks; those it has are left as they are. Safe to call again. */
    @Transactional
    public List<KpiDefinitionView> addStandard(String currency) {
        List<KpiDefinitionView> added = new ArrayList<>();
        for (KpiDefinitionRequest standard : StandardKpis.inCurrency(currency)) {
            if (definitions.byKey(standard.key()).isEmpty()) {
                added.add(define(standard));
            }
        }
        return added;
    }

    @Transactional
    public KpiDefinitionView get(UUID id) {
        return definitions.findByIdOptional(id).map(KpiDefinitionView::of)
                .orElseThrow(() -> ProblemException.notFound("KPI", id));
    }

    @Transactional
    public Page<KpiDefinitionView> list(PageRequest page) {
        return Page.of(definitions.page(page), page, k -> k.id, KpiDefinitionView::of);
    }
}

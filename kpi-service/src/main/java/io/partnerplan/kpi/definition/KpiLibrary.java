package io.partnerplan.kpi.definition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.partnerplan.platform.concurrency.Versions;
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

    private final Event<KpisChanged> changes;

    public KpiLibrary(KpiDefinitionRepository definitions, Outbox outbox, Event<KpisChanged> changes) {
        this.changes = changes;
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
        Formula formula = null;
        if (request.formula() != null) {
            if (request.aggregation() != null) {
                throw ProblemException.badRequest("aggregation", "must be omitted for a derived KPI: it is computed per "
                        + "window from its formula's inputs");
            }
            formula = FormulaRules.check(request.key(), request.unit(), request.currency(), request.formula(), library());
        } else if (request.aggregation() == null) {
            throw ProblemException.badRequest("aggregation", "is required for a measured KPI (SUM, LAST or AVERAGE)");
        }
        KpiDefinition kpi = new KpiDefinition();
        kpi.id = Ids.next();
        kpi.key = request.key();
        kpi.name = request.name().strip();
        kpi.unit = request.unit();
        kpi.currency = request.currency();
        kpi.direction = request.direction();
        // A derived KPI is a level per window (never summed across windows): LAST is how targets treat it.
        kpi.aggregation = formula == null ? request.aggregation() : Aggregation.LAST;
        kpi.formula = formula == null ? null : formula.text().strip();
        kpi.createdAt = Instant.now();
        definitions.persist(kpi);
        definitions.flush();
        KpiDefinitionView view = KpiDefinitionView.of(kpi);
        outbox.publish(KpiDefinitionEvents.DEFINED, kpi.id, view);
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

    /** Changes a derived KPI's formula; a measured KPI cannot become derived (its values would be orphaned). */
    @Transactional
    public KpiDefinitionView changeFormula(UUID id, String ifMatch, String text) {
        KpiDefinition kpi = definitions.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("KPI", id));
        if (!kpi.derived()) {
            throw ProblemException.conflict("KPI " + kpi.key + " is measured, not derived: it has no formula to change");
        }
        Versions.requireMatch(ifMatch, kpi.version);
        String before = kpi.formula;
        var library = library();
        kpi.formula = FormulaRules.check(kpi.key, kpi.unit, kpi.currency, text, library).text().strip();
        definitions.flush();
        // The scorecards showing it (by its targets, its old or new inputs' values, or KPIs derived from it) change.
        java.util.Set<String> touched = new java.util.HashSet<>(Formula.parse(before).inputs());
        touched.addAll(Formula.parse(kpi.formula).inputs());
        touched.add(kpi.key);
        for (boolean grew = true; grew; ) {
            grew = false;
            for (KpiDefinition other : library.values()) {
                if (other.derived() && !touched.contains(other.key)
                        && Formula.parse(other.formula).inputs().stream().anyMatch(touched::contains)) {
                    grew = touched.add(other.key);
                }
            }
        }
        List<UUID> ids = touched.stream().map(library::get).filter(java.util.Objects::nonNull).map(k -> k.id).toList();
        changes.fire(new KpisChanged(kpi.tenantId, ids));
        KpiDefinitionView view = KpiDefinitionView.of(kpi);
        outbox.publish(KpiDefinitionEvents.DEFINED, kpi.id, view);
        return view;
    }

    private java.util.Map<String, KpiDefinition> library() {
        return definitions.listAll().stream().collect(java.util.stream.Collectors.toMap(k -> k.key, k -> k));
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

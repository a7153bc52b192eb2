package io.partnerplan.kpi.deal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.kpi.definition.Aggregation;
import io.partnerplan.kpi.definition.Direction;
import io.partnerplan.kpi.definition.KpiDefinition;
import io.partnerplan.kpi.definition.KpiDefinitionRepository;
import io.partnerplan.kpi.definition.KpiDefinitionRequest;
import io.partnerplan.kpi.definition.KpiLibrary;
import io.partnerplan.kpi.definition.KpiUnit;
import io.partnerplan.kpi.measurement.Measurements;
import io.partnerplan.kpi.measurement.Provenance;
import io.partnerplan.kpi.plan.TrackedPlan;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;

/**
 * Deal registrations. A partner's people and clients register their own deals; the vendor's register
 * deals for the partners it has plans with (naming the partner). A deal is upserted by its external id
 * within the writer's source (client id or MANUAL, from the token) and organisation: re-sent unchanged it
 * changes nothing. A partner sees its own deals only; the vendor those of its partners. Each change moves
 * the partner's pipeline KPIs in every plan with it ({@link PipelineContribution}), computed here, never
 * typed, and with them the scorecards and the milestone criteria that judge them.
 */
@ApplicationScoped
public class Deals {

    /** The source of the pipeline KPIs' measurements computed from deals. */
    public static final String PIPELINE_SOURCE = "deal-registrations";

    private final EntityManager em;
    private final Caller caller;
    private final Measurements measurements;
    private final KpiDefinitionRepository kpis;
    private final KpiLibrary library;
    private final Outbox outbox;
    private final Clock clock;

    public Deals(EntityManager em, Caller caller, Measurements measurements, KpiDefinitionRepository kpis, KpiLibrary library,
                 Outbox outbox, Clock clock) {
        this.em = em;
        this.caller = caller;
        this.measurements = measurements;
        this.kpis = kpis;
        this.library = library;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public DealView upsert(DealRequest request) {
        Provenance writer = Provenance.of(caller);
        UUID partner = partnerOf(request, writer.organisation());
        Deal deal = em.createQuery("from Deal where organisationId = ?1 and source = ?2 and externalId = ?3", Deal.class)
                .setParameter(1, writer.organisation()).setParameter(2, writer.source()).setParameter(3, request.externalId())
                .getResultStream().findFirst().orElse(null);
        if (deal != null && !deal.partnerOrganisationId.equals(partner)) {
            throw ProblemException.conflict("External id " + request.externalId() + " of " + writer.source()
                    + " already names a deal of another partner");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate registeredOn = request.registeredOn() != null ? request.registeredOn() : deal != null ? deal.registeredOn : today;
        DealRules.check(request, registeredOn, today);
        List<String> products = request.products() == null ? List.of()
                : request.products().stream().map(String::strip).distinct().toList();
        BigDecimal amount = new BigDecimal(request.amount());
        if (deal != null && deal.account.equals(request.account().strip()) && deal.amount.compareTo(amount) == 0
                && deal.currency.equals(request.currency()) && deal.stage == request.stage() && deal.registeredOn.equals(registeredOn)
                && deal.expectedCloseOn.equals(request.expectedCloseOn()) && Objects.equals(deal.actualCloseOn, request.actualCloseOn())
                && deal.products.equals(products)) {
            return DealView.of(deal, "unchanged");
        }
        boolean fresh = deal == null;
        if (fresh) {
            deal = new Deal();
            deal.id = Ids.next();
            deal.partnerOrganisationId = partner;
            deal.source = writer.source();
            deal.organisationId = writer.organisation();
            deal.externalId = request.externalId();
            deal.createdAt = Instant.now(clock);
        }
        deal.account = request.account().strip();
        deal.amount = amount;
        deal.currency = request.currency();
        deal.stage = request.stage();
        deal.registeredOn = registeredOn;
        deal.expectedCloseOn = request.expectedCloseOn();
        deal.actualCloseOn = request.actualCloseOn();
        deal.products = new ArrayList<>(products);
        deal.updatedBy = caller.subject();
        deal.updatedAt = Instant.now(clock);
        if (fresh) {
            em.persist(deal);
        }
        em.flush();
        DealView view = DealView.of(deal, fresh ? "created" : "updated");
        outbox.publish(fresh ? DealEvents.REGISTERED : DealEvents.UPDATED, deal.id, view);
        movePipeline(deal);
        return view;
    }

    @Transactional
    public DealView get(UUID id) {
        Deal deal = em.find(Deal.class, id);
        if (deal == null || !visible(deal.partnerOrganisationId)) {
            throw ProblemException.notFound("Deal", id);
        }
        return DealView.of(deal, null);
    }

    /** The caller's deals (a partner) or those of the caller's partners (the vendor), oldest first; filters must all hold. */
    @Transactional
    public Page<DealView> list(UUID partner, DealStage stage, PageRequest page) {
        UUID mine = caller.requireOrganisation();
        StringBuilder where = new StringBuilder("from Deal d where (d.partnerOrganisationId = :mine or d.partnerOrganisationId in "
                + "(select p.partnerOrganisationId from TrackedPlan p where p.vendorOrganisationId = :mine))");
        if (partner != null) {
            where.append(" and d.partnerOrganisationId = :partner");
        }
        if (stage != null) {
            where.append(" and d.stage = :stage");
        }
        if (page.after().isPresent()) {
            where.append(" and d.id > :after");
        }
        var query = em.createQuery(where + " order by d.id", Deal.class).setParameter("mine", mine);
        if (partner != null) {
            query.setParameter("partner", partner);
        }
        if (stage != null) {
            query.setParameter("stage", stage);
        }
        page.after().ifPresent(after -> query.setParameter("after", after));
        List<Deal> rows = query.setMaxResults(page.limit() + 1).getResultList();
        return Page.of(rows, page, d -> d.id, d -> DealView.of(d, null));
    }

    /** A partner registers its own deals; the vendor names the partner, one it has a plan with (400 naming the field otherwise). */
    private UUID partnerOf(DealRequest request, UUID mine) {
        UUID named = request.partnerOrganisationId();
        if (named == null || named.equals(mine)) {
            if (vendorOf(mine)) {
                throw ProblemException.badRequest("partnerOrganisationId", "is required when the vendor registers a deal: "
                        + "name the partner it is for");
            }
            return mine;
        }
        if (!vendorOfPartner(mine, named)) {
            throw ProblemException.badRequest("partnerOrganisationId", "is not a partner you have a plan with");
        }
        return named;
    }

    private boolean visible(UUID partner) {
        UUID mine = caller.requireOrganisation();
        return partner.equals(mine) || vendorOfPartner(mine, partner);
    }

    private boolean vendorOf(UUID organisation) {
        return !em.createQuery("select p.planId from TrackedPlan p where p.vendorOrganisationId = ?1", UUID.class)
                .setParameter(1, organisation).setMaxResults(1).getResultList().isEmpty();
    }

    private boolean vendorOfPartner(UUID vendor, UUID partner) {
        return !em.createQuery("select p.planId from TrackedPlan p where p.vendorOrganisationId = ?1 and p.partnerOrganisationId = ?2",
                        UUID.class)
                .setParameter(1, vendor).setParameter(2, partner).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * The deal's contributions to the pipeline KPIs of every plan with its partner. The KPIs are added to the
     * library the first time (money ones in the deal's currency); a deal in another currency than a money
     * KPI's contributes nothing to it (its earlier contribution goes back to 0).
     */
    void movePipeline(Deal deal) {
        List<TrackedPlan> plans = em.createQuery("from TrackedPlan where partnerOrganisationId = ?1 order by planId", TrackedPlan.class)
                .setParameter(1, deal.partnerOrganisationId).getResultList();
        if (plans.isEmpty()) {
            return;
        }
        Map<String, KpiDefinition> library = pipelineKpis(deal.currency);
        Provenance computed = new Provenance(PIPELINE_SOURCE, deal.partnerOrganisationId);
        for (PipelineContribution c : PipelineContribution.of(deal.stage, deal.amount, deal.registeredOn, deal.actualCloseOn,
                deal.expectedCloseOn)) {
            KpiDefinition kpi = library.get(c.kpi());
            if (kpi == null || kpi.derived() || (kpi.unit == KpiUnit.CURRENCY) != c.money()) {
                continue;
            }
            BigDecimal value = c.money() && !deal.currency.equals(kpi.currency) ? BigDecimal.ZERO : c.value();
            for (TrackedPlan plan : plans) {
                measurements.derive(plan, kpi, computed, "deal:" + deal.id + ":" + c.kpi() + ":" + plan.planId, value,
                        deal.currency, c.day());
            }
        }
    }

    private Map<String, KpiDefinition> pipelineKpis(String currency) {
        Map<String, KpiDefinition> found = new LinkedHashMap<>();
        for (String key : PipelineContribution.KPIS) {
            Optional<KpiDefinition> kpi = kpis.byKey(key);
            if (kpi.isEmpty()) {
                library.define(definition(key, currency));
                kpi = kpis.byKey(key);
            }
            kpi.ifPresent(k -> found.put(key, k));
        }
        return found;
    }

    private static KpiDefinitionRequest definition(String key, String currency) {
        return switch (key) {
            case PipelineContribution.DEALS_REGISTERED -> new KpiDefinitionRequest(key, "Deals registered", KpiUnit.COUNT, null,
                    Direction.HIGHER_IS_BETTER, Aggregation.SUM);
            case PipelineContribution.REGISTERED_PIPELINE -> new KpiDefinitionRequest(key, "Registered pipeline", KpiUnit.CURRENCY,
                    currency, Direction.HIGHER_IS_BETTER, Aggregation.SUM);
            case PipelineContribution.DEALS_WON -> new KpiDefinitionRequest(key, "Deals won", KpiUnit.COUNT, null,
                    Direction.HIGHER_IS_BETTER, Aggregation.SUM);
            case PipelineContribution.WON_REVENUE -> new KpiDefinitionRequest(key, "Won revenue", KpiUnit.CURRENCY, currency,
                    Direction.HIGHER_IS_BETTER, Aggregation.SUM);
            default -> new KpiDefinitionRequest(key, "Deals lost", KpiUnit.COUNT, null, Direction.LOWER_IS_BETTER, Aggregation.SUM);
        };
    }
}

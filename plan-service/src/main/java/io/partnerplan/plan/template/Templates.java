package io.partnerplan.plan.template;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.plan.action.ActionItem;
import io.partnerplan.plan.action.ActionRequest;
import io.partnerplan.plan.action.ActionStatus;
import io.partnerplan.plan.action.PlanActions;
import io.partnerplan.plan.milestone.Criterion;
import io.partnerplan.plan.milestone.CriterionKind;
import io.partnerplan.plan.milestone.Milestone;
import io.partnerplan.plan.milestone.MilestoneRequest;
import io.partnerplan.plan.milestone.Milestones;
import io.partnerplan.plan.objective.ObjectiveRequest;
import io.partnerplan.plan.objective.Objectives;
import io.partnerplan.plan.organisation.Organisation;
import io.partnerplan.plan.organisation.OrganisationKind;
import io.partnerplan.plan.organisation.PartnerProfile;
import io.partnerplan.plan.organisation.PartnerProfiles;
import io.partnerplan.plan.programme.ProgrammeCatalogue;
import io.partnerplan.plan.plan.PlanRequest;
import io.partnerplan.plan.plan.PlanService;
import io.partnerplan.plan.plan.PlanView;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;

/**
 * Templates: the vendor's playbook. A vendor manager saves a plan as a template and starts new plans
 * from one. Templates belong to the vendor organisation: its people read them; a partner reads those
 * the vendor shared with all partners or with it (without learning whom else), never the others
 * (404), another tenant neither. Only the vendor's manager changes, shares, deletes or drafts from one.
 */
@ApplicationScoped
public class Templates {

    private final EntityManager em;
    private final PlanService plans;
    private final Objectives objectives;
    private final PlanActions actions;
    private final Milestones milestones;
    private final ProgrammeCatalogue programmes;
    private final PartnerProfiles profiles;
    private final Caller caller;

    public Templates(EntityManager em, PlanService plans, Objectives objectives, PlanActions actions, Milestones milestones,
                     ProgrammeCatalogue programmes, PartnerProfiles profiles, Caller caller) {
        this.em = em;
        this.plans = plans;
        this.objectives = objectives;
        this.actions = actions;
        this.milestones = milestones;
        this.programmes = programmes;
        this.profiles = profiles;
        this.caller = caller;
    }

    @Transactional
    public TemplateView save(TemplateRequest request) {
        PlanView plan;
        try {
            plan = plans.get(request.planId());
        } catch (ProblemException e) {
            throw ProblemException.badRequest("planId", "is not a plan of your organisation");
        }
        if (!plan.vendorOrganisationId().equals(caller.requireOrganisation())) {
            throw ProblemException.badRequest("planId", "is not a plan of your organisation");
        }
        LocalDate start = plan.horizonStart();
        List<TemplateContent.ObjectiveSkeleton> objectiveSkeletons = objectives.all(plan.id()).stream()
                .map(o -> new TemplateContent.ObjectiveSkeleton(o.title(), o.description(), o.measures(),
                        days(start, o.periodStart()), days(start, o.periodEnd()))).toList();
        List<TemplateContent.ActionSkeleton> actionSkeletons = em.createQuery(
                        "from ActionItem where planId = ?1 and status <> ?2 order by id", ActionItem.class)
                .setParameter(1, plan.id()).setParameter(2, ActionStatus.CANCELLED).getResultStream()
                .map(a -> new TemplateContent.ActionSkeleton(a.title, a.description, Math.max(0, days(start, a.dueOn)), a.strategyKey))
                .toList();
        List<TemplateContent.MilestoneSkeleton> milestoneSkeletons = em.createQuery(
                        "from Milestone where planId = ?1 order by id", Milestone.class)
                .setParameter(1, plan.id()).getResultStream()
                .map(m -> new TemplateContent.MilestoneSkeleton(m.title, m.description, days(start, m.dueOn),
                        m.criteria.stream().map(c -> skeleton(start, c)).toList()))
                .toList();
        PlanTemplate t = new PlanTemplate();
        t.id = Ids.next();
        t.vendorOrganisationId = plan.vendorOrganisationId();
        t.name = request.name().strip();
        t.description = request.description();
        // A template keeps confidences: nothing the partner owns goes into it.
        t.content = new TemplateContent(plans.sections(plan.id()).value().withoutPartnersOwn(), objectiveSkeletons, actionSkeletons,
                milestoneSkeletons);
        t.createdBy = caller.subject();
        t.createdAt = Instant.now();
        em.persist(t);
        em.flush();
        return TemplateView.of(t);
    }

    /** A new draft plan from the template; its action items are owned by the drafter, who may hand them on. */
    @Transactional
    public PlanView instantiate(UUID templateId, PlanRequest request) {
        PlanTemplate t = own(templateId);
        if (request.templateId() != null && !request.templateId().equals(templateId)) {
            throw ProblemException.badRequest("templateId", "must be absent or name this template");
        }
        // Sections without the partner's own: templates saved before the rule too.
        PlanView plan = plans.draft(request, t.content.sections().withoutPartnersOwn(), t.id);
        LocalDate start = plan.horizonStart();
        LocalDate end = plan.horizonEnd();
        for (TemplateContent.ObjectiveSkeleton o : t.content.objectives()) {
            objectives.create(plan.id(), new ObjectiveRequest(null, o.title(), o.description(),
                    o.measures().stream().map(m -> new ObjectiveRequest.MeasureRequest(m.kpi(), m.target())).toList(),
                    within(start, end, o.startAfterDays()), within(start, end, o.endAfterDays())));
        }
        for (TemplateContent.ActionSkeleton a : t.content.actions()) {
            actions.create(plan.id(), new ActionRequest(a.title(), a.description(), caller.subject(),
                    within(start, end, a.dueAfterDays()), ActionStatus.OPEN, a.strategyKey(), null));
        }
        for (TemplateContent.MilestoneSkeleton m : t.content.milestones()) {
            milestones.create(plan.id(), new MilestoneRequest(m.title(), m.description(), within(start, end, m.dueAfterDays()),
                    m.criteria().stream().map(c -> criterion(start, end, c)).toList()));
        }
        return plans.get(plan.id());
    }

    @Transactional
    public TemplateView get(UUID id) {
        UUID organisation = caller.requireOrganisation();
        PlanTemplate t = em.find(PlanTemplate.class, id);
        if (t != null && t.vendorOrganisationId.equals(organisation)) {
            return TemplateView.of(t);
        }
        if (t != null && t.tenantId.equals(caller.requireTenant()) && sharedWith(t, organisation)) {
            return TemplateView.forPartner(t);
        }
        throw ProblemException.notFound("Template", id);
    }

    /** The vendor's own templates for its people; for a partner's, those shared with it. */
    @Transactional
    public Page<TemplateView> list(PageRequest page) {
        UUID organisation = caller.requireOrganisation();
        boolean partner = isPartner(organisation);
        String visible = partner
                ? "(sharedWithAllPartners = true or ?1 member of sharedWith)"
                : "vendorOrganisationId = ?1";
        List<PlanTemplate> rows = page.after()
                .map(after -> em.createQuery("from PlanTemplate where " + visible + " and id > ?2 order by id", PlanTemplate.class)
                        .setParameter(1, organisation).setParameter(2, after))
                .orElseGet(() -> em.createQuery("from PlanTemplate where " + visible + " order by id", PlanTemplate.class)
                        .setParameter(1, organisation))
                .setMaxResults(page.limit() + 1).getResultList();
        return Page.of(rows, page, t -> t.id, partner ? TemplateView::forPartner : TemplateView::of);
    }

    /**
     * Shares the template with every partner of the tenant or with the partner organisations chosen
     * (replacing the previous choice; nobody, to stop sharing). Each must be a partner organisation of the
     * tenant (400 naming the index otherwise).
     */
    @Transactional
    public TemplateView share(UUID id, String ifMatch, TemplateSharingRequest request) {
        PlanTemplate t = own(id);
        Versions.requireMatch(ifMatch, t.version);
        List<UUID> chosen = request.partnerOrganisationIds() == null ? List.of() : request.partnerOrganisationIds();
        if (request.allPartners() && !chosen.isEmpty()) {
            throw ProblemException.badRequest("partnerOrganisationIds", "must be empty when allPartners is true");
        }
        List<io.partnerplan.platform.problem.Problem.FieldError> errors = new java.util.ArrayList<>();
        java.util.Set<UUID> partners = new java.util.TreeSet<>();
        for (int i = 0; i < chosen.size(); i++) {
            if (!isPartner(chosen.get(i))) {
                errors.add(new io.partnerplan.platform.problem.Problem.FieldError("partnerOrganisationIds[" + i + "]",
                        "is not a partner organisation"));
            } else if (!partners.add(chosen.get(i))) {
                errors.add(new io.partnerplan.platform.problem.Problem.FieldError("partnerOrganisationIds[" + i + "]",
                        "is named twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid sharing", errors.size() + " partner organisation(s) are not valid",
                    errors);
        }
        t.sharedWithAllPartners = request.allPartners();
        t.sharedWith.clear();
        t.sharedWith.addAll(partners);
        em.flush();
        return TemplateView.of(t);
    }

    /**
     * Marks the template as where new plans with partners of these tiers and types start (replacing the
     * previous marking; both empty: nobody's default). Each tier must be one of the tenant's programmes'
     * (400 naming its index otherwise), each value named once.
     */
    @Transactional
    public TemplateView mark(UUID id, String ifMatch, TemplateAudienceRequest request) {
        PlanTemplate t = own(id);
        Versions.requireMatch(ifMatch, t.version);
        List<String> known = programmes.allTierCodes();
        List<io.partnerplan.platform.problem.Problem.FieldError> errors = new java.util.ArrayList<>();
        java.util.Set<String> tiers = new java.util.LinkedHashSet<>();
        for (int i = 0; i < request.tiers().size(); i++) {
            String tier = request.tiers().get(i);
            if (!known.contains(tier)) {
                errors.add(new io.partnerplan.platform.problem.Problem.FieldError("tiers[" + i + "]",
                        "is not a tier of any programme" + (known.isEmpty() ? " (define one first)" : " (tiers: " + String.join(", ", known) + ")")));
            } else if (!tiers.add(tier)) {
                errors.add(new io.partnerplan.platform.problem.Problem.FieldError("tiers[" + i + "]", "is named twice"));
            }
        }
        java.util.Set<io.partnerplan.plan.organisation.PartnerType> types = new java.util.LinkedHashSet<>();
        for (int i = 0; i < request.partnerTypes().size(); i++) {
            if (!types.add(request.partnerTypes().get(i))) {
                errors.add(new io.partnerplan.platform.problem.Problem.FieldError("partnerTypes[" + i + "]", "is named twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid audience", errors.size() + " value(s) are not valid", errors);
        }
        t.audienceTiers = new java.util.ArrayList<>(tiers);
        t.audiencePartnerTypes = new java.util.ArrayList<>(types.stream().map(Enum::name).toList());
        em.flush();
        return TemplateView.of(t);
    }

    /**
     * The caller's (vendor's) template marked for this partner's tier and type, the best fit first
     * ({@link TemplateAudience#best}); empty when none is or the partner has no profile.
     */
    @Transactional
    public Optional<UUID> markedFor(UUID partner) {
        Optional<PartnerProfile> profile = profiles.find(partner).filter(p -> p.tenantId.equals(caller.requireTenant()));
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        List<PlanTemplate> own = em.createQuery("from PlanTemplate where vendorOrganisationId = ?1 order by id", PlanTemplate.class)
                .setParameter(1, caller.requireOrganisation()).getResultList();
        return TemplateAudience.best(own, PlanTemplate::audience, profile.get().tier, profile.get().partnerType).map(t -> t.id);
    }

    private boolean sharedWith(PlanTemplate t, UUID organisation) {
        return t.sharedWith.contains(organisation) || (t.sharedWithAllPartners && isPartner(organisation));
    }

    /** A partner organisation of the caller's tenant. */
    private boolean isPartner(UUID organisation) {
        Organisation o = em.find(Organisation.class, organisation);
        return o != null && o.tenantId.equals(caller.requireTenant()) && o.kind == OrganisationKind.PARTNER;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        PlanTemplate t = own(id);
        Versions.requireMatch(ifMatch, t.version);
        em.remove(t);
    }

    /** A template of the caller's own (vendor) organisation; 404 for any other, shared with the caller or not. */
    private PlanTemplate own(UUID id) {
        PlanTemplate t = em.find(PlanTemplate.class, id);
        if (t == null || !t.vendorOrganisationId.equals(caller.requireOrganisation())) {
            throw ProblemException.notFound("Template", id);
        }
        return t;
    }

    private static TemplateContent.CriterionSkeleton skeleton(LocalDate start, Criterion c) {
        return c.kind() == CriterionKind.KPI
                ? new TemplateContent.CriterionSkeleton("KPI", c.kpi(), c.threshold(), days(start, c.windowStart()),
                        days(start, c.windowEnd()), null)
                : new TemplateContent.CriterionSkeleton("CHECKLIST", null, null, null, null,
                        c.items().stream().map(Criterion.Item::text).toList());
    }

    private static MilestoneRequest.CriterionRequest criterion(LocalDate start, LocalDate end, TemplateContent.CriterionSkeleton c) {
        return "KPI".equals(c.kind())
                ? new MilestoneRequest.CriterionRequest(null, CriterionKind.KPI, c.kpi(), c.threshold(),
                        within(start, end, c.windowStartAfterDays()), within(start, end, c.windowEndAfterDays()), null)
                : new MilestoneRequest.CriterionRequest(null, CriterionKind.CHECKLIST, null, null, null, null,
                        c.items().stream().map(text -> new MilestoneRequest.Item(text, false)).toList());
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    /** The day {@code days} after the start, kept within the horizon. */
    private static LocalDate within(LocalDate start, LocalDate end, long days) {
        LocalDate day = start.plusDays(Math.max(0, days));
        return day.isAfter(end) ? end : day;
    }
}

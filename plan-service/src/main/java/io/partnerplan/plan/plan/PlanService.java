package io.partnerplan.plan.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerplan.plan.organisation.Organisation;
import io.partnerplan.plan.organisation.OrganisationKind;
import io.partnerplan.plan.organisation.OrganisationService;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;

@ApplicationScoped
public class PlanService {

    private final PlanRepository plans;
    private final OrganisationService organisations;
    private final Outbox outbox;
    private final Caller caller;

    public PlanService(PlanRepository plans, OrganisationService organisations, Outbox outbox, Caller caller) {
        this.plans = plans;
        this.organisations = organisations;
        this.outbox = outbox;
        this.caller = caller;
    }

    /** A vendor manager drafts a plan with one of the tenant's partners. */
    @Transactional
    public PlanView draft(PlanRequest request) {
        requireHorizon(request.horizonStart(), request.horizonEnd());
        Organisation vendor = organisations.find(caller.requireOrganisation());
        if (vendor.kind != OrganisationKind.VENDOR) {
            throw ProblemException.forbidden("Only the vendor's people draft plans; your organisation is a partner");
        }
        Organisation partner = organisations.find(request.partnerOrganisationId());
        if (partner.kind != OrganisationKind.PARTNER) {
            throw ProblemException.badRequest("partnerOrganisationId", "must name a partner organisation, not the vendor");
        }
        Plan plan = new Plan();
        plan.id = Ids.next();
        plan.vendorOrganisationId = vendor.id;
        plan.partnerOrganisationId = partner.id;
        plan.title = request.title().strip();
        plan.horizonStart = request.horizonStart();
        plan.horizonEnd = request.horizonEnd();
        plan.status = PlanStatus.DRAFT;
        plan.createdBy = caller.subject();
        plan.createdAt = Instant.now();
        plan.updatedAt = plan.createdAt;
        plans.persist(plan);
        plans.flush();
        PlanView view = PlanView.of(plan);
        outbox.publish("plan.created", "plan", plan.id,
                new PlanCreated(plan.id, plan.vendorOrganisationId, plan.partnerOrganisationId, plan.title,
                        plan.horizonStart, plan.horizonEnd, plan.createdBy, vendor.name, partner.name));
        return view;
    }

    @Transactional
    public PlanView get(UUID id) {
        return PlanView.of(visible(id));
    }

    @Transactional
    public Page<PlanView> list(PageRequest page) {
        return Page.of(plans.pageForParty(caller.requireOrganisation(), page), page, p -> p.id, PlanView::of);
    }

    @Transactional
    public PlanView update(UUID id, String ifMatch, PlanUpdate update) {
        requireHorizon(update.horizonStart(), update.horizonEnd());
        Plan plan = visible(id);
        Versions.requireMatch(ifMatch, plan.version);
        if (!PlanLifecycle.editable(plan.status)) {
            throw ProblemException.conflict("A " + plan.status.name().toLowerCase()
                    + " plan changes through amendments, not direct edits");
        }
        plan.title = update.title().strip();
        plan.horizonStart = update.horizonStart();
        plan.horizonEnd = update.horizonEnd();
        plan.updatedAt = Instant.now();
        plans.flush();
        PlanView view = PlanView.of(plan);
        outbox.publish("plan.updated", "plan", plan.id, view);
        return view;
    }

    /** The plan if the caller's organisation is one of its parties; 404 otherwise, so ids do not leak. */
    private Plan visible(UUID id) {
        Plan plan = plans.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Plan", id));
        if (!plan.hasParty(caller.requireOrganisation())) {
            throw ProblemException.notFound("Plan", id);
        }
        return plan;
    }

    private static void requireHorizon(LocalDate start, LocalDate end) {
        if (!end.isAfter(start)) {
            throw ProblemException.badRequest("horizonEnd", "must be after horizonStart");
        }
    }

    /** Data of {@code plan.created}; see docs/events. */
    public record PlanCreated(UUID planId, UUID vendorOrganisationId, UUID partnerOrganisationId, String title,
                              LocalDate horizonStart, LocalDate horizonEnd, String createdBy,
                              String vendorName, String partnerName) {
    }
}

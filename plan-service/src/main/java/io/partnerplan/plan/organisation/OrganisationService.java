package io.partnerplan.plan.organisation;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;

@ApplicationScoped
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final Outbox outbox;

    public OrganisationService(OrganisationRepository organisations, Outbox outbox) {
        this.organisations = organisations;
        this.outbox = outbox;
    }

    @Transactional
    public OrganisationView create(OrganisationRequest request) {
        Organisation organisation = new Organisation();
        organisation.id = Ids.next();
        organisation.createdAt = Instant.now();
        apply(organisation, request);
        organisations.persist(organisation);
        organisations.flush();
        OrganisationView view = OrganisationView.of(organisation);
        outbox.publish("organisation.created", "organisation", organisation.id, view);
        return view;
    }

    @Transactional
    public OrganisationView update(UUID id, String ifMatch, OrganisationRequest request) {
        Organisation organisation = find(id);
        Versions.requireMatch(ifMatch, organisation.version);
        if (organisation.kind != request.kind()) {
            throw ProblemException.badRequest("kind", "cannot change once the organisation exists");
        }
        apply(organisation, request);
        organisations.flush();
        OrganisationView view = OrganisationView.of(organisation);
        outbox.publish("organisation.updated", "organisation", organisation.id, view);
        return view;
    }

    @Transactional
    public OrganisationView get(UUID id) {
        return OrganisationView.of(find(id));
    }

    @Transactional
    public Page<OrganisationView> list(PageRequest page) {
        return Page.of(organisations.page(page), page, o -> o.id, OrganisationView::of);
    }

    /** The organisation in the caller's tenant, or 404: another tenant's ids do not exist here. */
    public Organisation find(UUID id) {
        return organisations.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Organisation", id));
    }

    private static void apply(Organisation organisation, OrganisationRequest request) {
        organisation.name = request.name().strip();
        organisation.kind = request.kind();
        organisation.timeZone = request.timeZone();
    }
}

package io.partnerplan.plan.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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
    private final ExternalIdRepository externalIds;
    private final Outbox outbox;

    public OrganisationService(OrganisationRepository organisations, ExternalIdRepository externalIds, Outbox outbox) {
        this.organisations = organisations;
        this.externalIds = externalIds;
        this.outbox = outbox;
    }

    @Transactional
    public OrganisationView create(OrganisationRequest request) {
        Organisation organisation = newOrganisation(request);
        return announce("organisation.created", organisation);
    }

    @Transactional
    public OrganisationView update(UUID id, String ifMatch, OrganisationRequest request) {
        Organisation organisation = find(id);
        Versions.requireMatch(ifMatch, organisation.version);
        apply(organisation, request);
        return announce("organisation.updated", organisation);
    }

    /**
     * Creates or updates the organisation a PRM/CRM knows as {@code system}/{@code externalId}.
     * Re-running a sync with the same data changes nothing (no new version, no event); If-Match is
     * honoured when sent, since a sync is usually last-writer-wins by design.
     */
    @Transactional
    public Upserted upsert(String system, String externalId, String ifMatch, OrganisationRequest request) {
        return externalIds.find(system, externalId)
                .map(ref -> {
                    Organisation organisation = find(ref.organisationId);
                    if (ifMatch != null) {
                        Versions.requireMatch(ifMatch, organisation.version);
                    }
                    if (sameAs(organisation, request)) {
                        return new Upserted(view(organisation), false, false);
                    }
                    apply(organisation, request);
                    return new Upserted(announce("organisation.updated", organisation), false, true);
                })
                .orElseGet(() -> {
                    Organisation organisation = newOrganisation(request);
                    ExternalId ref = new ExternalId();
                    ref.id = Ids.next();
                    ref.organisationId = organisation.id;
                    ref.system = system;
                    ref.externalId = externalId;
                    externalIds.persist(ref);
                    return new Upserted(announce("organisation.created", organisation), true, true);
                });
    }

    @Transactional
    public OrganisationView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public Page<OrganisationView> list(PageRequest page) {
        List<Organisation> rows = organisations.page(page);
        Map<UUID, List<ExternalId>> refs = externalIds.forOrganisations(rows.stream().map(o -> o.id).toList())
                .stream().collect(Collectors.groupingBy(e -> e.organisationId));
        return Page.of(rows, page, o -> o.id, o -> OrganisationView.of(o, refs.getOrDefault(o.id, List.of())));
    }

    /** The organisation in the caller's tenant, or 404: another tenant's ids do not exist here. */
    public Organisation find(UUID id) {
        return organisations.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Organisation", id));
    }

    private Organisation newOrganisation(OrganisationRequest request) {
        Organisation organisation = new Organisation();
        organisation.id = Ids.next();
        organisation.createdAt = Instant.now();
        organisation.kind = request.kind();
        apply(organisation, request);
        organisations.persist(organisation);
        return organisation;
    }

    private OrganisationView announce(String event, Organisation organisation) {
        organisations.flush();
        OrganisationView view = view(organisation);
        outbox.publish(event, "organisation", organisation.id, view);
        return view;
    }

    private OrganisationView view(Organisation organisation) {
        return OrganisationView.of(organisation, externalIds.forOrganisations(List.of(organisation.id)));
    }

    private static boolean sameAs(Organisation organisation, OrganisationRequest request) {
        return organisation.name.equals(request.name().strip()) && organisation.kind == request.kind()
                && organisation.timeZone.equals(request.timeZone());
    }

    private static void apply(Organisation organisation, OrganisationRequest request) {
        if (organisation.kind != request.kind()) {
            throw ProblemException.badRequest("kind", "cannot change once the organisation exists");
        }
        organisation.name = request.name().strip();
        organisation.timeZone = request.timeZone();
    }

    public record Upserted(OrganisationView organisation, boolean created, boolean changed) {
    }
}

package io.partnerplan.plan.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.events.EventType;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;

@ApplicationScoped
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final ExternalIdRepository externalIds;
    private final PartnerProfiles profiles;
    private final Outbox outbox;
    private final Caller caller;

    public OrganisationService(OrganisationRepository organisations, ExternalIdRepository externalIds, PartnerProfiles profiles,
                               Outbox outbox, Caller caller) {
        this.organisations = organisations;
        this.externalIds = externalIds;
        this.profiles = profiles;
        this.outbox = outbox;
        this.caller = caller;
    }

    /**
     * The partner organisation the caller is confined to, if any. A partner's people and clients see
     * their own organisation and the vendor, nothing of other partners; the vendor's people and
     * tenant-wide callers (no organisation in their token: tenant admins, the tenant's sync) see all.
     * A token naming an organisation the tenant does not have is confined to it (and so sees the vendor only).
     */
    public Optional<UUID> confinedTo() {
        return caller.organisation().filter(mine -> organisations.findByIdOptional(mine)
                .map(o -> o.kind != OrganisationKind.VENDOR).orElse(true));
    }

    /** Whether the caller may see the organisation (it exists in their tenant and is in their world). */
    public boolean visible(UUID id) {
        return organisations.findByIdOptional(id).filter(this::inWorld).isPresent();
    }

    private boolean inWorld(Organisation organisation) {
        return organisation.kind == OrganisationKind.VENDOR
                || confinedTo().map(mine -> mine.equals(organisation.id)).orElse(true);
    }

    /** Writes that name organisations are the vendor's and the tenant's; a partner's client keeps only its own. */
    public void requireMayRegister() {
        if (confinedTo().isPresent()) {
            throw ProblemException.forbidden("A partner's people and clients register no organisations");
        }
    }

    @Transactional
    public OrganisationView create(OrganisationRequest request) {
        requireMayRegister();
        Organisation organisation = newOrganisation(request);
        if (request.partnerProfile() != null) {
            profiles.apply(organisation, request.partnerProfile());
        }
        return announce(OrganisationEvents.CREATED, organisation);
    }

    @Transactional
    public OrganisationView update(UUID id, String ifMatch, OrganisationRequest request) {
        Organisation organisation = find(id);
        if (confinedTo().isPresent() && !confinedTo().get().equals(id)) {
            throw ProblemException.notFound("Organisation", id);
        }
        if (confinedTo().isPresent() && request.partnerProfile() != null) {
            throw ProblemException.forbidden("A partner's profile in the programme is the vendor's to set; leave partnerProfile out");
        }
        Versions.requireMatch(ifMatch, organisation.version);
        boolean headerChanged = !sameAs(organisation, request);
        apply(organisation, request);
        if (request.partnerProfile() != null && profiles.apply(organisation, request.partnerProfile()) && !headerChanged) {
            newVersion(organisation);
        }
        return announce(OrganisationEvents.UPDATED, organisation);
    }

    /**
     * Creates or updates the organisation a PRM/CRM knows as {@code system}/{@code externalId}.
     * Re-running a sync with the same data changes nothing (no new version, no event); If-Match is
     * honoured when sent, since a sync is usually last-writer-wins by design.
     */
    @Transactional
    public Upserted upsert(String system, String externalId, String ifMatch, OrganisationRequest request) {
        requireMayRegister();
        return externalIds.find(system, externalId)
                .map(ref -> {
                    Organisation organisation = find(ref.organisationId);
                    if (ifMatch != null) {
                        Versions.requireMatch(ifMatch, organisation.version);
                    }
                    boolean headerChanged = !sameAs(organisation, request);
                    if (headerChanged) {
                        apply(organisation, request);
                    }
                    boolean profileChanged = request.partnerProfile() != null
                            && profiles.apply(organisation, request.partnerProfile());
                    if (!headerChanged && !profileChanged) {
                        return new Upserted(view(organisation), false, false);
                    }
                    if (!headerChanged) {
                        newVersion(organisation);
                    }
                    return new Upserted(announce(OrganisationEvents.UPDATED, organisation), false, true);
                })
                .orElseGet(() -> {
                    Organisation organisation = newOrganisation(request);
                    if (request.partnerProfile() != null) {
                        profiles.apply(organisation, request.partnerProfile());
                    }
                    ExternalId ref = new ExternalId();
                    ref.id = Ids.next();
                    ref.organisationId = organisation.id;
                    ref.system = system;
                    ref.externalId = externalId;
                    externalIds.persist(ref);
                    return new Upserted(announce(OrganisationEvents.CREATED, organisation), true, true);
                });
    }

    @Transactional
    public OrganisationView get(UUID id) {
        Organisation organisation = find(id);
        if (!inWorld(organisation)) {
            throw ProblemException.notFound("Organisation", id);
        }
        return view(organisation);
    }

    @Transactional
    public Page<OrganisationView> list(PageRequest page) {
        return list(OrganisationFilter.NONE, PartnerFilter.NONE, page);
    }

    @Transactional
    public Page<OrganisationView> list(OrganisationFilter filter, PartnerFilter partners, PageRequest page) {
        List<Organisation> rows = organisations.page(confinedTo(), filter, partners, page);
        List<UUID> ids = rows.stream().map(o -> o.id).toList();
        Map<UUID, List<ExternalId>> refs = externalIds.forOrganisations(ids)
                .stream().collect(Collectors.groupingBy(e -> e.organisationId));
        Map<UUID, PartnerProfileView> profilesOf = profiles.forOrganisations(ids);
        return Page.of(rows, page, o -> o.id, o -> OrganisationView.of(o, refs.getOrDefault(o.id, List.of()), profilesOf.get(o.id)));
    }

    /**
     * Records that another system knows the organisation by this id (a PRM next to the CRM), so a
     * second system's sync finds it instead of creating a duplicate. Attaching it again is a no-op;
     * an id another organisation has is a 409. A change is a new version with organisation.updated.
     */
    @Transactional
    public Upserted attachExternalId(UUID id, String system, String externalId, String ifMatch) {
        requireMayRegister();
        Organisation organisation = find(id);
        if (ifMatch != null) {
            Versions.requireMatch(ifMatch, organisation.version);
        }
        var existing = externalIds.find(system, externalId);
        if (existing.isPresent()) {
            if (!existing.get().organisationId.equals(id)) {
                throw ProblemException.conflict(system + "/" + externalId + " already identifies organisation "
                        + existing.get().organisationId + "; merge the two organisations instead");
            }
            return new Upserted(view(organisation), false, false);
        }
        ExternalId ref = new ExternalId();
        ref.id = Ids.next();
        ref.organisationId = organisation.id;
        ref.system = system;
        ref.externalId = externalId;
        externalIds.persist(ref);
        organisations.getEntityManager().lock(organisation, jakarta.persistence.LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        return new Upserted(announce(OrganisationEvents.UPDATED, organisation), true, true);
    }

    /** Forgets one external id of the organisation (If-Match required): a new version with organisation.updated. */
    @Transactional
    public OrganisationView detachExternalId(UUID id, String system, String externalId, String ifMatch) {
        requireMayRegister();
        Organisation organisation = find(id);
        Versions.requireMatch(ifMatch, organisation.version);
        ExternalId ref = externalIds.find(system, externalId).filter(e -> e.organisationId.equals(id))
                .orElseThrow(() -> ProblemException.notFound("External id of organisation " + id, system + "/" + externalId));
        externalIds.delete(ref);
        organisations.getEntityManager().lock(organisation, jakarta.persistence.LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        return announce(OrganisationEvents.UPDATED, organisation);
    }

    /** The organisation a PRM/CRM knows by its own id, or 404. */
    @Transactional
    public OrganisationView byExternalId(String system, String externalId) {
        return externalIds.find(system, externalId).map(ref -> find(ref.organisationId)).filter(this::inWorld).map(this::view)
                .orElseThrow(() -> ProblemException.notFound("Organisation with external id", system + "/" + externalId));
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

    private OrganisationView announce(EventType<OrganisationView> event, Organisation organisation) {
        organisations.flush();
        OrganisationView view = view(organisation);
        outbox.publish(event, organisation.id, view);
        return view;
    }

    private OrganisationView view(Organisation organisation) {
        return OrganisationView.of(organisation, externalIds.forOrganisations(List.of(organisation.id)),
                profiles.find(organisation.id).map(PartnerProfileView::of).orElse(null));
    }

    /** A change of the profile alone is a new version of the organisation too (its ETag and event say so). */
    private void newVersion(Organisation organisation) {
        organisations.getEntityManager().lock(organisation, jakarta.persistence.LockModeType.PESSIMISTIC_FORCE_INCREMENT);
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

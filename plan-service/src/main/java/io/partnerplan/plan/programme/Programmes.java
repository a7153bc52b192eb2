package io.partnerplan.plan.programme;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.plan.organisation.OrganisationService;
import io.partnerplan.plan.organisation.PartnerProfile;
import io.partnerplan.plan.organisation.PartnerProfiles;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;

/**
 * The vendor's partner programmes. The vendor's people, the tenant's admins and their syncs define them
 * and read them all; a partner's people and clients read the programme they are enrolled in, nothing else
 * (404). A tier some partner holds cannot be dropped, nor a programme partners are enrolled in deleted
 * (409): move the partners first. Each change is announced (programme.created, .updated, .deleted).
 */
@ApplicationScoped
public class Programmes {

    private final EntityManager em;
    private final OrganisationService organisations;
    private final PartnerProfiles profiles;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    public Programmes(EntityManager em, OrganisationService organisations, PartnerProfiles profiles, Outbox outbox, Caller caller,
                      Clock clock) {
        this.em = em;
        this.organisations = organisations;
        this.profiles = profiles;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public ProgrammeView create(ProgrammeRequest request) {
        requireVendorSide();
        List<Tier> tiers = ProgrammeRules.check(request);
        String name = request.name().strip();
        requireNameFree(name, null);
        Programme p = new Programme();
        p.id = Ids.next();
        p.name = name;
        p.description = blankToNull(request.description());
        p.tiers = new Programme.Ladder(tiers);
        p.createdBy = caller.subject();
        p.createdAt = Instant.now(clock);
        p.updatedAt = p.createdAt;
        em.persist(p);
        return announce(ProgrammeEvents.CREATED, p);
    }

    @Transactional
    public ProgrammeView update(UUID id, String ifMatch, ProgrammeRequest request) {
        requireVendorSide();
        Programme p = visible(id);
        Versions.requireMatch(ifMatch, p.version);
        List<Tier> tiers = ProgrammeRules.check(request);
        String name = request.name().strip();
        requireNameFree(name, id);
        List<String> dropped = new ArrayList<>(p.tiers.codes());
        dropped.removeAll(tiers.stream().map(Tier::code).toList());
        long holding = profiles.enrolled(id, dropped);
        if (holding > 0) {
            throw ProblemException.conflict(holding + " partner(s) hold a tier this change drops (" + String.join(", ", dropped)
                    + "): move them to another tier first");
        }
        p.name = name;
        p.description = blankToNull(request.description());
        p.tiers = new Programme.Ladder(tiers);
        p.updatedAt = Instant.now(clock);
        return announce(ProgrammeEvents.UPDATED, p);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        requireVendorSide();
        Programme p = visible(id);
        Versions.requireMatch(ifMatch, p.version);
        long enrolled = profiles.enrolled(id, null);
        if (enrolled > 0) {
            throw ProblemException.conflict(enrolled + " partner(s) are enrolled in the programme: move them to another first");
        }
        ProgrammeView last = ProgrammeView.of(p);
        em.remove(p);
        outbox.publish(ProgrammeEvents.DELETED, id, last);
    }

    @Transactional
    public ProgrammeView get(UUID id) {
        return ProgrammeView.of(visible(id));
    }

    /** Every programme for the vendor's side; for a partner's, the one it is enrolled in. */
    @Transactional
    public Page<ProgrammeView> list(PageRequest page) {
        Optional<UUID> only = enrolledIn();
        if (organisations.confinedTo().isPresent() && only.isEmpty()) {
            return Page.of(List.of(), page, (Programme p) -> p.id, ProgrammeView::of);
        }
        StringBuilder where = new StringBuilder("from Programme where 1 = 1");
        if (only.isPresent()) {
            where.append(" and id = :only");
        }
        if (page.after().isPresent()) {
            where.append(" and id > :after");
        }
        var query = em.createQuery(where + " order by id", Programme.class);
        only.ifPresent(id -> query.setParameter("only", id));
        page.after().ifPresent(after -> query.setParameter("after", after));
        List<Programme> rows = query.setMaxResults(page.limit() + 1).getResultList();
        return Page.of(rows, page, p -> p.id, ProgrammeView::of);
    }

    /** The programme, if the caller may see it: 404 for another tenant's and, for a partner, any but its own. */
    private Programme visible(UUID id) {
        Programme p = em.find(Programme.class, id);
        if (p == null || (organisations.confinedTo().isPresent() && !enrolledIn().filter(id::equals).isPresent())) {
            throw ProblemException.notFound("Programme", id);
        }
        return p;
    }

    /** For a partner's callers: the programme their organisation is enrolled in. */
    private Optional<UUID> enrolledIn() {
        return organisations.confinedTo().flatMap(profiles::find).map((PartnerProfile profile) -> profile.programmeId);
    }

    private void requireVendorSide() {
        if (organisations.confinedTo().isPresent()) {
            throw ProblemException.forbidden("A partner's people and clients define no programmes");
        }
    }

    private void requireNameFree(String name, UUID self) {
        List<Programme> same = em.createQuery("from Programme where lower(name) = lower(?1)", Programme.class)
                .setParameter(1, name).getResultList();
        if (same.stream().anyMatch(p -> !p.id.equals(self))) {
            throw ProblemException.conflict("Programme " + same.get(0).id + " is already named " + name);
        }
    }

    private ProgrammeView announce(io.partnerplan.platform.events.EventType<ProgrammeView> event, Programme p) {
        em.flush();
        ProgrammeView view = ProgrammeView.of(p);
        outbox.publish(event, p.id, view);
        return view;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

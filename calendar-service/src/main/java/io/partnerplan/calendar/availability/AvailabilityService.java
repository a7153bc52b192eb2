package io.partnerplan.calendar.availability;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.security.Roles;

/**
 * Out-of-office periods. A member declares their own; a vendor-manager, partner-owner or
 * tenant-admin may declare, change or cancel one for anyone of their own organisation (the
 * organisation is always the caller's, from the token). Every change emits availability.changed.
 */
@ApplicationScoped
public class AvailabilityService {

    /** Long leaves exist, but a period longer than this is more likely a typo in a year. */
    static final int MAX_DAYS = 366;

    private final AvailabilityRepository availabilities;
    private final EntityManager em;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;
    private final io.partnerplan.calendar.organisation.KnownPeople people;

    public AvailabilityService(io.partnerplan.calendar.organisation.KnownPeople people,
                               AvailabilityRepository availabilities, EntityManager em, Outbox outbox, Caller caller,
                               Clock clock) {
        this.availabilities = availabilities;
        this.em = em;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
        this.people = people;
    }

    @Transactional
    public AvailabilityView declare(AvailabilityRequest request) {
        UUID organisation = caller.requireOrganisation();
        String subject = request.subject() == null || request.subject().isBlank() ? caller.subject() : request.subject().trim();
        requireMayActFor(subject);
        if (!subject.equals(caller.subject()) && !people.belongsTo(subject, organisation)) {
            // An owner speaks for their own organisation's people only: never declares the vendor's (or another
            // partner's) people away, which would route their notifications to a delegate of the owner's choosing.
            throw ProblemException.badRequest("subject", "must be you or a person of your own organisation (as its directory "
                    + "knows them); nobody declares another organisation's people away");
        }
        Availability a = new Availability();
        a.id = Ids.next();
        a.organisationId = organisation;
        a.subject = subject;
        a.declaredBy = caller.subject();
        a.status = AvailabilityStatus.DECLARED;
        define(a, request);
        availabilities.persist(a);
        return changed(a);
    }

    @Transactional
    public AvailabilityView update(UUID id, String ifMatch, AvailabilityRequest request) {
        Availability a = find(id);
        requireMayActFor(a.subject);
        Versions.requireMatch(ifMatch, a.version);
        requireOpen(a);
        if (request.subject() != null && !request.subject().isBlank() && !request.subject().trim().equals(a.subject)) {
            throw ProblemException.badRequest("subject", "cannot change; cancel this period and declare one for the other person");
        }
        define(a, request);
        a.status = AvailabilityStatus.UPDATED; // after define's queries: one flush, one version step
        return changed(a);
    }

    @Transactional
    public AvailabilityView cancel(UUID id, String ifMatch) {
        Availability a = find(id);
        requireMayActFor(a.subject);
        Versions.requireMatch(ifMatch, a.version);
        requireOpen(a);
        a.status = AvailabilityStatus.CANCELLED;
        a.updatedAt = Instant.now(clock);
        return changed(a);
    }

    @Transactional
    public AvailabilityView get(UUID id) {
        return AvailabilityView.of(find(id));
    }

    /** The caller's organisation's periods that end on or after {@code from} (today when absent). */
    @Transactional
    public Page<AvailabilityView> list(String subject, LocalDate from, PageRequest page) {
        UUID organisation = caller.requireOrganisation();
        LocalDate endingFrom = from == null ? LocalDate.now(clock) : from;
        return Page.of(availabilities.page(organisation, subject, endingFrom, page), page, a -> a.id, AvailabilityView::of);
    }

    private void define(Availability a, AvailabilityRequest request) {
        String delegate = request.delegateSubject().trim();
        if (delegate.equals(a.subject)) {
            throw ProblemException.badRequest("delegateSubject", "must be someone other than the person who is away");
        }
        if (people.belongsElsewhere(delegate, a.organisationId)) {
            // The delegate receives the absent person's notifications: never someone of the vendor or of another partner.
            throw ProblemException.badRequest("delegateSubject", "must not be a person of another organisation: the delegate "
                    + "receives the absent person's notifications");
        }
        if (request.endsOn().isBefore(request.startsOn())) {
            throw ProblemException.badRequest("endsOn", "must not be before startsOn");
        }
        if (request.startsOn().plusDays(MAX_DAYS).isBefore(request.endsOn())) {
            throw ProblemException.badRequest("endsOn", "must be within " + MAX_DAYS + " days of startsOn");
        }
        // One person's declarations are serialised, so two overlapping ones cannot both pass the check below.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "availability:" + caller.requireTenant() + ":" + a.organisationId + ":" + a.subject)
                .getSingleResult();
        availabilities.overlapping(a.organisationId, a.subject, request.startsOn(), request.endsOn(), a.id).stream()
                .findFirst().ifPresent(other -> {
                    throw new ProblemException(409, "availability-overlap", "Overlapping out-of-office periods",
                            a.subject + " is already away from " + other.startsOn + " to " + other.endsOn
                                    + " (" + other.id + "); change that period instead",
                            java.util.List.of(new io.partnerplan.platform.problem.Problem.FieldError("startsOn",
                                    "overlaps period " + other.id)));
                });
        a.delegateSubject = delegate;
        a.startsOn = request.startsOn();
        a.endsOn = request.endsOn();
        a.note = request.note();
        a.updatedAt = Instant.now(clock);
    }

    private AvailabilityView changed(Availability a) {
        availabilities.flush();
        AvailabilityView view = AvailabilityView.of(a);
        outbox.publish(AvailabilityEvents.CHANGED, a.organisationId, view);
        return view;
    }

    /** Another organisation's periods do not exist for the caller. */
    private Availability find(UUID id) {
        Availability a = availabilities.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Out-of-office period", id));
        if (!caller.organisation().filter(a.organisationId::equals).isPresent()) {
            throw ProblemException.notFound("Out-of-office period", id);
        }
        return a;
    }

    private void requireMayActFor(String subject) {
        if (subject.equals(caller.subject())) {
            return;
        }
        if (!(caller.hasRole(Roles.VENDOR_MANAGER) || caller.hasRole(Roles.PARTNER_OWNER) || caller.hasRole(Roles.TENANT_ADMIN))) {
            throw ProblemException.forbidden("Only a vendor-manager, partner-owner or tenant-admin of your organisation "
                    + "declares or changes someone else's out-of-office period");
        }
    }

    private static void requireOpen(Availability a) {
        if (a.status == AvailabilityStatus.CANCELLED) {
            throw ProblemException.conflict("This out-of-office period was cancelled; declare a new one");
        }
    }
}

package io.partnerplan.calendar.mop;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerplan.calendar.availability.AvailabilityRepository;
import io.partnerplan.calendar.availability.AvailabilityView;
import io.partnerplan.calendar.blocked.BlockedPeriodRepository;
import io.partnerplan.calendar.blocked.BlockedPeriodView;
import io.partnerplan.calendar.fiscal.FiscalCalendarRepository;
import io.partnerplan.calendar.fiscal.FiscalCalendarRules;
import io.partnerplan.calendar.organisation.KnownOrganisations;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.security.Roles;

/**
 * Mutual Operating Periods: either side proposes, the other accepts; the proposer's side counts as
 * having accepted its own proposal. A counter-proposal supersedes the open one.
 */
@ApplicationScoped
public class MopService {

    /** docs/domain.md "Closing window": the last two weeks of a quarter are when deals are pushed. */
    public static final int DEFAULT_CLOSING_DAYS = 14;

    private final MopRepository mops;
    private final FiscalCalendarRepository calendars;
    private final AvailabilityRepository availabilities;
    private final BlockedPeriodRepository blocked;
    private final Outbox outbox;
    private final Caller caller;
    private final KnownOrganisations organisations;
    private final MopSettings settings;

    public MopService(MopRepository mops, FiscalCalendarRepository calendars, AvailabilityRepository availabilities,
                      BlockedPeriodRepository blocked, Outbox outbox, Caller caller, KnownOrganisations organisations,
                      MopSettings settings) {
        this.settings = settings;
        this.mops = mops;
        this.blocked = blocked;
        this.availabilities = availabilities;
        this.calendars = calendars;
        this.outbox = outbox;
        this.caller = caller;
        this.organisations = organisations;
    }

    @Transactional
    public SideBySide sideBySide(UUID vendor, UUID partner, LocalDate from, LocalDate to, int closingDays) {
        requireParty(vendor, partner);
        requireRange(from, to, closingDays);
        SideBySide view = SideBySide.of(rules(vendor), rules(partner), from, to, closingDays);
        // Until the two work together, each sees only its own organisation's days off and nobody's absences.
        boolean partners = partnership(vendor, partner);
        List<UUID> visible = partners ? List.of(vendor, partner) : caller.organisation().map(List::of).orElse(List.of());
        return view.with(partners ? away(vendor, partner, view.vendor(), view.partner()) : List.of(),
                blocked.overlapping(visible, from, to).stream().map(BlockedPeriodView::of).toList());
    }

    /** Who of either side is away in either side's closing window within {@code from..to}. */
    @Transactional
    public List<AwayInClosingWindow> awayInClosingWindows(UUID vendor, UUID partner, LocalDate from, LocalDate to,
                                                          int closingDays) {
        requireParty(vendor, partner);
        requireRange(from, to, closingDays);
        if (!partnership(vendor, partner)) {
            throw ProblemException.notFound("Partnership", vendor + "/" + partner);
        }
        return away(vendor, partner, SideBySide.quarterEnds(rules(vendor), from, to, closingDays),
                SideBySide.quarterEnds(rules(partner), from, to, closingDays));
    }

    private List<AwayInClosingWindow> away(UUID vendor, UUID partner, List<QuarterEnd> vendorEnds, List<QuarterEnd> partnerEnds) {
        LocalDate first = java.util.stream.Stream.concat(vendorEnds.stream(), partnerEnds.stream())
                .map(QuarterEnd::closingFrom).min(LocalDate::compareTo).orElse(null);
        LocalDate last = java.util.stream.Stream.concat(vendorEnds.stream(), partnerEnds.stream())
                .map(QuarterEnd::date).max(LocalDate::compareTo).orElse(null);
        if (first == null) {
            return List.of();
        }
        List<AvailabilityView> absences = availabilities.away(List.of(vendor, partner), first, last).stream()
                .map(AvailabilityView::of).toList();
        return AwayInClosingWindow.find(vendor, vendorEnds, partnerEnds, absences);
    }

    @Transactional
    public List<MopCandidate> candidates(UUID vendor, UUID partner, LocalDate start, int closingDays) {
        requireParty(vendor, partner);
        requireRange(start, start, closingDays);
        return new MopPlanner(rules(vendor), rules(partner), closingDays, settings.minimumPeriodWeeks()).candidates(start);
    }

    @Transactional
    public MopView propose(MopProposal proposal) {
        Side side = requireSigner(proposal.vendorOrganisationId(), proposal.partnerOrganisationId());
        organisations.require(proposal.vendorOrganisationId(), proposal.partnerOrganisationId());
        MopCandidate candidate;
        try {
            candidate = new MopPlanner(rules(proposal.vendorOrganisationId()), rules(proposal.partnerOrganisationId()),
                    DEFAULT_CLOSING_DAYS, settings.minimumPeriodWeeks()).candidate(proposal.form(), proposal.start());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("form", e.getMessage());
        }
        MutualOperatingPeriod mop = new MutualOperatingPeriod();
        mop.id = Ids.next();
        mop.vendorOrganisationId = proposal.vendorOrganisationId();
        mop.partnerOrganisationId = proposal.partnerOrganisationId();
        mop.form = proposal.form();
        mop.status = MopStatus.PROPOSED;
        mop.periods = candidate.periods();
        mop.horizonStart = candidate.periods().get(0).start();
        mop.horizonEnd = candidate.periods().get(candidate.periods().size() - 1).end();
        mop.proposedBy = caller.subject();
        mop.proposedAt = Instant.now();
        accept(mop, side, mop.proposedAt);
        mops.supersede(mop.vendorOrganisationId, mop.partnerOrganisationId, MopStatus.PROPOSED, mop.id);
        mops.persist(mop);
        mops.flush();
        MopView view = MopView.of(mop);
        outbox.publish(MopEvents.PROPOSED, mop.id, view);
        return view;
    }

    /** The other side accepts: the MOP is agreed and replaces the pair's previous agreement. */
    @Transactional
    public MopView accept(UUID id, String ifMatch) {
        MutualOperatingPeriod mop = find(id);
        Side side = requireSigner(mop.vendorOrganisationId, mop.partnerOrganisationId);
        Versions.requireMatch(ifMatch, mop.version);
        if (mop.status != MopStatus.PROPOSED) {
            throw ProblemException.conflict("This MOP is " + mop.status.name().toLowerCase() + "; only a proposal can be accepted");
        }
        if (accepted(mop, side)) {
            throw ProblemException.conflict("Your side already accepted this MOP; it waits for the other side");
        }
        // The previous agreement steps down first: at most one agreed MOP per partnership (unique index).
        mops.supersede(mop.vendorOrganisationId, mop.partnerOrganisationId, MopStatus.AGREED, mop.id);
        mops.flush();
        accept(mop, side, Instant.now());
        mop.status = MopStatus.AGREED;
        mops.flush();
        MopView view = MopView.of(mop);
        outbox.publish(MopEvents.AGREED, mop.id, view);
        return view;
    }

    @Transactional
    public MopView get(UUID id) {
        return MopView.of(find(id));
    }

    @Transactional
    public Page<MopView> list(UUID vendor, UUID partner, PageRequest page) {
        requireParty(vendor, partner);
        return Page.of(mops.page(vendor, partner, page), page, m -> m.id, MopView::of);
    }

    private MutualOperatingPeriod find(UUID id) {
        MutualOperatingPeriod mop = mops.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("MOP", id));
        if (!isParty(mop.vendorOrganisationId, mop.partnerOrganisationId)) {
            throw ProblemException.notFound("MOP", id);
        }
        return mop;
    }

    private FiscalCalendarRules rules(UUID organisation) {
        return calendars.of(organisation)
                .orElseThrow(() -> ProblemException.conflict("Organisation " + organisation
                        + " has no fiscal calendar yet; set both parties' calendars first"))
                .rules();
    }

    private enum Side { VENDOR, PARTNER }

    private static boolean accepted(MutualOperatingPeriod mop, Side side) {
        return side == Side.VENDOR ? mop.vendorAcceptedBy != null : mop.partnerAcceptedBy != null;
    }

    private void accept(MutualOperatingPeriod mop, Side side, Instant at) {
        if (side == Side.VENDOR) {
            mop.vendorAcceptedBy = caller.subject();
            mop.vendorAcceptedAt = at;
        } else {
            mop.partnerAcceptedBy = caller.subject();
            mop.partnerAcceptedAt = at;
        }
    }

    /**
     * Who is away, with their delegate and note, is shared with the other side of a partnership only:
     * two organisations that have proposed a Mutual Operating Period to each other (any status), not
     * any pair a caller names. A tenant admin sees every pair.
     */
    private boolean partnership(UUID vendor, UUID partner) {
        return caller.hasRole(Roles.TENANT_ADMIN)
                || mops.count("vendorOrganisationId = ?1 and partnerOrganisationId = ?2", vendor, partner) > 0;
    }

    private boolean isParty(UUID vendor, UUID partner) {
        return caller.organisation().filter(org -> org.equals(vendor) || org.equals(partner)).isPresent()
                || caller.hasRole(Roles.TENANT_ADMIN);
    }

    /** A partnership the caller is no party of does not exist for them (404, like another tenant's data). */
    private void requireParty(UUID vendor, UUID partner) {
        if (!isParty(vendor, partner)) {
            throw ProblemException.notFound("Partnership", vendor + "/" + partner);
        }
        organisations.require(vendor, partner);
    }

    /** The side the caller signs for: a manager, owner or sponsor of one of the two organisations. */
    private Side requireSigner(UUID vendor, UUID partner) {
        UUID mine = caller.requireOrganisation();
        if (mine.equals(vendor) && (caller.hasRole(Roles.VENDOR_MANAGER) || caller.hasRole(Roles.EXECUTIVE_SPONSOR))) {
            return Side.VENDOR;
        }
        if (mine.equals(partner) && (caller.hasRole(Roles.PARTNER_OWNER) || caller.hasRole(Roles.EXECUTIVE_SPONSOR))) {
            return Side.PARTNER;
        }
        if (!mine.equals(vendor) && !mine.equals(partner)) {
            throw ProblemException.forbidden("Only the vendor or the partner of this partnership proposes and accepts its MOP");
        }
        throw ProblemException.forbidden("Proposing or accepting a MOP needs the vendor-manager, partner-owner or "
                + "executive-sponsor role of your side");
    }

    private static void requireRange(LocalDate from, LocalDate to, int closingDays) {
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw ProblemException.badRequest("to", "must be within 5 years of from");
        }
        if (closingDays < 1 || closingDays > 45) {
            throw ProblemException.badRequest("closingDays", "must be between 1 and 45");
        }
    }
}

package io.partnerplan.calendar.blocked;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerplan.calendar.organisation.KnownOrganisations;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.security.Roles;

/**
 * Holidays and blackout periods, declared by the organisation's own members (viewers excepted) or
 * the tenant's admin. Another organisation's list is not found, like another tenant's; the
 * partnership's side-by-side answer shows both parties' periods to either of them.
 */
@ApplicationScoped
public class BlockedPeriods {

    static final int MAX_DAYS = 366;

    private final BlockedPeriodRepository periods;
    private final Caller caller;
    private final KnownOrganisations organisations;
    private final Clock clock;

    public BlockedPeriods(BlockedPeriodRepository periods, Caller caller, Clock clock, KnownOrganisations organisations) {
        this.organisations = organisations;
        this.periods = periods;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public BlockedPeriodView declare(UUID organisation, BlockedPeriodRequest request) {
        requireMember(organisation);
        if (caller.roles().equals(java.util.Set.of(Roles.VIEWER))) {
            throw ProblemException.forbidden("Viewers do not declare holidays or blackout periods");
        }
        if (request.endsOn().isBefore(request.startsOn())) {
            throw ProblemException.badRequest("endsOn", "must not be before startsOn");
        }
        if (request.startsOn().plusDays(MAX_DAYS).isBefore(request.endsOn())) {
            throw ProblemException.badRequest("endsOn", "must be within " + MAX_DAYS + " days of startsOn");
        }
        BlockedPeriod b = new BlockedPeriod();
        b.id = Ids.next();
        b.organisationId = organisation;
        b.kind = request.kind();
        b.name = request.name().trim();
        b.startsOn = request.startsOn();
        b.endsOn = request.endsOn();
        b.declaredBy = caller.subject();
        b.declaredAt = Instant.now(clock);
        periods.persist(b);
        periods.flush();
        return BlockedPeriodView.of(b);
    }

    @Transactional
    public List<BlockedPeriodView> list(UUID organisation, LocalDate from, LocalDate to) {
        requireMember(organisation);
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        return periods.overlapping(List.of(organisation), from, to).stream().map(BlockedPeriodView::of).toList();
    }

    @Transactional
    public void withdraw(UUID organisation, UUID id, String ifMatch) {
        requireMember(organisation);
        BlockedPeriod b = periods.findByIdOptional(id).filter(p -> p.organisationId.equals(organisation))
                .orElseThrow(() -> ProblemException.notFound("Holiday or blackout period", id));
        Versions.requireMatch(ifMatch, b.version);
        periods.delete(b);
    }

    private void requireMember(UUID organisation) {
        boolean member = caller.organisation().filter(organisation::equals).isPresent();
        if (!member && !caller.hasRole(Roles.TENANT_ADMIN)) {
            throw ProblemException.notFound("Holidays and blackout periods of organisation", organisation);
        }
        organisations.require(organisation);
    }
}

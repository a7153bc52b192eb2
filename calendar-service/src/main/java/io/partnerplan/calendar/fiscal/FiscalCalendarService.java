package io.partnerplan.calendar.fiscal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerplan.calendar.organisation.KnownOrganisations;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.security.Roles;

@ApplicationScoped
public class FiscalCalendarService {

    private final FiscalCalendarRepository calendars;
    private final Outbox outbox;
    private final Caller caller;
    private final KnownOrganisations organisations;

    public FiscalCalendarService(FiscalCalendarRepository calendars, Outbox outbox, Caller caller,
                                 KnownOrganisations organisations) {
        this.organisations = organisations;
        this.calendars = calendars;
        this.outbox = outbox;
        this.caller = caller;
    }

    /** Creates the calendar, or replaces it when {@code ifMatch} names its current version. */
    @Transactional
    public Result put(UUID organisation, String ifMatch, FiscalCalendarRequest request) {
        organisations.requireVisible(organisation);
        requireMaySet(organisation);
        FiscalCalendarSpec.rules(request); // refuses an incomplete or impossible calendar before anything is written
        Optional<FiscalCalendar> existing = calendars.of(organisation);
        FiscalCalendar calendar = existing.orElseGet(FiscalCalendar::new);
        if (existing.isPresent()) {
            Versions.requireMatch(ifMatch, calendar.version);
        } else {
            calendar.id = Ids.next();
            calendar.organisationId = organisation;
        }
        FiscalCalendar.rules(request, calendar.versions); // the later versions must still chain onto the new first one
        calendar.define(request);
        calendar.updatedAt = Instant.now();
        calendars.persist(calendar);
        calendars.flush();
        FiscalCalendarView view = FiscalCalendarView.of(calendar);
        outbox.publish(FiscalCalendarEvents.CHANGED, organisation, view);
        return new Result(view, existing.isEmpty());
    }

    /**
     * Adds a version in effect from {@code effectiveFrom}: dates before it keep the calendar they had.
     * Versions are added in date order and must chain (see {@link VersionedFiscalCalendar}).
     */
    @Transactional
    public FiscalCalendarView addVersion(UUID organisation, String ifMatch, FiscalCalendarVersionRequest request) {
        organisations.requireVisible(organisation);
        requireMaySet(organisation);
        FiscalCalendarSpec.rules(request.calendar());
        FiscalCalendar calendar = calendarOf(organisation);
        Versions.requireMatch(ifMatch, calendar.version);
        List<FiscalCalendarVersion> versions = new java.util.ArrayList<>(calendar.versions);
        versions.add(FiscalCalendarVersion.of(request.effectiveFrom(), request.calendar(), request.transition()));
        FiscalCalendar.rules(calendar.definition(), versions); // refuses overlapping or unchained versions, writing nothing
        calendar.versions.add(versions.get(versions.size() - 1));
        calendar.updatedAt = Instant.now();
        calendars.flush();
        FiscalCalendarView view = FiscalCalendarView.of(calendar);
        outbox.publish(FiscalCalendarEvents.CHANGED, organisation, view);
        return view;
    }

    @Transactional
    public FiscalCalendarView get(UUID organisation) {
        return FiscalCalendarView.of(calendarOf(organisation));
    }

    @Transactional
    public FiscalPosition locate(UUID organisation, LocalDate date) {
        return calendarOf(organisation).rules().locate(date);
    }

    /** Many dates in one call, e.g. a CRM export's close dates. */
    @Transactional
    public List<FiscalPosition> locate(UUID organisation, List<LocalDate> dates) {
        FiscalCalendarRules rules = calendarOf(organisation).rules();
        return dates.stream().map(rules::locate).toList();
    }

    @Transactional
    public List<FiscalPeriodRange> periods(UUID organisation, int fiscalYear) {
        return calendarOf(organisation).rules().periods(fiscalYear);
    }

    @Transactional
    public List<FiscalQuarterRange> quartersTouching(UUID organisation, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (from.plusYears(20).isBefore(to)) {
            throw ProblemException.badRequest("to", "must be within 20 years of from");
        }
        return calendarOf(organisation).rules().quartersTouching(from, to);
    }

    private FiscalCalendar calendarOf(UUID organisation) {
        organisations.requireVisible(organisation);
        return calendars.of(organisation)
                .orElseThrow(() -> ProblemException.notFound("Fiscal calendar of organisation", organisation));
    }

    /**
     * The vendor's people (and tenant-wide callers) set any calendar; a partner's owner or client sets
     * only their own organisation's.
     */
    private void requireMaySet(UUID organisation) {
        boolean vendorSide = organisations.confinedTo().isEmpty() && (caller.hasRole(Roles.TENANT_ADMIN)
                || caller.hasRole(Roles.VENDOR_MANAGER) || caller.hasRole(Roles.INTEGRATION));
        boolean ownOrganisation = (caller.hasRole(Roles.PARTNER_OWNER) || caller.hasRole(Roles.INTEGRATION))
                && caller.organisation().filter(organisation::equals).isPresent();
        if (!vendorSide && !ownOrganisation) {
            throw ProblemException.forbidden("You may only set your own organisation's fiscal calendar");
        }
    }

    public record Result(FiscalCalendarView calendar, boolean created) {
    }
}

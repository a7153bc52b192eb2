package io.partnerplan.calendar.period;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;


import io.partnerplan.calendar.availability.AvailabilityRepository;
import io.partnerplan.calendar.availability.AvailabilityView;
import io.partnerplan.calendar.fiscal.FiscalCalendarRepository;
import io.partnerplan.calendar.mop.AwayInClosingWindow;
import io.partnerplan.calendar.mop.MopPeriod;
import io.partnerplan.calendar.mop.MopStatus;
import io.partnerplan.calendar.mop.MutualOperatingPeriod;
import io.partnerplan.calendar.mop.QuarterEnd;
import io.partnerplan.calendar.mop.SideBySide;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.security.Caller;
import io.quarkus.scheduler.Scheduled;

/**
 * For every partnership with an agreed MOP: a member of either side who will be away during a
 * closing window (the last days before a MOP period ends, or before either party's fiscal quarter
 * ends) is announced ahead, {@code availability.conflict}, with the delegate who stands in, as soon
 * as the window opens within the lead time. Once per absence, partnership, window and scope (unique
 * key), whatever the replicas; an absence cancelled before then is not announced.
 */
@ApplicationScoped
public class ClosingWindowConflicts {

    private final AgreedMopTenants tenants;
    private final EntityManager em;
    private final FiscalCalendarRepository calendars;
    private final AvailabilityRepository availabilities;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;
    private final int closingDays;
    private final ClosingWindowSettings settings;

    public ClosingWindowConflicts(AgreedMopTenants tenants, EntityManager em, FiscalCalendarRepository calendars, AvailabilityRepository availabilities,
                                  Outbox outbox, Caller caller, Clock clock, ClosingWindowSettings settings, PeriodSettings periods) {
        this.tenants = tenants;
        this.em = em;
        this.calendars = calendars;
        this.availabilities = availabilities;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
        this.settings = settings;
        this.closingDays = periods.closingDays();
    }

    @Scheduled(every = "${partnerplan.conflicts.check-interval:1h}", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        announceAll(LocalDate.now(clock));
    }

    /** @return how many conflicts were announced, across tenants */
    @ActivateRequestContext
    public int announceAll(LocalDate today) {
        int made = 0;
        for (String tenant : tenants.list()) {
            made += announce(tenant, today);
        }
        return made;
    }


    /** One tenant per transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int announce(String tenant, LocalDate today) {
        caller.actAsTenant(tenant);
        int made = 0;
        // Windows that are open now or open within the lead time.
        LocalDate to = today.plusDays(settings.leadDays() + (long) closingDays);
        List<MutualOperatingPeriod> agreed = em.createQuery("from MutualOperatingPeriod m where m.status = ?1",
                MutualOperatingPeriod.class).setParameter(1, MopStatus.AGREED).getResultList();
        for (MutualOperatingPeriod mop : agreed) {
            List<Window> windows = new ArrayList<>();
            for (MopPeriod p : mop.periods) {
                if (!p.end().isBefore(today) && !p.end().isAfter(to)) {
                    windows.add(new Window("MOP", null, new QuarterEnd(p.label(), p.end(), p.end().minusDays(closingDays - 1L))));
                }
            }
            calendars.of(mop.vendorOrganisationId).ifPresent(c -> SideBySide.quarterEnds(c.rules(), today, to, closingDays)
                    .forEach(q -> windows.add(new Window("VENDOR", mop.vendorOrganisationId, q))));
            calendars.of(mop.partnerOrganisationId).ifPresent(c -> SideBySide.quarterEnds(c.rules(), today, to, closingDays)
                    .forEach(q -> windows.add(new Window("PARTNER", mop.partnerOrganisationId, q))));
            for (Window window : windows) {
                LocalDate opens = window.end().closingFrom();
                if (ChronoUnit.DAYS.between(today, opens) > settings.leadDays() || window.end().date().isBefore(today)) {
                    continue;
                }
                List<AvailabilityView> away = availabilities
                        .away(List.of(mop.vendorOrganisationId, mop.partnerOrganisationId), opens, window.end().date())
                        .stream().map(AvailabilityView::of).toList();
                for (AwayInClosingWindow absence : AwayInClosingWindow.find(mop.vendorOrganisationId, List.of(window.end()),
                        List.of(), away)) {
                    made += once(tenant, mop, window, absence, today);
                }
            }
        }
        return made;
    }

    private int once(String tenant, MutualOperatingPeriod mop, Window window, AwayInClosingWindow absence, LocalDate today) {
        int inserted = em.createNativeQuery("""
                        insert into availability_conflict_announcement (tenant_id, availability_id, vendor_organisation_id,
                            partner_organisation_id, scope, period_end, announced_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, now()) on conflict do nothing""")
                .setParameter(1, tenant).setParameter(2, absence.availabilityId()).setParameter(3, mop.vendorOrganisationId)
                .setParameter(4, mop.partnerOrganisationId).setParameter(5, window.scope()).setParameter(6, window.end().date())
                .executeUpdate();
        if (inserted == 1) {
            AwayInClosingWindow.Clash clash = absence.clashes().get(0);
            outbox.publish(PeriodEvents.AVAILABILITY_CONFLICT, absence.availabilityId(), new Conflict(
                    absence.availabilityId(), mop.id, mop.vendorOrganisationId, mop.partnerOrganisationId,
                    absence.organisationId(), absence.side(), absence.subject(), absence.delegateSubject(),
                    absence.startsOn(), absence.endsOn(), window.scope(), window.organisationId(), window.end().label(),
                    window.end().date(), window.end().closingFrom(), clash.awayFrom(), clash.awayTo(),
                    ChronoUnit.DAYS.between(today, window.end().closingFrom())));
        }
        return inserted;
    }

    private record Window(String scope, UUID organisationId, QuarterEnd end) {
    }

    /**
     * Data of availability.conflict: who ({@code subject}, of {@code side}) is away on
     * {@code awayFrom..awayTo} of the closing window {@code closingFrom..periodEnd} of {@code scope}
     * (the MOP, or the VENDOR's or PARTNER's own quarter; {@code organisationId} then names whose),
     * and the {@code delegateSubject} who stands in.
     */
    public record Conflict(UUID availabilityId, UUID mopId, UUID vendorOrganisationId, UUID partnerOrganisationId,
                           UUID absentOrganisationId, String side, String subject, String delegateSubject,
                           LocalDate startsOn, LocalDate endsOn, String scope, UUID organisationId, String label,
                           LocalDate periodEnd, LocalDate closingFrom, LocalDate awayFrom, LocalDate awayTo,
                           long daysUntilClosing) {
    }
}

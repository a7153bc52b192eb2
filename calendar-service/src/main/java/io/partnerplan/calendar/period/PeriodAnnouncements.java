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


import io.partnerplan.calendar.fiscal.FiscalCalendarRepository;
import io.partnerplan.calendar.mop.MopPeriod;
import io.partnerplan.calendar.mop.MopStatus;
import io.partnerplan.calendar.mop.MutualOperatingPeriod;
import io.partnerplan.calendar.mop.QuarterEnd;
import io.partnerplan.calendar.mop.SideBySide;
import io.partnerplan.platform.events.EventType;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.security.Caller;
import io.quarkus.scheduler.Scheduled;

/**
 * For every partnership with an agreed MOP: {@code period.closing} when a MOP period or either
 * party's fiscal quarter is within its closing window, {@code period.closed} the day after it ends.
 * Each announcement is recorded under a unique key, so it is made once, whatever the replicas.
 */
@ApplicationScoped
public class PeriodAnnouncements {

    /** How far back a missed period.closed is still worth announcing (after an outage of the job). */
    private static final int CLOSED_LOOKBACK_DAYS = 7;

    private final AgreedMopTenants tenants;
    private final EntityManager em;
    private final FiscalCalendarRepository calendars;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;
    private final int closingDays;

    public PeriodAnnouncements(AgreedMopTenants tenants, EntityManager em, FiscalCalendarRepository calendars, Outbox outbox, Caller caller,
                               Clock clock, PeriodSettings settings) {
        this.tenants = tenants;
        this.em = em;
        this.calendars = calendars;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
        this.closingDays = settings.closingDays();
    }

    @Scheduled(every = "${partnerplan.periods.check-interval:1h}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        announceAll(LocalDate.now(clock));
    }

    /** @return how many announcements were made, across tenants */
    @ActivateRequestContext
    public int announceAll(LocalDate today) {
        int made = 0;
        for (String tenant : tenants.list()) {
            made += announce(tenant, today);
        }
        return made;
    }


    /** One tenant per transaction: the session opened here is scoped to it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int announce(String tenant, LocalDate today) {
        caller.actAsTenant(tenant);
        int made = 0;
        List<MutualOperatingPeriod> agreed = em.createQuery("from MutualOperatingPeriod m where m.status = ?1",
                MutualOperatingPeriod.class).setParameter(1, MopStatus.AGREED).getResultList();
        for (MutualOperatingPeriod mop : agreed) {
            List<Closing> periods = new ArrayList<>();
            for (MopPeriod p : mop.periods) {
                periods.add(new Closing("MOP", null, p.label(), p.end()));
            }
            LocalDate from = today.minusDays(CLOSED_LOOKBACK_DAYS);
            LocalDate to = today.plusDays(closingDays);
            calendars.of(mop.vendorOrganisationId).ifPresent(c -> {
                for (QuarterEnd q : SideBySide.quarterEnds(c.rules(), from, to, closingDays)) {
                    periods.add(new Closing("VENDOR", mop.vendorOrganisationId, q.label(), q.date()));
                }
            });
            calendars.of(mop.partnerOrganisationId).ifPresent(c -> {
                for (QuarterEnd q : SideBySide.quarterEnds(c.rules(), from, to, closingDays)) {
                    periods.add(new Closing("PARTNER", mop.partnerOrganisationId, q.label(), q.date()));
                }
            });
            for (Closing period : periods) {
                long days = ChronoUnit.DAYS.between(today, period.end());
                if (days >= 0 && days <= closingDays) {
                    made += once(tenant, mop, period, PeriodEvents.CLOSING, days);
                } else if (days < 0 && days >= -CLOSED_LOOKBACK_DAYS) {
                    made += once(tenant, mop, period, PeriodEvents.CLOSED, days);
                }
            }
        }
        return made;
    }

    private int once(String tenant, MutualOperatingPeriod mop, Closing period, EventType<Announcement> event, long days) {
        int inserted = em.createNativeQuery("""
                        insert into period_announcement (tenant_id, mop_id, scope, period_end, event, announced_at)
                        values (?1, ?2, ?3, ?4, ?5, now()) on conflict do nothing""")
                .setParameter(1, tenant).setParameter(2, mop.id).setParameter(3, period.scope())
                .setParameter(4, period.end()).setParameter(5, event.name()).executeUpdate();
        if (inserted == 1) {
            outbox.publish(event, mop.id, new Announcement(mop.id, mop.vendorOrganisationId, mop.partnerOrganisationId,
                    period.scope(), period.organisationId(), period.label(), period.end(), days));
        }
        return inserted;
    }

    private record Closing(String scope, UUID organisationId, String label, LocalDate end) {
    }

    /**
     * Data of period.closing / period.closed. {@code scope}: MOP, or the VENDOR's or PARTNER's own
     * fiscal quarter ({@code organisationId} then names whose).
     */
    public record Announcement(UUID mopId, UUID vendorOrganisationId, UUID partnerOrganisationId, String scope,
                               UUID organisationId, String label, LocalDate periodEnd, long daysUntilEnd) {
    }
}

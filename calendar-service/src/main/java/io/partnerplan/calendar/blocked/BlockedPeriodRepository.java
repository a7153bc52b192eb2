package io.partnerplan.calendar.blocked;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class BlockedPeriodRepository implements PanacheRepositoryBase<BlockedPeriod, UUID> {

    /** The organisations' periods that share a day with {@code from..to}, by start date. */
    public List<BlockedPeriod> overlapping(Collection<UUID> organisations, LocalDate from, LocalDate to) {
        return list("organisationId in ?1 and startsOn <= ?2 and endsOn >= ?3 order by startsOn, id", organisations, to, from);
    }

    /** Every day of the organisations' holidays within {@code from..to}. */
    public List<LocalDate> holidays(Collection<UUID> organisations, LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (BlockedPeriod b : overlapping(organisations, from, to)) {
            if (b.kind == BlockedPeriodKind.HOLIDAY) {
                b.startsOn.datesUntil(b.endsOn.plusDays(1)).forEach(days::add);
            }
        }
        return days;
    }
}

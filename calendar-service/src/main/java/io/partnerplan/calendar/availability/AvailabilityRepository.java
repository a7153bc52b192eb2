package io.partnerplan.calendar.availability;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerplan.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AvailabilityRepository implements PanacheRepositoryBase<Availability, UUID> {

    /** The person's periods, not cancelled, that share a day with {@code from..to}; {@code except} is the one being edited. */
    public List<Availability> overlapping(UUID organisation, String subject, LocalDate from, LocalDate to, UUID except) {
        return list("organisationId = ?1 and subject = ?2 and status <> ?3 and startsOn <= ?4 and endsOn >= ?5 and id <> ?6",
                organisation, subject, AvailabilityStatus.CANCELLED, to, from, except);
    }

    /** Who of these organisations is away on any day of {@code from..to}. */
    public List<Availability> away(Collection<UUID> organisations, LocalDate from, LocalDate to) {
        return list("organisationId in ?1 and status <> ?2 and startsOn <= ?3 and endsOn >= ?4 order by startsOn, id",
                organisations, AvailabilityStatus.CANCELLED, to, from);
    }

    public List<Availability> page(UUID organisation, String subject, LocalDate endingFrom, PageRequest page) {
        StringBuilder query = new StringBuilder("organisationId = :org and endsOn >= :from");
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("org", organisation)
                .and("from", endingFrom);
        if (subject != null) {
            query.append(" and subject = :subject");
            params.and("subject", subject);
        }
        page.after().ifPresent(after -> {
            query.append(" and id > :after");
            params.and("after", after);
        });
        return find(query + " order by id", params).page(0, page.limit() + 1).list();
    }
}

package io.partnerplan.calendar.fiscal;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FiscalCalendarRepository implements PanacheRepositoryBase<FiscalCalendar, UUID> {

    public Optional<FiscalCalendar> of(UUID organisation) {
        return find("organisationId", organisation).firstResultOptional();
    }
}

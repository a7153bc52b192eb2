package io.partnerplan.calendar.fiscal;

import java.time.Instant;
import java.time.Month;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.partnerplan.platform.security.TenantScoped;

/** An organisation's fiscal calendar (Gregorian for now; 52/53-week calendars follow). */
@Entity
@Table(name = "fiscal_calendar")
public class FiscalCalendar extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    public UUID organisationId;

    @Column(name = "start_month", nullable = false)
    public int startMonth;

    @Column(name = "start_day", nullable = false)
    public int startDay;

    @Enumerated(EnumType.STRING)
    @Column(name = "year_naming", nullable = false)
    public YearNaming yearNaming;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public GregorianFiscalYear rules() {
        return new GregorianFiscalYear(Month.of(startMonth), startDay, yearNaming);
    }
}

package io.partnerplan.calendar.fiscal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.partnerplan.platform.security.TenantScoped;

/** An organisation's fiscal calendar: Gregorian or 52/53-week. */
@Entity
@Table(name = "fiscal_calendar")
public class FiscalCalendar extends TenantScoped {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    public UUID organisationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CalendarKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "year_naming", nullable = false)
    public YearNaming yearNaming;

    @Column(name = "start_month")
    public Integer startMonth;

    @Column(name = "start_day")
    public Integer startDay;

    @Enumerated(EnumType.STRING)
    @Column(name = "year_end_weekday")
    public DayOfWeek yearEndWeekday;

    @Column(name = "year_end_month")
    public Integer yearEndMonth;

    @Enumerated(EnumType.STRING)
    @Column(name = "year_end_rule")
    public YearEndRule yearEndRule;

    @Enumerated(EnumType.STRING)
    @Column(name = "period_pattern")
    public PeriodPattern periodPattern;

    @Column(name = "extra_week_period")
    public Integer extraWeekPeriod;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public FiscalCalendarRequest definition() {
        return new FiscalCalendarRequest(kind, yearNaming, startMonth, startDay, yearEndWeekday, yearEndMonth, yearEndRule,
                periodPattern, extraWeekPeriod);
    }

    public FiscalCalendarRules rules() {
        return FiscalCalendarSpec.rules(definition());
    }

    void define(FiscalCalendarRequest request) {
        kind = request.kind() == null ? CalendarKind.GREGORIAN : request.kind();
        yearNaming = request.yearNaming();
        boolean gregorian = kind == CalendarKind.GREGORIAN;
        startMonth = gregorian ? request.startMonth() : null;
        startDay = gregorian ? request.startDay() : null;
        yearEndWeekday = gregorian ? null : request.yearEndWeekday();
        yearEndMonth = gregorian ? null : request.yearEndMonth();
        yearEndRule = gregorian ? null : request.yearEndRule();
        periodPattern = gregorian ? null : request.periodPattern();
        extraWeekPeriod = gregorian ? null : request.extraWeekPeriod();
    }
}

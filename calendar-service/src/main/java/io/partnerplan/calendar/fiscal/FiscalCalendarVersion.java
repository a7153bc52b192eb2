package io.partnerplan.calendar.fiscal;

import java.time.DayOfWeek;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A later definition of an organisation's fiscal calendar, in effect from its date until the next one's. */
@Embeddable
public class FiscalCalendarVersion {

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

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

    static FiscalCalendarVersion of(LocalDate effectiveFrom, FiscalCalendarRequest r) {
        FiscalCalendarVersion v = new FiscalCalendarVersion();
        v.effectiveFrom = effectiveFrom;
        v.kind = r.kind() == null ? CalendarKind.GREGORIAN : r.kind();
        v.yearNaming = r.yearNaming();
        boolean gregorian = v.kind == CalendarKind.GREGORIAN;
        v.startMonth = gregorian ? r.startMonth() : null;
        v.startDay = gregorian ? r.startDay() : null;
        v.yearEndWeekday = gregorian ? null : r.yearEndWeekday();
        v.yearEndMonth = gregorian ? null : r.yearEndMonth();
        v.yearEndRule = gregorian ? null : r.yearEndRule();
        v.periodPattern = gregorian ? null : r.periodPattern();
        v.extraWeekPeriod = gregorian ? null : r.extraWeekPeriod();
        return v;
    }

    public FiscalCalendarRequest definition() {
        return new FiscalCalendarRequest(kind, yearNaming, startMonth, startDay, yearEndWeekday, yearEndMonth, yearEndRule,
                periodPattern, extraWeekPeriod);
    }
}

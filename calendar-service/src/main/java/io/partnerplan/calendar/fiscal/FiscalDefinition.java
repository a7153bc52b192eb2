package io.partnerplan.calendar.fiscal;

import java.time.DayOfWeek;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * How an organisation counts its fiscal year, as stored: the same columns in {@code fiscal_calendar}
 * (the definition in effect first) and in each {@code fiscal_calendar_version} (one in effect from
 * its date). A Gregorian definition keeps only its start; a 52/53-week one only its year end,
 * pattern and extra week.
 */
@Embeddable
public class FiscalDefinition {

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

    /** The stored form of a requested definition (Gregorian when the kind is absent), without the other kind's fields. */
    static FiscalDefinition of(FiscalCalendarRequest request) {
        FiscalDefinition d = new FiscalDefinition();
        d.kind = request.kind() == null ? CalendarKind.GREGORIAN : request.kind();
        d.yearNaming = request.yearNaming();
        boolean gregorian = d.kind == CalendarKind.GREGORIAN;
        d.startMonth = gregorian ? request.startMonth() : null;
        d.startDay = gregorian ? request.startDay() : null;
        d.yearEndWeekday = gregorian ? null : request.yearEndWeekday();
        d.yearEndMonth = gregorian ? null : request.yearEndMonth();
        d.yearEndRule = gregorian ? null : request.yearEndRule();
        d.periodPattern = gregorian ? null : request.periodPattern();
        d.extraWeekPeriod = gregorian ? null : request.extraWeekPeriod();
        return d;
    }

    /** As the API shows it. */
    public FiscalCalendarRequest toRequest() {
        return new FiscalCalendarRequest(kind, yearNaming, startMonth, startDay, yearEndWeekday, yearEndMonth, yearEndRule,
                periodPattern, extraWeekPeriod);
    }
}

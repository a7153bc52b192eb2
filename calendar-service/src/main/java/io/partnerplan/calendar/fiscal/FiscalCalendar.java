package io.partnerplan.calendar.fiscal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
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

    /** Later definitions, each in effect from its date; this row's own definition is in effect before the first. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "fiscal_calendar_version", joinColumns = @JoinColumn(name = "calendar_id"))
    @OrderBy("effectiveFrom")
    public List<FiscalCalendarVersion> versions = new ArrayList<>();

    public FiscalCalendarRequest definition() {
        return new FiscalCalendarRequest(kind, yearNaming, startMonth, startDay, yearEndWeekday, yearEndMonth, yearEndRule,
                periodPattern, extraWeekPeriod);
    }

    /** The rules of every version, in effect each from its date. */
    public FiscalCalendarRules rules() {
        return rules(definition(), versions);
    }

    /**
     * @throws io.partnerplan.platform.problem.ProblemException naming {@code effectiveFrom} when versions do not chain
     */
    static FiscalCalendarRules rules(FiscalCalendarRequest first, List<FiscalCalendarVersion> versions) {
        List<VersionedFiscalCalendar.Version> later = versions.stream()
                .map(v -> new VersionedFiscalCalendar.Version(v.effectiveFrom, FiscalCalendarSpec.rules(v.definition())))
                .toList();
        try {
            return VersionedFiscalCalendar.of(FiscalCalendarSpec.rules(first), later);
        } catch (VersionedFiscalCalendar.BrokenChain e) {
            throw new io.partnerplan.platform.problem.ProblemException(422, "fiscal-years-do-not-chain",
                    "Fiscal years would not chain", e.getMessage(),
                    List.of(new io.partnerplan.platform.problem.Problem.FieldError("effectiveFrom", e.getMessage())));
        } catch (IllegalArgumentException e) {
            throw new io.partnerplan.platform.problem.ProblemException(409, "calendar-version-overlap",
                    "Overlapping calendar versions", e.getMessage(),
                    List.of(new io.partnerplan.platform.problem.Problem.FieldError("effectiveFrom", e.getMessage())));
        }
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

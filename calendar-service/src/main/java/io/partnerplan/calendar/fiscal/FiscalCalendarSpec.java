package io.partnerplan.calendar.fiscal;

import java.time.DateTimeException;
import java.time.Month;

import io.partnerplan.platform.problem.ProblemException;

/** Turns a request into calendar rules, naming the field a calendar of that kind is missing. */
public final class FiscalCalendarSpec {

    private FiscalCalendarSpec() {
    }

    public static FiscalCalendarRules rules(FiscalCalendarRequest r) {
        CalendarKind kind = r.kind() == null ? CalendarKind.GREGORIAN : r.kind();
        try {
            return switch (kind) {
                case GREGORIAN -> new GregorianFiscalYear(Month.of(required("startMonth", r.startMonth())),
                        required("startDay", r.startDay()), r.yearNaming());
                case WEEKS_52_53 -> {
                    PeriodPattern pattern = required("periodPattern", r.periodPattern());
                    ExtraWeekPlacement extra = r.extraWeekPeriod() == null ? ExtraWeekPlacement.lastPeriod()
                            : ExtraWeekPlacement.inPeriod(r.extraWeekPeriod());
                    if (extra.period(pattern) > pattern.periods()) {
                        throw ProblemException.badRequest("extraWeekPeriod",
                                "must be a period of " + pattern + " (1 to " + pattern.periods() + ")");
                    }
                    yield new RetailFiscalYear(required("yearEndWeekday", r.yearEndWeekday()),
                            Month.of(required("yearEndMonth", r.yearEndMonth())), required("yearEndRule", r.yearEndRule()),
                            pattern, extra, r.yearNaming());
                }
            };
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("kind", e.getMessage());
        }
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw ProblemException.badRequest(field, "is required for this kind of calendar");
        }
        return value;
    }
}

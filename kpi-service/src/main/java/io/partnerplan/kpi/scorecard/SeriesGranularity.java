package io.partnerplan.kpi.scorecard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import io.partnerplan.platform.problem.ProblemException;

/**
 * How finely a scorecard's chart series is cut. Five years of daily values of twenty KPIs is a
 * megabyte of JSON no chart draws; a chart of a plan's horizon wants months (the default), weeks or, over a
 * short window, days, and a dashboard that shows only the figures asks for none.
 */
public enum SeriesGranularity {
    DAY, WEEK, MONTH, NONE;

    /** The first day of the bucket {@code day} falls in (weeks start on Monday, ISO 8601). */
    LocalDate bucket(LocalDate day) {
        return switch (this) {
            case DAY, NONE -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    static SeriesGranularity parse(String value) {
        if (value == null) {
            return MONTH;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("series", "must be day, week, month or none");
        }
    }
}

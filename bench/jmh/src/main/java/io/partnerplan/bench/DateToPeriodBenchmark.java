package io.partnerplan.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.partnerplan.calendar.fiscal.FiscalCalendarRules;
import io.partnerplan.calendar.fiscal.FiscalPosition;
import io.partnerplan.calendar.fiscal.GregorianFiscalYear;
import io.partnerplan.calendar.fiscal.PeriodPattern;
import io.partnerplan.calendar.fiscal.RetailFiscalYear;
import io.partnerplan.calendar.fiscal.VersionedFiscalCalendar;
import io.partnerplan.calendar.fiscal.YearEndRule;
import io.partnerplan.calendar.fiscal.YearNaming;

/**
 * One date to its fiscal year, quarter, period, week and label: what calendar-service does per date
 * of the batch endpoint. The dates cycle through 4,096 days of 2020-2031 so branch prediction and
 * caches see a realistic mix, not one date.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DateToPeriodBenchmark {

    @Param({ "GREGORIAN", "RETAIL_454", "VERSIONED" })
    public String calendar;

    private FiscalCalendarRules rules;
    private LocalDate[] dates;
    private int next;

    @Setup
    public void setUp() {
        FiscalCalendarRules gregorian = new GregorianFiscalYear(Month.FEBRUARY, 1, YearNaming.END_YEAR);
        FiscalCalendarRules retail = new RetailFiscalYear(DayOfWeek.SATURDAY, Month.JANUARY, YearEndRule.NEAREST,
                PeriodPattern.FOUR_FIVE_FOUR, YearNaming.END_YEAR);
        rules = switch (calendar) {
            case "GREGORIAN" -> gregorian;
            case "RETAIL_454" -> retail;
            // February-to-January until 31 January 2026, 4-5-4 from then on.
            default -> VersionedFiscalCalendar.of(gregorian, List.of(new VersionedFiscalCalendar.Version(LocalDate.of(2026, 2, 1), retail)));
        };
        dates = new LocalDate[4096];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = LocalDate.of(2020, 1, 1).plusDays(i);
        }
    }

    @Benchmark
    public FiscalPosition locate() {
        return rules.locate(dates[next++ & 4095]);
    }
}

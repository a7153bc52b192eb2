package io.partnerplan.calendar.fiscal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;

import org.junit.jupiter.api.Test;

/**
 * More companies' 52/53-week years against the dates they file with the SEC (the fiscal years and
 * quarters of their Forms 10-K and 10-Q); quarters only, where periods are not published.
 */
class PublishedCalendarsTest {

    /**
     * NVIDIA, Form 10-K for fiscal 2025, Note 1: "a 52- or 53-week year, ending on the last Sunday in
     * January. Fiscal years 2025, 2024 and 2023 were all 52-week years"; fiscal 2025's fourth quarter
     * ended 26 January 2025, fiscal 2026's first quarter 27 April 2025 (Form 10-Q), fiscal 2024's
     * third quarter ran 31 July to 29 October 2023 (Form 10-Q).
     */
    private static final RetailFiscalYear NVIDIA = new RetailFiscalYear(DayOfWeek.SUNDAY, Month.JANUARY, YearEndRule.LAST,
            PeriodPattern.FOUR_FOUR_FIVE, YearNaming.END_YEAR);

    /**
     * Cisco Systems, Form 10-K for fiscal 2024: fiscal years 1 August 2021 to 30 July 2022, 31 July 2022
     * to 29 July 2023 and 30 July 2023 to 27 July 2024 (the last Saturday of July); the third quarter
     * of fiscal 2024 ran 28 January to 27 April 2024 (Form 10-Q).
     */
    private static final RetailFiscalYear CISCO = new RetailFiscalYear(DayOfWeek.SATURDAY, Month.JULY, YearEndRule.LAST,
            PeriodPattern.FOUR_FOUR_FIVE, YearNaming.END_YEAR);

    @Test
    void nvidiaEndsItsYearOnTheLastSundayOfJanuary() {
        assertEquals(new FiscalYearRange(2023, LocalDate.of(2022, 1, 31), LocalDate.of(2023, 1, 29)), NVIDIA.year(2023));
        assertEquals(new FiscalYearRange(2024, LocalDate.of(2023, 1, 30), LocalDate.of(2024, 1, 28)), NVIDIA.year(2024));
        assertEquals(new FiscalYearRange(2025, LocalDate.of(2024, 1, 29), LocalDate.of(2025, 1, 26)), NVIDIA.year(2025));
        assertEquals(LocalDate.of(2026, 1, 25), NVIDIA.year(2026).end());
        for (int year = 2023; year <= 2025; year++) {
            assertEquals(52, NVIDIA.weeks(year), "FY" + year);
        }
        assertEquals(new FiscalQuarterRange(2024, 3, LocalDate.of(2023, 7, 31), LocalDate.of(2023, 10, 29)), NVIDIA.quarters(2024).get(2));
        assertEquals(LocalDate.of(2025, 4, 27), NVIDIA.quarters(2026).get(0).end());
        assertEquals("FY25 Q4", NVIDIA.locate(LocalDate.of(2025, 1, 26)).label().substring(0, 7));
    }

    @Test
    void ciscoEndsItsYearOnTheLastSaturdayOfJuly() {
        assertEquals(new FiscalYearRange(2022, LocalDate.of(2021, 8, 1), LocalDate.of(2022, 7, 30)), CISCO.year(2022));
        assertEquals(new FiscalYearRange(2023, LocalDate.of(2022, 7, 31), LocalDate.of(2023, 7, 29)), CISCO.year(2023));
        assertEquals(new FiscalYearRange(2024, LocalDate.of(2023, 7, 30), LocalDate.of(2024, 7, 27)), CISCO.year(2024));
        assertEquals(new FiscalQuarterRange(2024, 3, LocalDate.of(2024, 1, 28), LocalDate.of(2024, 4, 27)), CISCO.quarters(2024).get(2));
    }
}

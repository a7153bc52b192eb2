package io.partnerplan.calendar.fiscal;

/** Whether a fiscal year is named by the calendar year it ends in (Microsoft FY2025 ends June 2025) or starts in. */
public enum YearNaming {
    END_YEAR, START_YEAR
}

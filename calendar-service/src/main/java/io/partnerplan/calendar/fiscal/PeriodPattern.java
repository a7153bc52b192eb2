package io.partnerplan.calendar.fiscal;

/**
 * How the 52 weeks of a fiscal year split into periods and quarters; a 53-week year adds its extra
 * week to one period, chosen by {@link ExtraWeekPlacement}.
 */
public enum PeriodPattern {

    FOUR_FOUR_FIVE(new int[] { 4, 4, 5 }),
    FOUR_FIVE_FOUR(new int[] { 4, 5, 4 }),
    FIVE_FOUR_FOUR(new int[] { 5, 4, 4 }),

    /**
     * Thirteen periods of four weeks. Quarters hold 3, 3, 3 and 4 periods (12, 12, 12 and 16
     * weeks, the shape of Costco's reported quarters): four 13-week quarters cannot be made of whole
     * 4-week periods, and a long last quarter keeps the first three comparable year on year.
     */
    THIRTEEN_PERIODS(new int[] { 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4 }, 3, 3, 3, 4);

    private final int[] weeks;
    private final int[] quarterOfPeriod;

    /** A quarter pattern repeated in all four quarters. */
    PeriodPattern(int[] quarterWeeks) {
        this(repeat(quarterWeeks), quarterWeeks.length, quarterWeeks.length, quarterWeeks.length, quarterWeeks.length);
    }

    PeriodPattern(int[] weeks, int... periodsPerQuarter) {
        this.weeks = weeks;
        this.quarterOfPeriod = new int[weeks.length];
        int period = 0;
        for (int quarter = 1; quarter <= periodsPerQuarter.length; quarter++) {
            for (int i = 0; i < periodsPerQuarter[quarter - 1]; i++) {
                quarterOfPeriod[period++] = quarter;
            }
        }
    }

    public int periods() {
        return weeks.length;
    }

    /** Weeks of the period (1-based) in a 52-week year. */
    public int weeks(int period) {
        return weeks[period - 1];
    }

    /** The quarter (1-4) the period (1-based) belongs to. */
    public int quarter(int period) {
        return quarterOfPeriod[period - 1];
    }

    private static int[] repeat(int[] quarterWeeks) {
        int[] year = new int[quarterWeeks.length * 4];
        for (int quarter = 0; quarter < 4; quarter++) {
            System.arraycopy(quarterWeeks, 0, year, quarter * quarterWeeks.length, quarterWeeks.length);
        }
        return year;
    }
}

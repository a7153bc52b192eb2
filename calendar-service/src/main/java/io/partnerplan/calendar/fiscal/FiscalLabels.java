package io.partnerplan.calendar.fiscal;

/** The short names people use for fiscal years, quarters, periods and weeks: "FY26 Q3 P8 W34". */
final class FiscalLabels {

    private FiscalLabels() {
    }

    static String year(int fiscalYear) {
        // Not String.format: it dominated a date lookup's cost (JMH, bench/jmh).
        int yy = Math.floorMod(fiscalYear, 100);
        return (yy < 10 ? "FY0" : "FY") + yy;
    }

    static String quarter(int fiscalYear, int quarter) {
        return year(fiscalYear) + " Q" + quarter;
    }

    static String period(int fiscalYear, int quarter, int period) {
        return quarter(fiscalYear, quarter) + " P" + period;
    }

    static String week(int fiscalYear, int quarter, int period, int week) {
        return period(fiscalYear, quarter, period) + " W" + week;
    }
}

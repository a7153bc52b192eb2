package io.partnerplan.calendar.fiscal;

import java.time.DateTimeException;

/** Which period of a 53-week fiscal year takes the extra week. */
public sealed interface ExtraWeekPlacement {

    /** The default, and the NRF's and Costco's practice: the last period of the fourth quarter. */
    static ExtraWeekPlacement lastPeriod() {
        return new LastPeriod();
    }

    /** Apple's practice: a 14-week first quarter. */
    static ExtraWeekPlacement firstPeriod() {
        return new InPeriod(1);
    }

    static ExtraWeekPlacement inPeriod(int period) {
        return new InPeriod(period);
    }

    /** The period number (1-based) under that pattern. */
    int period(PeriodPattern pattern);

    record LastPeriod() implements ExtraWeekPlacement {
        @Override
        public int period(PeriodPattern pattern) {
            return pattern.periods();
        }
    }

    record InPeriod(int period) implements ExtraWeekPlacement {
        public InPeriod {
            if (period < 1 || period > 13) {
                throw new DateTimeException("The extra week's period must be between 1 and 13, not " + period);
            }
        }

        @Override
        public int period(PeriodPattern pattern) {
            return period;
        }
    }
}

package io.partnerplan.calendar.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.partnerplan.calendar.mop.MopPeriod;

class ReviewScheduleTest {

    private static final LocalDate START = LocalDate.of(2027, 2, 1);
    private static final LocalDate END = LocalDate.of(2028, 1, 31);

    @Test
    void quarterlyWithoutMopReviewsEveryThreeMonthsAndAtTheEnd() {
        assertEquals(List.of(LocalDate.of(2027, 4, 30), LocalDate.of(2027, 7, 31), LocalDate.of(2027, 10, 31),
                LocalDate.of(2028, 1, 31)), ReviewSchedule.dueDates(START, END, "QUARTERLY", null));
    }

    @Test
    void monthlyReviewsTwelveTimes() {
        List<LocalDate> due = ReviewSchedule.dueDates(START, END, "MONTHLY", List.of());
        assertEquals(12, due.size());
        assertEquals(LocalDate.of(2027, 2, 28), due.get(0));
        assertEquals(END, due.get(11));
    }

    @Test
    void quarterlyWithAnAgreedMopReviewsAtTheMopsQuarterEnds() {
        List<MopPeriod> mop = List.of(new MopPeriod("MOP Q1", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 31)),
                new MopPeriod("MOP Q2", LocalDate.of(2027, 6, 1), LocalDate.of(2027, 8, 31)),
                new MopPeriod("MOP Q3", LocalDate.of(2027, 9, 1), LocalDate.of(2027, 11, 30)),
                new MopPeriod("MOP Q4", LocalDate.of(2027, 12, 1), LocalDate.of(2028, 2, 29)));
        assertEquals(List.of(LocalDate.of(2027, 5, 31), LocalDate.of(2027, 8, 31), LocalDate.of(2027, 11, 30), END),
                ReviewSchedule.dueDates(START, END, "QUARTERLY", mop));
    }

    @Test
    void reviewsAreHeldBusinessDaysAfterEachPeriodEndSkippingWeekendsAndHolidaysAndTheLastBeforeTheHorizonEnds() {
        // 2027-04-30 is a Friday; 3 and 4 May 2027 are declared holidays (e.g. UK bank holiday and a partner's day off).
        BusinessDays days = new BusinessDays(List.of(LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 4)));
        List<LocalDate> placed = ReviewSchedule.place(ReviewSchedule.dueDates(START, END, "QUARTERLY", null), days, 3);
        assertEquals(List.of(LocalDate.of(2027, 5, 7), // Wed 5, Thu 6, Fri 7 May
                LocalDate.of(2027, 8, 4), // Sat 31 July: Mon 2, Tue 3, Wed 4 August
                LocalDate.of(2027, 11, 3), // Sun 31 October: Mon 1, Tue 2, Wed 3 November
                LocalDate.of(2028, 1, 31)), placed); // Monday 31 January 2028, the horizon's last day
    }

    @Test
    void withNoBusinessDaysAfterAReviewOnAWeekendMovesToMondayAndAHorizonEndingOnSundayToFriday() {
        BusinessDays days = new BusinessDays(List.of());
        assertEquals(LocalDate.of(2027, 8, 2), days.after(LocalDate.of(2027, 7, 31), 0));
        assertEquals(LocalDate.of(2027, 4, 30), days.after(LocalDate.of(2027, 4, 30), 0));
        assertEquals(List.of(LocalDate.of(2027, 8, 2), LocalDate.of(2027, 10, 29)),
                ReviewSchedule.place(List.of(LocalDate.of(2027, 7, 31), LocalDate.of(2027, 10, 31)), days, 0));
    }

    @Test
    void aPeriodReviewThatWouldFallOnOrAfterTheLastOneIsLeftToIt() {
        BusinessDays days = new BusinessDays(List.of());
        // Period ends Friday 24 December 2027, horizon ends Wednesday 29 December: 3 business days after is the 29th.
        assertEquals(List.of(LocalDate.of(2027, 12, 29)),
                ReviewSchedule.place(List.of(LocalDate.of(2027, 12, 24), LocalDate.of(2027, 12, 29)), days, 3));
    }
}

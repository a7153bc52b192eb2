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
}

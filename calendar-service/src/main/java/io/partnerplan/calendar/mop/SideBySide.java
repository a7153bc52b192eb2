package io.partnerplan.calendar.mop;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.calendar.blocked.BlockedPeriodView;
import io.partnerplan.calendar.fiscal.FiscalCalendarRules;
import io.partnerplan.calendar.fiscal.FiscalQuarterRange;

/**
 * Both parties' quarter-ends over a horizon, with each side's closing window and, for each vendor
 * quarter-end, how many days away the partner's nearest one is. Pure arithmetic.
 */
public record SideBySide(List<QuarterEnd> vendor, List<QuarterEnd> partner, List<Gap> gaps,
                         @Schema(description = "Members of either side away during either side's closing window: "
                                 + "someone to plan around or hand over to the delegate")
                         List<AwayInClosingWindow> awayInClosingWindows,
                         @Schema(description = "Both parties' declared holidays and blackout periods within the range")
                         List<BlockedPeriodView> blockedPeriods) {

    public SideBySide with(List<AwayInClosingWindow> away, List<BlockedPeriodView> blocked) {
        return new SideBySide(vendor, partner, gaps, List.copyOf(away), List.copyOf(blocked));
    }

    /** {@code days} is positive when the partner's quarter ends after the vendor's. */
    public record Gap(LocalDate vendorQuarterEnd, LocalDate partnerQuarterEnd, int days) {
    }

    public static SideBySide of(FiscalCalendarRules vendor, FiscalCalendarRules partner, LocalDate from, LocalDate to,
                                int closingDays) {
        List<QuarterEnd> vendorEnds = quarterEnds(vendor, from, to, closingDays);
        List<QuarterEnd> partnerEnds = quarterEnds(partner, from, to, closingDays);
        // The partner's nearest quarter-end may lie just outside the range.
        List<QuarterEnd> partnerAround = quarterEnds(partner, from.minusMonths(4), to.plusMonths(4), closingDays);
        List<Gap> gaps = new ArrayList<>();
        for (QuarterEnd v : vendorEnds) {
            LocalDate nearest = nearest(partnerAround, v.date());
            if (nearest != null) {
                gaps.add(new Gap(v.date(), nearest, (int) ChronoUnit.DAYS.between(v.date(), nearest)));
            }
        }
        return new SideBySide(vendorEnds, partnerEnds, gaps, List.of(), List.of());
    }

    /** Quarter-ends falling inside {@code from..to}. */
    public static List<QuarterEnd> quarterEnds(FiscalCalendarRules rules, LocalDate from, LocalDate to, int closingDays) {
        List<QuarterEnd> ends = new ArrayList<>();
        for (FiscalQuarterRange q : rules.quartersTouching(from, to)) {
            if (!q.end().isAfter(to)) {
                ends.add(new QuarterEnd(q.label(), q.end(), q.end().minusDays(closingDays - 1L)));
            }
        }
        return ends;
    }

    static LocalDate nearest(List<QuarterEnd> ends, LocalDate date) {
        return ends.stream().map(QuarterEnd::date)
                .min(Comparator.comparingLong(d -> Math.abs(ChronoUnit.DAYS.between(date, d))))
                .orElse(null);
    }
}

package io.partnerplan.calendar.mop;

import java.util.List;

/**
 * A proposed operating rhythm with its score. {@code misalignmentDays}: over the MOP's period ends,
 * the days to each party's nearest quarter-end, summed (lower fits both better). The closing
 * overlaps count the days of the MOP's closing windows that fall in that party's own closing
 * window: the MOP's push then coincides with that party's own urgency (higher is better).
 */
public record MopCandidate(MopForm form, String description, List<MopPeriod> periods, int misalignmentDays,
                           int vendorClosingOverlapDays, int partnerClosingOverlapDays) {
}

package io.partnerplan.calendar.mop;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One part of a candidate's score, in days (lower is better): the score is the sum of its parts.
 */
@Schema(name = "MopScorePart", description = "One part of a MOP candidate's score; the candidate's score is the sum of its parts' days")
public record ScorePart(
        @Schema(description = "VENDOR_MISALIGNMENT / PARTNER_MISALIGNMENT: days from one MOP period end to that party's "
                + "nearest quarter-end; STUB_MERGED: a period shorter than the minimum merged into its neighbour (its days "
                + "count against the candidate: the neighbour is that much out of rhythm); CYCLES_COINCIDE: both fiscal years "
                + "start within the minimum period of each other, so two cycles are one, split at mid-year (0 days)")
        Kind kind,
        @Schema(description = "Days this part adds to the score") int days,
        @Schema(description = "The part in words, with the dates it is about") String explanation) {

    public enum Kind { VENDOR_MISALIGNMENT, PARTNER_MISALIGNMENT, STUB_MERGED, CYCLES_COINCIDE }
}

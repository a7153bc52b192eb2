package io.partnerplan.calendar.mop;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A proposed operating rhythm with its score. {@code misalignmentDays}: over the MOP's period ends,
 * the days to each party's nearest quarter-end, summed (lower fits both better). The closing
 * overlaps count the days of the MOP's closing windows that fall in that party's own closing
 * window: the MOP's push then coincides with that party's own urgency (higher is better).
 * {@code score} is the sum of {@code scoreParts} (misalignment plus penalties); candidates are
 * ranked by it, and each but the best says in {@code betterAlternative} which candidate beats it.
 */
public record MopCandidate(MopForm form, String description, List<MopPeriod> periods,
                           @Schema(description = "Days of the MOP period ends from both parties' nearest quarter-ends, summed")
                           int misalignmentDays,
                           int vendorClosingOverlapDays, int partnerClosingOverlapDays,
                           @Schema(description = "The candidate's score in days, lower is better: the sum of scoreParts; "
                                   + "candidates come best first")
                           int score,
                           @Schema(description = "What the score is made of, one part per period end and side, and per penalty")
                           List<ScorePart> scoreParts,
                           @Schema(description = "Why another candidate ranks above this one (absent on the best)", nullable = true)
                           String betterAlternative) {

    MopCandidate ranked(String betterAlternative) {
        return new MopCandidate(form, description, periods, misalignmentDays, vendorClosingOverlapDays,
                partnerClosingOverlapDays, score, scoreParts, betterAlternative);
    }
}

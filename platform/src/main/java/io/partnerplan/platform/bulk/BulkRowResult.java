package io.partnerplan.platform.bulk;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.platform.problem.Problem;

/** One line of a bulk import's NDJSON answer: what became of the input row on that line. */
@Schema(name = "BulkRowResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkRowResult(
        @Schema(description = "Line of the input (CSV: counting the header)") long line,
        @Schema(description = "What happened to the row: accepted, corrected, duplicate, rejected (with errors); a last line "
                + "not-read means the upload stopped there (a limit): send the rest from that line", example = "accepted") String outcome,
        UUID id, String externalId, List<Problem.FieldError> errors) {

    public static BulkRowResult rejected(long line, String externalId, List<Problem.FieldError> errors) {
        return new BulkRowResult(line, "rejected", null, externalId, errors);
    }

    /** The upload stopped before this line (a limit was reached): send the rest from here. */
    public static BulkRowResult notRead(long line, String rule) {
        return new BulkRowResult(line, "not-read", null, null, List.of(new Problem.FieldError("body", rule)));
    }
}

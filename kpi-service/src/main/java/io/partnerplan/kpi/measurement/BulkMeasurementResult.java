package io.partnerplan.kpi.measurement;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.platform.problem.Problem;

/** One line of a bulk upload's answer: what became of the input row on that line. */
@Schema(name = "BulkMeasurementResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkMeasurementResult(
        @Schema(description = "Line of the input (CSV: counting the header)") long line,
        @Schema(description = "accepted, corrected, duplicate or rejected") String outcome,
        UUID id, String externalId, List<Problem.FieldError> errors) {

    static BulkMeasurementResult rejected(long line, String externalId, List<Problem.FieldError> errors) {
        return new BulkMeasurementResult(line, "rejected", null, externalId, errors);
    }
}

package io.partnerplan.plan.organisation;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.partnerplan.platform.problem.Problem;

/** The answer for one line of a bulk import. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkImportResult(int line, String outcome, UUID id, String externalId, List<Problem.FieldError> errors) {

    static BulkImportResult rejected(int line, String externalId, List<Problem.FieldError> errors) {
        return new BulkImportResult(line, "rejected", null, externalId, errors);
    }
}

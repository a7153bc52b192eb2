package io.partnerplan.plan.organisation;

import io.partnerplan.platform.bulk.BulkRowResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.platform.problem.JsonErrors;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;

/**
 * Streams an NDJSON import line by line: each line is upserted by its external id in its own
 * transaction, so a rejected line never blocks the good ones and no line is half-written, and a
 * nightly sync can run the same file again and again.
 */
@ApplicationScoped
public class OrganisationImport {

    private final OrganisationService organisations;
    private final ObjectMapper json;
    private final Validator validator;

    public OrganisationImport(OrganisationService organisations, ObjectMapper json, Validator validator) {
        this.organisations = organisations;
        this.json = json;
        this.validator = validator;
    }

    /** @return one NDJSON result line per non-blank input line */
    public String ndjson(InputStream body) throws IOException {
        StringBuilder out = new StringBuilder();
        ndjson(body, result -> {
            try {
                out.append(json.writeValueAsString(result)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        return out.toString();
    }

    public void ndjson(InputStream body, Consumer<BulkRowResult> results) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (!line.isBlank()) {
                results.accept(importLine(number, line));
            }
        }
    }

    private BulkRowResult importLine(int number, String line) {
        BulkOrganisationRow row;
        try {
            row = json.readValue(line, BulkOrganisationRow.class);
        } catch (JsonProcessingException e) {
            return BulkRowResult.rejected(number, null, List.of(JsonErrors.describe(e, "line")));
        }
        if (row == null) {
            return BulkRowResult.rejected(number, null, List.of(new Problem.FieldError("line", "must be a JSON object, not null")));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<BulkOrganisationRow> v : validator.validate(row)) {
            errors.add(new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            return BulkRowResult.rejected(number, row.externalId(), errors);
        }
        try {
            OrganisationService.Upserted result = organisations.upsert(row.system(), row.externalId(), null, row.organisation());
            String outcome = result.created() ? "created" : result.changed() ? "updated" : "unchanged";
            return new BulkRowResult(number, outcome, result.organisation().id(), row.externalId(), null);
        } catch (ProblemException e) {
            List<Problem.FieldError> problem = e.errors().isEmpty()
                    ? List.of(new Problem.FieldError("line", e.getMessage())) : e.errors();
            return BulkRowResult.rejected(number, row.externalId(), problem);
        }
    }
}

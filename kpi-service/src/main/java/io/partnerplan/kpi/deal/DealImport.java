package io.partnerplan.kpi.deal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.platform.bulk.BulkLimits;
import io.partnerplan.platform.bulk.BulkRowResult;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;

/**
 * A CRM/PRM export of deals, one DealRequest per NDJSON line, read line by line as it arrives: each line
 * is upserted by its external id in its own transaction, so a rejected line never blocks the good ones,
 * no line is half-written and the same file can be sent again (unchanged lines change nothing). The
 * answer has one line per input line: created, updated, unchanged, or rejected naming the field and rule.
 */
@ApplicationScoped
public class DealImport {

    private final Deals deals;
    private final ObjectMapper json;
    private final Validator validator;
    private final BulkLimits limits;

    public DealImport(Deals deals, ObjectMapper json, Validator validator, BulkLimits limits) {
        this.deals = deals;
        this.json = json;
        this.validator = validator;
        this.limits = limits;
    }

    public List<BulkRowResult> ndjson(InputStream body) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        List<BulkRowResult> results = new ArrayList<>();
        String line;
        long number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (number > limits.maxLines()) {
                results.add(BulkRowResult.notRead(number, "at most " + limits.maxLines() + " lines per upload"));
                break;
            }
            if (line.length() > limits.maxLineLength()) {
                results.add(BulkRowResult.rejected(number, null, List.of(new Problem.FieldError("line",
                        "is longer than " + limits.maxLineLength() + " characters"))));
            } else if (!line.isBlank()) {
                results.add(importLine(number, line));
            }
        }
        return results;
    }

    private BulkRowResult importLine(long number, String line) {
        DealRequest row;
        try {
            row = json.readValue(line, DealRequest.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
            return BulkRowResult.rejected(number, null, List.of(new Problem.FieldError(field == null ? "line" : field,
                    field == null ? "is not a deal"
                            : e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException ? "is not a property of a deal"
                            : "has the wrong type or format")));
        } catch (JsonProcessingException e) {
            return BulkRowResult.rejected(number, null, List.of(new Problem.FieldError("line", "is not valid JSON")));
        }
        if (row == null) {
            return BulkRowResult.rejected(number, null, List.of(new Problem.FieldError("line", "must be a JSON object, not null")));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<DealRequest> v : validator.validate(row)) {
            errors.add(new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            return BulkRowResult.rejected(number, row.externalId(), errors);
        }
        try {
            DealView deal = deals.upsert(row);
            return new BulkRowResult(number, deal.outcome(), deal.id(), row.externalId(), null);
        } catch (ProblemException e) {
            return BulkRowResult.rejected(number, row.externalId(), e.errors().isEmpty()
                    ? List.of(new Problem.FieldError("line", e.getMessage())) : e.errors());
        }
    }
}

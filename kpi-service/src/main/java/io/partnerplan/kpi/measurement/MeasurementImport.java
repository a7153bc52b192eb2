package io.partnerplan.kpi.measurement;

import io.partnerplan.platform.bulk.BulkRowResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.partnerplan.platform.problem.Problem;

/**
 * Bulk upload of measurements, NDJSON or CSV, read as a stream: rows are parsed and validated one by
 * one and written in batches, each batch in its own transaction, so memory does not grow with the
 * file, a rejected row never blocks the good ones and no row is half-written.
 */
@ApplicationScoped
public class MeasurementImport {

    /** The CSV columns, in the order of MeasurementRequest; a header row names them in any order. */
    static final List<String> CSV_COLUMNS = List.of("planId", "kpi", "value", "currency", "occurredOn", "periodStart",
            "source", "externalId");

    private final Measurements measurements;
    private final ObjectMapper json;
    private final Validator validator;
    private final int batchSize;

    public MeasurementImport(Measurements measurements, ObjectMapper json, Validator validator,
                             @ConfigProperty(name = "partnerplan.measurements.bulk.batch-size", defaultValue = "500") int batchSize) {
        this.measurements = measurements;
        this.json = json;
        this.validator = validator;
        this.batchSize = batchSize;
    }

    /** A row as read: its line, and either a request to write or why it cannot be. */
    record Row(long line, MeasurementRequest request, BulkRowResult rejection) {
    }

    public void ndjson(InputStream body, Consumer<BulkRowResult> results) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        Batch batch = new Batch(results);
        String line;
        long number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (!line.isBlank()) {
                batch.add(parseJson(number, line));
            }
        }
        batch.flush();
    }

    public void csv(InputStream body, Consumer<BulkRowResult> results) throws IOException {
        CsvMapper csv = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        Batch batch = new Batch(results);
        // Lines are counted from the header (line 1); a cell spanning lines counts as one.
        long line = 1;
        try (MappingIterator<Map<String, String>> rows = csv.readerFor(Map.class).with(schema).readValues(body)) {
            while (rows.hasNextValue()) {
                line++;
                Map<String, String> row;
                try {
                    row = rows.nextValue();
                } catch (RuntimeException e) {
                    batch.add(new Row(line, null, BulkRowResult.rejected(line, null,
                            List.of(new Problem.FieldError("line", "is not valid CSV")))));
                    continue;
                }
                batch.add(fromColumns(line, row));
            }
        }
        batch.flush();
    }

    private Row fromColumns(long line, Map<String, String> columns) {
        List<Problem.FieldError> unknown = columns.keySet().stream().filter(c -> !CSV_COLUMNS.contains(c)).sorted()
                .map(c -> new Problem.FieldError(c, "is not a column; expected " + String.join(",", CSV_COLUMNS))).toList();
        if (!unknown.isEmpty()) {
            return new Row(line, null, BulkRowResult.rejected(line, columns.get("externalId"), unknown));
        }
        Map<String, Object> nonBlank = new java.util.HashMap<>();
        columns.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                nonBlank.put(k, v.strip());
            }
        });
        try {
            return validated(line, json.convertValue(nonBlank, MeasurementRequest.class));
        } catch (IllegalArgumentException e) {
            String field = e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().get(m.getPath().size() - 1).getFieldName() : "line";
            return new Row(line, null, BulkRowResult.rejected(line, columns.get("externalId"),
                    List.of(new Problem.FieldError(field, "has a value of the wrong type or format"))));
        }
    }

    private Row parseJson(long line, String text) {
        try {
            return validated(line, json.readValue(text, MeasurementRequest.class));
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? "line" : e.getPath().get(e.getPath().size() - 1).getFieldName();
            return new Row(line, null, BulkRowResult.rejected(line, null,
                    List.of(new Problem.FieldError(field == null ? "line" : field, e.getOriginalMessage().split("\n")[0]))));
        } catch (JsonProcessingException e) {
            return new Row(line, null, BulkRowResult.rejected(line, null,
                    List.of(new Problem.FieldError("line", "is not valid JSON"))));
        }
    }

    private Row validated(long line, MeasurementRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<MeasurementRequest> v : validator.validate(request)) {
            errors.add(new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()));
        }
        if (errors.isEmpty()) {
            return new Row(line, request, null);
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return new Row(line, null, BulkRowResult.rejected(line, request.externalId(), errors));
    }

    /** Rows waiting to be written; results leave in input order. */
    private final class Batch {
        private final Consumer<BulkRowResult> results;
        private final List<Row> rows = new ArrayList<>();

        Batch(Consumer<BulkRowResult> results) {
            this.results = results;
        }

        void add(Row row) {
            rows.add(row);
            if (rows.size() >= batchSize) {
                flush();
            }
        }

        void flush() {
            if (rows.isEmpty()) {
                return;
            }
            try {
                measurements.writeBatch(rows).forEach(results);
            } catch (RuntimeException e) {
                // The batch rolled back as a whole (e.g. a concurrent upload wrote one of its external ids
                // first): row by row, so only the row that fails is rejected.
                for (Row row : rows) {
                    try {
                        measurements.writeBatch(List.of(row)).forEach(results);
                    } catch (RuntimeException single) {
                        results.accept(BulkRowResult.rejected(row.line(), row.request() == null ? null : row.request().externalId(),
                                List.of(new Problem.FieldError("line", "could not be written now (" + single.getClass()
                                        .getSimpleName() + "); send the row again"))));
                    }
                }
            }
            rows.clear();
        }
    }
}

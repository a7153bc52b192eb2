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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
 * file, a rejected row never blocks the good ones and no row is half-written. The next batches are read
 * while one is written (see {@link #pipeline}).
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

    /** Batches read ahead of the one being written. */
    private static final int READ_AHEAD = 2;

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
        pipeline(rows -> {
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String line;
            long number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    rows.accept(parseJson(number, line));
                }
            }
        }, results);
    }

    public void csv(InputStream body, Consumer<BulkRowResult> results) throws IOException {
        pipeline(out -> {
            CsvMapper csv = new CsvMapper();
            CsvSchema schema = CsvSchema.emptySchema().withHeader();
            // Lines are counted from the header (line 1); a cell spanning lines counts as one.
            long line = 1;
            try (MappingIterator<Map<String, String>> rows = csv.readerFor(Map.class).with(schema).readValues(body)) {
                while (rows.hasNextValue()) {
                    line++;
                    Map<String, String> row;
                    try {
                        row = rows.nextValue();
                    } catch (RuntimeException e) {
                        out.accept(new Row(line, null, BulkRowResult.rejected(line, null,
                                List.of(new Problem.FieldError("line", "is not valid CSV")))));
                        continue;
                    }
                    out.accept(fromColumns(line, row));
                }
            }
        }, results);
    }

    /** Reads an upload's rows, parsed and validated, into {@code rows} in input order. */
    interface RowSource {
        void read(Consumer<Row> rows) throws IOException;
    }

    /** The end of the rows, on the queue. */
    private static final List<Row> END = List.of();

    /**
     * Reads (parses, validates) on another thread while this one writes: batch n+1 is read while batch n is
     * in the database, instead of one after the other. The queue holds at most {@link #READ_AHEAD} batches, so
     * memory stays a few batches whatever the file's size. Writing stays on the caller's thread (its request:
     * tenant, subject); results leave in input order.
     */
    private void pipeline(RowSource source, Consumer<BulkRowResult> results) throws IOException {
        BlockingQueue<List<Row>> ready = new ArrayBlockingQueue<>(READ_AHEAD);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean();
        Thread reader = Thread.ofVirtual().name("measurement-import-reader").start(() -> {
            try {
                Batcher batches = new Batcher(ready, stopped);
                source.read(batches);
                batches.handOver();
            } catch (Throwable e) {
                failed.set(e);
            } finally {
                try {
                    hand(ready, END, stopped);
                } catch (RuntimeException stoppedMeanwhile) {
                    // the writer is gone
                }
            }
        });
        try {
            while (true) {
                List<Row> batch = ready.take();
                if (batch == END) {
                    break;
                }
                write(batch, results);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("bulk upload interrupted");
        } finally {
            stopped.set(true);
            ready.clear(); // a reader waiting to hand a batch over sees the stop
            reader.interrupt();
        }
        Throwable failure = failed.get();
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
    }

    /** Gathers rows into batches and hands each full one to the writer. */
    private final class Batcher implements Consumer<Row> {
        private final BlockingQueue<List<Row>> ready;
        private final AtomicBoolean stopped;
        private List<Row> rows = new ArrayList<>(batchSize);

        Batcher(BlockingQueue<List<Row>> ready, AtomicBoolean stopped) {
            this.ready = ready;
            this.stopped = stopped;
        }

        @Override
        public void accept(Row row) {
            rows.add(row);
            if (rows.size() >= batchSize) {
                handOver();
            }
        }

        void handOver() {
            if (!rows.isEmpty()) {
                hand(ready, rows, stopped);
                rows = new ArrayList<>(batchSize);
            }
        }
    }

    /** Puts a batch on the queue, waiting for room unless the writer stopped. */
    private static void hand(BlockingQueue<List<Row>> ready, List<Row> batch, AtomicBoolean stopped) {
        try {
            while (!ready.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (stopped.get()) {
                    throw new IllegalStateException("the upload's writer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the upload's writer stopped", e);
        }
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

    /** Writes one batch in one transaction; results leave in input order. */
    private void write(List<Row> rows, Consumer<BulkRowResult> results) {
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
    }
}

package io.partnerplan.kpi.measurement;

import io.partnerplan.platform.bulk.BulkRowResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.partnerplan.platform.bulk.BulkLimits;
import io.partnerplan.platform.bulk.BulkProgress;
import io.partnerplan.platform.bulk.BulkUpload;
import io.partnerplan.platform.problem.JsonErrors;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;

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
    private final BulkProgress progress;
    private final BulkLimits limits;
    private final Caller caller;
    private final Clock clock;

    /** Batches read ahead of the one being written. */
    private static final int READ_AHEAD = 2;

    public MeasurementImport(Measurements measurements, ObjectMapper json, Validator validator,
                             @ConfigProperty(name = "partnerplan.measurements.bulk.batch-size", defaultValue = "500") int batchSize,
                             BulkProgress progress, BulkLimits limits, Caller caller, Clock clock) {
        this.progress = progress;
        this.limits = limits;
        this.caller = caller;
        this.clock = clock;
        this.measurements = measurements;
        this.json = json;
        this.validator = validator;
        this.batchSize = batchSize;
    }

    /** A row as read: its line, and either a request to write or why it cannot be. */
    record Row(long line, MeasurementRequest request, BulkRowResult rejection) implements BulkProgress.Line {
    }

    /** An upload's rows as they arrive, and where each one is answered; see {@link #run}. */
    public interface Upload {
        void run(BulkUpload upload, Consumer<List<BulkRowResult>> results) throws IOException;
    }

    /** NDJSON: one MeasurementRequest per line; blank lines are skipped (but counted). */
    public Upload ndjson(InputStream body) {
        return (upload, results) -> pipeline(upload, rows -> {
            BoundedLines lines = new BoundedLines(new InputStreamReader(body, StandardCharsets.UTF_8), limits.maxLineLength());
            long number = upload.firstLine() - 1;
            String line;
            while ((line = lines.next()) != null) {
                number++;
                if (line == BoundedLines.TOO_LONG) {
                    if (!rows.accept(new Row(number, null, BulkRowResult.rejected(number, null, List.of(new Problem.FieldError(
                            "line", "is longer than " + limits.maxLineLength() + " characters")))))) {
                        return;
                    }
                } else if (!line.isBlank() && !rows.accept(parseJson(number, line))) {
                    return;
                }
            }
        }, results);
    }

    /**
     * CSV with a header row naming the columns (any order). The header is read now: a body without one (or
     * not CSV at all) is refused with 400 before anything is written. A resumed upload repeats the header.
     */
    public Upload csv(InputStream body) throws IOException {
        BoundedLines lines = new BoundedLines(new InputStreamReader(body, StandardCharsets.UTF_8), limits.maxLineLength());
        String header = lines.next();
        List<String> columns = header == null || header == BoundedLines.TOO_LONG ? List.of() : headerColumns(header);
        List<String> unknown = columns.stream().filter(c -> !CSV_COLUMNS.contains(c)).toList();
        if (columns.isEmpty() || !unknown.isEmpty() || !columns.containsAll(List.of("planId", "kpi", "value", "occurredOn"))) {
            throw ProblemException.badRequest("body", "must be CSV whose first row names the columns (planId, kpi, value, "
                    + "occurredOn and any of " + String.join(",", CSV_COLUMNS) + ")"
                    + (unknown.isEmpty() ? "" : "; not columns: " + String.join(",", unknown.stream().limit(5).toList())));
        }
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        return (upload, results) -> pipeline(upload, out -> {
            CsvMapper csv = new CsvMapper();
            // Lines are counted from the header (line 1); a cell spanning lines counts as one.
            long line = upload.firstLine() - 1;
            try (MappingIterator<Map<String, String>> rows = csv.readerFor(Map.class).with(schema.build())
                    .readValues(lines.rest())) {
                while (true) {
                    line++;
                    Map<String, String> row;
                    try {
                        if (!rows.hasNextValue()) {
                            return;
                        }
                        row = rows.nextValue();
                    } catch (RuntimeException e) {
                        if (!out.accept(new Row(line, null, BulkRowResult.rejected(line, null,
                                List.of(new Problem.FieldError("line", "is not valid CSV")))))) {
                            return;
                        }
                        continue;
                    }
                    if (!out.accept(fromColumns(line, row))) {
                        return;
                    }
                }
            }
        }, results);
    }

    /** The header row's column names (simple names, optionally quoted; a byte order mark is ignored). */
    private static List<String> headerColumns(String header) {
        String text = header.startsWith("\uFEFF") ? header.substring(1) : header;
        return java.util.Arrays.stream(text.split(",", -1)).map(String::strip)
                .map(c -> c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1) : c)
                .toList();
    }

    /** Reads an upload's rows, parsed and validated, into {@code rows} in input order. */
    interface RowSource {
        void read(Rows rows) throws IOException;
    }

    /** Takes the rows read; false when the reader must stop (a limit was reached). */
    interface Rows {
        boolean accept(Row row);
    }

    /** The end of the rows, on the queue. */
    private static final List<Row> END = List.of();

    /**
     * Reads (parses, validates) on another thread while this one writes: batch n+1 is read while batch n is
     * in the database, instead of one after the other. The queue holds at most {@link #READ_AHEAD} batches, so
     * memory stays a few batches whatever the file's size. Writing stays on the caller's thread (its request:
     * tenant, subject); results leave in input order.
     */
    private void pipeline(BulkUpload upload, RowSource source, Consumer<List<BulkRowResult>> results) throws IOException {
        BlockingQueue<List<Row>> ready = new ArrayBlockingQueue<>(READ_AHEAD);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean();
        Thread reader = Thread.ofVirtual().name("measurement-import-reader").start(() -> {
            try {
                Batcher batches = new Batcher(ready, stopped, clock.instant().plus(limits.maxDuration()));
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
                results.accept(write(upload, batch));
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
    private final class Batcher implements Rows {
        private final BlockingQueue<List<Row>> ready;
        private final AtomicBoolean stopped;
        private final java.time.Instant deadline;
        private List<Row> rows = new ArrayList<>(batchSize);
        private long read;

        Batcher(BlockingQueue<List<Row>> ready, AtomicBoolean stopped, java.time.Instant deadline) {
            this.ready = ready;
            this.stopped = stopped;
            this.deadline = deadline;
        }

        @Override
        public boolean accept(Row row) {
            String limit = read >= limits.maxLines() ? "the upload reached its limit of " + limits.maxLines() + " lines"
                    : read % 100 == 0 && clock.instant().isAfter(deadline)
                    ? "the upload reached its time limit of " + limits.maxDuration() : null;
            if (limit != null) {
                rows.add(new Row(row.line(), null, BulkRowResult.notRead(row.line(), limit + "; send the rest from this line "
                        + "with the same " + BulkUpload.ID_HEADER + " and " + BulkUpload.FIRST_LINE_HEADER + ": " + row.line())));
                return false;
            }
            read++;
            rows.add(row);
            if (rows.size() >= batchSize) {
                handOver();
            }
            return true;
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
            Problem.FieldError error = e.getCause() instanceof JsonProcessingException json
                    ? JsonErrors.describe(json, "line") : new Problem.FieldError("line", "has a value of the wrong type or format");
            return new Row(line, null, BulkRowResult.rejected(line, columns.get("externalId"), List.of(error)));
        }
    }

    private Row parseJson(long line, String text) {
        try {
            MeasurementRequest request = json.readValue(text, MeasurementRequest.class);
            if (request == null) {
                return new Row(line, null, BulkRowResult.rejected(line, null,
                        List.of(new Problem.FieldError("line", "must be a JSON object, not null"))));
            }
            return validated(line, request);
        } catch (JsonProcessingException e) {
            return new Row(line, null, BulkRowResult.rejected(line, null, List.of(JsonErrors.describe(e, "line"))));
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
    private List<BulkRowResult> write(BulkUpload upload, List<Row> batch) {
        // A not-read marker ends the last batch: it is answered, never written or remembered.
        List<Row> rows = batch;
        BulkRowResult notRead = null;
        Row last = batch.get(batch.size() - 1);
        if (last.rejection() != null && "not-read".equals(last.rejection().outcome())) {
            notRead = last.rejection();
            rows = batch.subList(0, batch.size() - 1);
        }
        List<BulkRowResult> results = new ArrayList<>(batch.size());
        String tenant = caller.requireTenant();
        String subject = caller.subject();
        try {
            if (!rows.isEmpty()) {
                results.addAll(progress.commit(tenant, subject, upload, rows, measurements::writeBatch));
            }
        } catch (RuntimeException e) {
            // The batch rolled back as a whole (e.g. a concurrent upload wrote one of its external ids
            // first): row by row, so only the row that fails is rejected.
            for (Row row : rows) {
                try {
                    results.addAll(progress.commit(tenant, subject, upload, List.of(row), measurements::writeBatch));
                } catch (RuntimeException single) {
                    results.add(BulkRowResult.rejected(row.line(), row.request() == null ? null : row.request().externalId(),
                            List.of(new Problem.FieldError("line", "could not be written now (" + single.getClass()
                                    .getSimpleName() + "); send the row again"))));
                }
            }
        }
        if (notRead != null) {
            results.add(notRead);
        }
        return results;
    }

    /**
     * Lines of at most {@code max} characters: a longer one is skipped to its end and answered as
     * {@link #TOO_LONG}, so no line makes memory grow with the body.
     */
    static final class BoundedLines {
        static final String TOO_LONG = new String("<too long>");
        private final java.io.Reader in;
        private final int max;
        private final char[] buffer = new char[8192];
        private int position;
        private int limit;
        private boolean pushedCr;

        BoundedLines(java.io.Reader in, int max) {
            this.in = in;
            this.max = max;
        }

        String next() throws IOException {
            StringBuilder line = new StringBuilder();
            boolean tooLong = false;
            boolean any = false;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return any ? (tooLong ? TOO_LONG : line.toString()) : null;
                    }
                }
                char c = buffer[position++];
                any = true;
                if (c == '\n') {
                    return tooLong ? TOO_LONG : stripCr(line);
                }
                if (!tooLong) {
                    if (line.length() >= max) {
                        tooLong = true;
                        line.setLength(0);
                    } else {
                        line.append(c);
                    }
                }
            }
        }

        private static String stripCr(StringBuilder line) {
            int n = line.length();
            return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
        }

        /** What is left of the body after the lines read so far. */
        java.io.Reader rest() {
            return new java.io.Reader() {
                @Override
                public int read(char[] target, int offset, int length) throws IOException {
                    if (position < limit) {
                        int n = Math.min(length, limit - position);
                        System.arraycopy(buffer, position, target, offset, n);
                        position += n;
                        return n;
                    }
                    return in.read(target, offset, length);
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }
            };
        }
    }
}

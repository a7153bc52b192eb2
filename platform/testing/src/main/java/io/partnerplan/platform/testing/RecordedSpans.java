package io.partnerplan.platform.testing;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import jakarta.inject.Singleton;

import org.awaitility.Awaitility;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;

/**
 * The spans a service under test exported, kept in memory (the latest 20,000) so a test can assert
 * its traces and their parent links. Quarkus hands finished spans to every {@link SpanExporter} bean
 * (and, with one present, none to the OTLP exporter); spans exist only where the test profile turns
 * the SDK on ({@code %test.quarkus.otel.sdk.disabled=false}).
 */
@Singleton
@Unremovable
public class RecordedSpans implements SpanExporter {

    private static final int KEPT = 20_000;

    private final ConcurrentLinkedDeque<SpanData> spans = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();

    @Override
    public CompletableResultCode export(Collection<SpanData> finished) {
        spans.addAll(finished);
        for (int n = size.addAndGet(finished.size()); n > KEPT && spans.pollFirst() != null; n = size.decrementAndGet()) {
            // the oldest go first
        }
        return CompletableResultCode.ofSuccess();
    }

    /** The spans of one trace recorded so far, in start order. */
    public List<SpanData> ofTrace(String traceId) {
        return spans.stream().filter(s -> s.getTraceId().equals(traceId))
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
    }

    /** Waits (up to 30 s: spans are exported in batches) until the trace has a span with this name, and returns it. */
    public SpanData await(String traceId, String name) {
        return await(traceId, name, span -> true);
    }

    /** As {@link #await(String, String)}, for the span of that name that {@code matches}. */
    public SpanData await(String traceId, String name, Predicate<SpanData> matches) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> ofTrace(traceId).stream().filter(s -> s.getName().equals(name) && matches.test(s)).findFirst().orElse(null),
                        span -> span != null);
    }

    /** A span's string attribute, or null. */
    public static String attribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}

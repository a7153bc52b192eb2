package io.partnerplan.platform.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * OpenTelemetry traces across the asynchronous hops, in one place. A trace context is kept as the
 * W3C {@code traceparent}/{@code tracestate} pair, the CloudEvents distributed tracing extension's
 * attributes: written with an outbox row or a delivery when it is recorded (the span current then:
 * the HTTP request's, or the consumer's that caused it), and continued later by whoever publishes,
 * consumes or delivers it, as a child span. With the SDK off ({@code quarkus.otel.sdk.disabled}) spans
 * are no-ops and no context is written.
 */
@ApplicationScoped
public class Traces {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    public Traces(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The current span's context; {@link TraceContext#NONE} when nothing is traced. */
    public static TraceContext current() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return new TraceContext(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    /** The context a stored {@code traceparent}/{@code tracestate} names, or the root context when there is none. */
    public static Context parent(TraceContext stored) {
        if (stored == null || stored.traceparent() == null) {
            return Context.root();
        }
        Map<String, String> carrier = new HashMap<>();
        carrier.put(TRACEPARENT, stored.traceparent());
        if (stored.tracestate() != null) {
            carrier.put(TRACESTATE, stored.tracestate());
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, MAP);
    }

    /** A span, child of the stored context, not yet current: the caller ends it. */
    public Span start(String name, SpanKind kind, TraceContext parent, Map<String, String> attributes) {
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind).setParent(parent(parent));
        attributes.forEach((key, value) -> {
            if (value != null) {
                builder.setAttribute(key, value);
            }
        });
        return builder.startSpan();
    }

    /**
     * Runs {@code work} in a span, child of the stored context, current while it runs (so what it
     * records, outbox rows and deliveries, carries this span's context on). A failure marks the span.
     */
    public <T> T inSpan(String name, SpanKind kind, TraceContext parent, Map<String, String> attributes, Supplier<T> work) {
        Span span = start(name, kind, parent, attributes);
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException | Error e) {
            failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    public void inSpan(String name, SpanKind kind, TraceContext parent, Map<String, String> attributes, Runnable work) {
        inSpan(name, kind, parent, attributes, () -> {
            work.run();
            return null;
        });
    }

    public static void failed(Span span, Throwable e) {
        span.recordException(e);
        span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
    }

    /** A W3C trace context as the CloudEvents distributed tracing extension carries it. */
    public record TraceContext(String traceparent, String tracestate) {

        public static final TraceContext NONE = new TraceContext(null, null);
    }
}

package io.partnerplan.platform.events;

/** CloudEvents 1.0 Kafka protocol binding, binary content mode: attributes travel as {@code ce_} headers. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /** Extension attribute: the tenant the event belongs to. */
    public static final String TENANT = "ce_tenantid";
    /** Extension attribute: the request that caused the event, for tracing across services. */
    public static final String TRACE = "ce_traceid";
    /**
     * Distributed tracing extension: the W3C trace context in which the event was recorded (the
     * request's or the consuming span's); publishing and consuming spans are its children.
     */
    public static final String TRACEPARENT = "ce_traceparent";
    public static final String TRACESTATE = "ce_tracestate";
    /** Extension attribute: who caused the event (token subject or {@code system}). */
    public static final String ACTOR = "ce_actor";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }
}

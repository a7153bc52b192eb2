-- The trace context current when the event was recorded (W3C traceparent/tracestate): the relay
-- publishes it as the CloudEvents distributed tracing extension (ce_traceparent, ce_tracestate), so
-- the publish and every consumer continue the request's trace.
alter table outbox_event add column traceparent text;
alter table outbox_event add column tracestate text;

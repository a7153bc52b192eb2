-- The trace context of the consumer that queued a delivery (W3C traceparent/tracestate): the webhook
-- or email attempt, whenever a dispatcher gets to it, is a span of the same trace as the plan change.
alter table delivery add column traceparent text;
alter table delivery add column tracestate text;

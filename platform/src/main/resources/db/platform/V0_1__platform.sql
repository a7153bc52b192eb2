-- Platform tables present in every service database. Platform migrations are numbered 0.x and the
-- services' own from 1; Flyway runs with outOfOrder so a later platform migration still applies.

-- Transactional outbox: written with the state change, published by OutboxRelay in seq order.
create table outbox_event (
    id             uuid primary key,
    seq            bigint generated always as identity unique,
    tenant_id      text        not null,
    topic          text        not null,
    type           text        not null,
    source         text        not null,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    payload        text        not null,
    occurred_at    timestamptz not null,
    trace_id       text,
    published_at   timestamptz
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- Idempotent consumption: one row per event a consumer has applied.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    event_type   text        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);

-- Idempotency-Key for POST: the first answer, replayed for the same key and body.
create table idempotency_record (
    tenant_id     text        not null,
    caller        text        not null,
    idem_key      text        not null,
    request_hash  text        not null,
    status        integer,
    response_body text,
    response_type text,
    location      text,
    etag          text,
    created_at    timestamptz not null,
    primary key (tenant_id, caller, idem_key)
);
create index idempotency_record_created_at on idempotency_record (created_at);

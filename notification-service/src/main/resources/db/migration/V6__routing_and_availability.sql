-- A tenant's own choice of which plan roles hear an event type; roles null = back to the default
-- (the row stays, so its version keeps counting and a stale If-Match is still caught).
create table routing_rule (
    id         uuid primary key,
    tenant_id  text        not null,
    event_type text        not null,
    roles      text[],
    updated_by text        not null,
    updated_at timestamptz not null,
    version    bigint      not null,
    unique (tenant_id, event_type)
);

-- Out-of-office declared in calendar-service (availability.changed): while a member is away, their
-- notifications go to the delegate. Dates are inclusive.
create table availability (
    availability_id  uuid primary key,
    tenant_id        text        not null,
    organisation_id  uuid        not null,
    subject          text        not null,
    delegate_subject text,
    starts_on        date        not null,
    ends_on          date        not null,
    status           text        not null,   -- DECLARED | UPDATED | CANCELLED
    note             text,
    updated_at       timestamptz not null
);
create index availability_subject on availability (tenant_id, subject, starts_on) where status <> 'CANCELLED';

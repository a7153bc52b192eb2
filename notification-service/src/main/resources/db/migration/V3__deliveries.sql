-- Outgoing notifications on channels that can fail (email now, webhooks next): written in the
-- consumer's transaction, sent later by a dispatcher, so a mail server outage neither loses mail nor
-- blocks the Kafka consumer.
create table delivery (
    id              uuid primary key,
    tenant_id       text        not null,
    channel         text        not null,   -- EMAIL | WEBHOOK
    event_id        text        not null,
    event_type      text        not null,
    -- Who or what it goes to: the member's token subject (EMAIL), the subscription id (WEBHOOK).
    recipient       text        not null,
    -- Where it goes: the email address (a webhook's URL is read from its subscription when sending).
    address         text,
    -- What to send, as the channel needs it (JSON).
    payload         text        not null,
    status          text        not null,   -- PENDING | SENT | FAILED
    attempts        integer     not null default 0,
    -- Due time of the next attempt; while a dispatcher works on the row, the end of its lease.
    next_attempt_at timestamptz not null,
    last_error      text,
    last_status     integer,
    created_at      timestamptz not null,
    completed_at    timestamptz,
    -- One notification per event per recipient per channel, however often the event is delivered.
    unique (tenant_id, event_id, recipient, channel)
);
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_recipient on delivery (tenant_id, recipient, id desc);

-- The member's language for the email templates (member.added may carry it; English otherwise).
alter table plan_recipient add column locale text;

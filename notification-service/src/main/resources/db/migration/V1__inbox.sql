create table inbox_item (
    id         uuid primary key,
    tenant_id  text        not null,
    recipient  text        not null,
    event_id   text        not null,
    event_type text        not null,
    title      text        not null,
    body       text        not null,
    link       text,
    created_at timestamptz not null,
    read_at    timestamptz,
    -- One item per event per recipient, however often the event is delivered.
    unique (tenant_id, recipient, event_id)
);
create index inbox_item_recipient on inbox_item (tenant_id, recipient, id desc);
create index inbox_item_unread on inbox_item (tenant_id, recipient) where read_at is null;

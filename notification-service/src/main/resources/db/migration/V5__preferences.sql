-- A member's choices per event type and channel; no row means the default (on).
create table notification_preference (
    tenant_id  text        not null,
    subject    text        not null,
    event_type text        not null,
    channel    text        not null,   -- INBOX | EMAIL
    enabled    boolean     not null,
    updated_at timestamptz not null,
    primary key (tenant_id, subject, event_type, channel)
);

-- A member's own delivery settings: time zone, language, quiet hours (local times; an end before the
-- start spans midnight), and when their digests go out (local time; weekly on the given day).
create table member_setting (
    tenant_id          text        not null,
    subject            text        not null,
    time_zone          text        not null,
    locale             text,
    quiet_start        time,
    quiet_end          time,
    digest_time        time        not null,
    weekly_digest_day  text        not null,
    updated_at         timestamptz not null,
    primary key (tenant_id, subject)
);

-- Per event type and channel: at once (IMMEDIATE) or collected into a DAILY or WEEKLY digest (EMAIL).
alter table notification_preference add column frequency text not null default 'IMMEDIATE';

-- Notifications waiting for a member's digest; digest_key is set when a digest took them.
create table digest_item (
    id         uuid primary key,
    tenant_id  text        not null,
    subject    text        not null,
    frequency  text        not null,   -- DAILY | WEEKLY
    event_id   text        not null,
    event_type text        not null,
    title      text        not null,
    link       text,
    created_at timestamptz not null,
    digest_key text,
    unique (tenant_id, subject, event_id)
);
create index digest_item_pending on digest_item (tenant_id, subject, frequency) where digest_key is null;

-- One digest per member and period, whatever the number of replicas running the job.
create table digest_run (
    tenant_id  text        not null,
    subject    text        not null,
    digest_key text        not null,
    sent_at    timestamptz not null,
    primary key (tenant_id, subject, digest_key)
);

-- Each organisation's declared holidays (no reviews on those days) and blackout periods (shown side by side).
create table blocked_period (
    id              uuid primary key,
    tenant_id       text        not null,
    organisation_id uuid        not null,
    kind            text        not null check (kind in ('HOLIDAY', 'BLACKOUT')),
    name            text        not null,
    starts_on       date        not null,
    ends_on         date        not null check (ends_on >= starts_on),
    declared_by     text        not null,
    declared_at     timestamptz not null,
    version         bigint      not null
);
create index blocked_period_organisation on blocked_period (tenant_id, organisation_id, ends_on);

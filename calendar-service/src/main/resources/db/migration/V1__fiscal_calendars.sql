create table fiscal_calendar (
    id              uuid primary key,
    tenant_id       text        not null,
    organisation_id uuid        not null,
    start_month     integer     not null check (start_month between 1 and 12),
    start_day       integer     not null check (start_day between 1 and 28),
    year_naming     text        not null,
    updated_at      timestamptz not null,
    version         bigint      not null,
    unique (tenant_id, organisation_id)
);

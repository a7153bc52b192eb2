-- kpi-service's copy of plan-service's plans (event-carried state).
create table tracked_plan (
    plan_id                 uuid primary key,
    tenant_id               text not null,
    vendor_organisation_id  uuid not null,
    partner_organisation_id uuid not null,
    horizon_start           date not null,
    horizon_end             date not null,
    status                  text not null
);

create table measurement (
    id           uuid primary key,
    tenant_id    text           not null,
    plan_id      uuid           not null references tracked_plan (plan_id),
    kpi_id       uuid           not null references kpi_definition (id),
    value        numeric(20, 4) not null,
    currency     text,
    period_start date,
    occurred_on  date           not null,
    source       text           not null,
    external_id  text,
    reported_by  text           not null,
    recorded_at  timestamptz    not null,
    version      bigint         not null
);
create index measurement_plan_kpi on measurement (tenant_id, plan_id, kpi_id, occurred_on);
-- Re-sending the same external id of the same source is idempotent.
create unique index measurement_external_id on measurement (tenant_id, source, external_id) where external_id is not null;

create table measurement_revision (
    id             uuid primary key,
    tenant_id      text           not null,
    measurement_id uuid           not null references measurement (id),
    value          numeric(20, 4) not null,
    period_start   date,
    occurred_on    date           not null,
    reported_by    text           not null,
    recorded_at    timestamptz    not null,
    replaced_at    timestamptz    not null
);
create index measurement_revision_measurement on measurement_revision (measurement_id);

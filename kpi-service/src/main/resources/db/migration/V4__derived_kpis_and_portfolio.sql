-- A derived KPI is computed per window from a formula over other KPIs of the library; null for measured KPIs.
alter table kpi_definition add column formula text;

-- The names the vendor's portfolio shows and sorts by (plan.created carries the partner's name).
alter table tracked_plan add column title text, add column partner_name text;

-- Each plan's latest scorecard summary, one row per KPI, rewritten in the transaction that announces
-- kpi.scorecard.changed: the vendor's portfolio reads these rows, never the raw measurements.
create table plan_kpi_score (
    id                      uuid primary key,
    tenant_id               text           not null,
    plan_id                 uuid           not null references tracked_plan (plan_id),
    vendor_organisation_id  uuid           not null,
    kpi_key                 text           not null,
    kpi_name                text           not null,
    unit                    text           not null,
    currency                text,
    period                  text,
    period_start            date,
    period_end              date,
    target                  numeric(20, 4),
    actual                  numeric(20, 4),
    attainment              numeric(9, 1),
    forecast                numeric(20, 4),
    rag                     text,
    trend                   text,
    as_of                   date           not null,
    computed_at             timestamptz    not null,
    unique (tenant_id, plan_id, kpi_key)
);
create index plan_kpi_score_vendor on plan_kpi_score (tenant_id, vendor_organisation_id);

-- The agreed Mutual Operating Period of each vendor/partner pair (from mop.agreed): plans are measured in its periods.
create table partnership_period (
    id                      uuid primary key,
    tenant_id               text not null,
    mop_id                  uuid not null,
    vendor_organisation_id  uuid not null,
    partner_organisation_id uuid not null,
    label                   text not null,
    period_start            date not null,
    period_end              date not null,
    check (period_start <= period_end)
);
create index partnership_period_pair on partnership_period (tenant_id, vendor_organisation_id, partner_organisation_id, period_start);

-- A plan's targets for one KPI: the whole set in one row, replaced as a whole.
create table kpi_target_set (
    id         uuid primary key,
    tenant_id  text         not null,
    plan_id    uuid         not null references tracked_plan (plan_id),
    kpi_id     uuid         not null references kpi_definition (id),
    green_at   numeric(7, 2) not null,
    amber_at   numeric(7, 2) not null,
    periods    jsonb        not null,
    updated_by text         not null,
    updated_at timestamptz  not null,
    version    bigint       not null,
    unique (tenant_id, plan_id, kpi_id),
    check (amber_at <= green_at)
);

-- Each target period is judged once when its period closes (kpi.target.missed exactly once).
create table target_period_close (
    tenant_id    text        not null,
    plan_id      uuid        not null,
    kpi_id       uuid        not null,
    period_start date        not null,
    actual       numeric(20, 4),
    attainment   numeric(9, 1),
    closed_at    timestamptz not null,
    primary key (tenant_id, plan_id, kpi_id, period_start)
);

-- KPI-based milestone criteria (from plan-service's milestone events), judged here.
create table milestone_criterion (
    id               uuid primary key,
    tenant_id        text           not null,
    plan_id          uuid           not null,
    milestone_id     uuid           not null,
    kpi_key          text           not null,
    threshold        numeric(20, 4) not null,
    window_start     date           not null,
    window_end       date           not null,
    state            text           not null,
    actual           numeric(20, 4),
    forecast         numeric(20, 4),
    evaluated_at     timestamptz,
    state_changed_at timestamptz
);
create index milestone_criterion_plan on milestone_criterion (tenant_id, plan_id, kpi_key);
create index milestone_criterion_open on milestone_criterion (window_end) where state in ('ON_TRACK', 'AT_RISK');

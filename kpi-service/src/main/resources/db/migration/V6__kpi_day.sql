-- Each plan's values per KPI and day: what the scorecard, the portfolio's summaries and the milestone
-- criteria read, so their cost follows the days of a window, not the measurements stored. Kept by
-- ScorecardJob from the changes writers append to scorecard_dirty (never updated by writers: no hot row).
create table kpi_day (
    tenant_id        text    not null,
    plan_id          uuid    not null,
    kpi_id           uuid    not null,
    day              date    not null,
    total            numeric not null,
    count            bigint  not null,
    -- The day's value reported last (by recorded_at, then id), for KPIs aggregated by LAST.
    last_value       numeric(20, 4),
    last_recorded_at timestamptz,
    last_id          uuid,
    primary key (plan_id, kpi_id, day)
);

insert into kpi_day (tenant_id, plan_id, kpi_id, day, total, count, last_value, last_recorded_at, last_id)
select m.tenant_id, m.plan_id, m.kpi_id, m.occurred_on, sum(m.value), count(*),
       (array_agg(m.value order by m.recorded_at desc, m.id desc))[1],
       max(m.recorded_at), (array_agg(m.id order by m.recorded_at desc, m.id desc))[1]
from measurement m group by m.tenant_id, m.plan_id, m.kpi_id, m.occurred_on;

-- A mark may carry a change of one KPI's day (added to kpi_day when folded); recompute: the day lost or
-- changed a value, so its last value is read again from the measurements when folded.
alter table scorecard_dirty
    add column kpi_id           uuid,
    add column day              date,
    add column total            numeric,
    add column count            bigint,
    add column last_value       numeric(20, 4),
    add column last_recorded_at timestamptz,
    add column last_id          uuid,
    add column recompute        boolean not null default false;

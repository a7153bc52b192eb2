-- Every value a plan's KPI target had for a period, and since when: a closed period is judged (and a held
-- review shown) against the target in force when it ended, even when an amendment changed it afterwards.
create table target_revision (
    tenant_id    text           not null,
    plan_id      uuid           not null,
    kpi_id       uuid           not null,
    period_start date           not null,
    period_end   date           not null,
    target       numeric(20, 4) not null,
    set_at       timestamptz    not null,
    set_by       text           not null
);
create index target_revision_period on target_revision (tenant_id, plan_id, period_start, kpi_id, set_at);

-- The targets held so far, as of their last change (kpi_target_set.periods keeps dates as [year, month, day]).
create function pg_temp.day(d jsonb) returns date language sql immutable as $$
    select case when jsonb_typeof(d) = 'array' then make_date((d ->> 0)::int, (d ->> 1)::int, (d ->> 2)::int)
                else (d #>> '{}')::date end
$$;
insert into target_revision (tenant_id, plan_id, kpi_id, period_start, period_end, target, set_at, set_by)
select s.tenant_id, s.plan_id, s.kpi_id, pg_temp.day(p -> 'start'), pg_temp.day(p -> 'end'), (p ->> 'target')::numeric,
       s.updated_at, s.updated_by
from kpi_target_set s cross join lateral jsonb_array_elements(s.periods) p;

-- A renewed plan and the successor drafted from it (plan.renewed): the renewed plan's open reviews stay
-- until the successor is agreed (its plan.agreed), so the running plan is still reviewed meanwhile.
create table plan_succession (
    plan_id           uuid primary key,
    tenant_id         text        not null,
    successor_plan_id uuid        not null,
    renewed_at        timestamptz not null
);
create index plan_succession_successor on plan_succession (tenant_id, successor_plan_id);

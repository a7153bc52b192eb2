-- The written sections of a plan as one document.
alter table plan add column sections jsonb not null default '{}'::jsonb;

-- Every version of every plan, for history and diffs.
create table plan_version (
    id           uuid primary key,
    tenant_id    text        not null,
    plan_id      uuid        not null references plan (id),
    plan_version bigint      not null,
    change       text        not null,
    changed_by   text        not null,
    changed_at   timestamptz not null,
    snapshot     jsonb       not null,
    unique (plan_id, plan_version)
);

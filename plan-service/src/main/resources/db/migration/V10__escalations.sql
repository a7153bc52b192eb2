-- Who is told, level by level, when an action is overdue or a milestone missed; one row per plan
-- that replaced the default ladder. Levels as JSON: read and replaced whole.
create table escalation_policy (
    plan_id    uuid primary key references plan (id),
    tenant_id  text        not null,
    levels     jsonb       not null,
    updated_by text        not null,
    updated_at timestamptz not null,
    version    bigint      not null
);

-- One escalation per cause while it is open. The ladder is copied from the policy when raised, so a
-- later policy change does not move escalations already under way.
create table escalation (
    id                 uuid primary key,
    tenant_id          text        not null,
    plan_id            uuid        not null references plan (id),
    cause              text        not null,
    cause_id           uuid        not null,
    title              text        not null,
    level              int         not null,
    level_count        int         not null,
    levels             jsonb       not null,
    recipients         jsonb       not null,
    roles              jsonb       not null,
    acknowledge_by     timestamptz not null,
    status             text        not null,
    acknowledged_by    text,
    acknowledged_at    timestamptz,
    rectification_plan jsonb,
    resolved_by        text,
    resolved_at        timestamptz,
    raised_at          timestamptz not null,
    version            bigint      not null
);
create index escalation_plan on escalation (tenant_id, plan_id, id);
-- "Once per cause": a second overdue announcement or missed verdict raises nothing while one is open.
create unique index escalation_open_cause on escalation (cause, cause_id) where status <> 'RESOLVED';
-- The climbing job's claim, across tenants.
create index escalation_due on escalation (acknowledge_by) where status = 'RAISED' and level < level_count;

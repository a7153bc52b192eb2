create table action_item (
    id                   uuid primary key,
    tenant_id            text        not null,
    plan_id              uuid        not null references plan (id),
    title                text        not null,
    description          text,
    owner                text        not null,
    due_on               date        not null,
    status               text        not null,
    strategy_key         text,
    overdue_announced_at timestamptz,
    created_at           timestamptz not null,
    version              bigint      not null
);
create index action_item_plan on action_item (tenant_id, plan_id, id);
-- The overdue job's claim, across tenants.
create index action_item_open_due on action_item (due_on)
    where status in ('OPEN', 'IN_PROGRESS', 'BLOCKED') and overdue_announced_at is null;

-- Objectives: measurable outcomes, each linked to one or more KPIs with a target, due in a period.
create table objective (
    id           uuid primary key,
    tenant_id    text        not null,
    plan_id      uuid        not null references plan (id),
    title        text        not null,
    description  text,
    measures     jsonb       not null,
    period_start date        not null,
    period_end   date        not null check (period_end >= period_start),
    created_at   timestamptz not null,
    version      bigint      not null
);
create index objective_plan on objective (tenant_id, plan_id, id);

-- Action items may serve an objective; removing the objective (by amendment) keeps the action.
alter table action_item add column objective_id uuid references objective (id) on delete set null;

-- Budgets: who funds what kind of resource, planned against committed and spent.
create table budget (
    id            uuid primary key,
    tenant_id     text           not null,
    plan_id       uuid           not null references plan (id),
    title         text           not null,
    funding_party text           not null check (funding_party in ('VENDOR', 'PARTNER')),
    resource_type text           not null,
    funding_kind  text           not null check (funding_kind in ('MDF', 'CO_INVESTMENT')),
    currency      text           not null,
    planned       numeric(20, 4) not null check (planned >= 0),
    committed     numeric(20, 4) not null check (committed >= 0),
    spent         numeric(20, 4) not null check (spent >= 0),
    created_at    timestamptz    not null,
    version       bigint         not null
);
create index budget_plan on budget (tenant_id, plan_id, id);

-- Changes to an agreed plan, proposed by one side and accepted or rejected by the other.
create table amendment (
    id               uuid primary key,
    tenant_id        text        not null,
    plan_id          uuid        not null references plan (id),
    proposed_by      text        not null,
    proposed_by_side text        not null check (proposed_by_side in ('VENDOR', 'PARTNER')),
    reason           text        not null,
    changes          jsonb       not null,
    status           text        not null check (status in ('PROPOSED', 'ACCEPTED', 'REJECTED')),
    accepted_by      text,
    rejected_by      text,
    rejection_reason text,
    from_version     bigint      not null,
    to_version       bigint,
    proposed_at      timestamptz not null,
    decided_at       timestamptz,
    version          bigint      not null
);
create index amendment_plan on amendment (tenant_id, plan_id, id);
-- One open amendment per plan at a time: its base is then always the plan's current content.
create unique index amendment_one_open on amendment (plan_id) where status = 'PROPOSED';

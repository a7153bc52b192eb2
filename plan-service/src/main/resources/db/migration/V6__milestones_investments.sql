-- Milestones with their completion criteria (JSONB: read and changed with the milestone).
create table milestone (
    id          uuid primary key,
    tenant_id   text        not null,
    plan_id     uuid        not null references plan (id),
    title       text        not null,
    description text,
    due_on      date        not null,
    status      text        not null,
    criteria    jsonb       not null,
    decided_at  timestamptz,
    created_at  timestamptz not null,
    version     bigint      not null
);
create index milestone_plan on milestone (tenant_id, plan_id, id);

-- Future investments, released when their milestone is achieved.
create table investment (
    id            uuid primary key,
    tenant_id     text           not null,
    plan_id       uuid           not null references plan (id),
    milestone_id  uuid           not null references milestone (id),
    title         text           not null,
    description   text,
    funding_party text           not null,
    amount        numeric(20, 4) not null check (amount >= 0),
    currency      text           not null,
    status        text           not null,
    unlocked_at   timestamptz,
    created_at    timestamptz    not null,
    version       bigint         not null
);
create index investment_plan on investment (tenant_id, plan_id);
create index investment_milestone on investment (milestone_id) where status = 'LOCKED';

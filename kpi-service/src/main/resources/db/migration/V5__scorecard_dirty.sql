-- Plans whose scorecard summary is to be recomputed and announced (kpi.scorecard.changed) by ScorecardJob.
-- A write only appends a row here, in its own transaction: no shared row is locked, so writes to one plan
-- are not serialised. The job deletes a plan's rows and then computes its summary (in later statements, so
-- every write whose row it deleted is seen); rows committed meanwhile stay for its next round.
create table scorecard_dirty (
    id        bigint generated always as identity primary key,
    tenant_id text        not null,
    plan_id   uuid        not null,
    marked_at timestamptz not null
);
create index scorecard_dirty_plan on scorecard_dirty (plan_id);

-- When each plan's summary was last announced: at most one kpi.scorecard.changed per plan per spacing.
create table scorecard_announced (
    plan_id      uuid primary key references tracked_plan (plan_id),
    tenant_id    text        not null,
    announced_at timestamptz not null
);

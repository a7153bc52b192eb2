-- Reviews the two sides held: what they decided, who was there, and the KPI scorecard as it stood.
create table review_held (
    id                  uuid primary key,
    tenant_id           text        not null,
    plan_id             uuid        not null references plan (id),
    -- calendar-service's occurrence this review closes, when the recorder named it
    scheduled_review_id uuid,
    held_on             date        not null,
    attendees           jsonb       not null,
    notes               text,
    decisions           jsonb       not null,
    kpi_snapshot        jsonb,
    action_ids          jsonb       not null,
    recorded_by         text        not null,
    recorded_at         timestamptz not null
);
create index review_held_plan on review_held (tenant_id, plan_id, id);

-- The latest kpi.scorecard.changed per plan, copied into the reviews held while it is the latest.
create table kpi_scorecard (
    plan_id     uuid primary key,
    tenant_id   text        not null,
    computed_at timestamptz not null,
    summary     jsonb       not null,
    received_at timestamptz not null
);

-- Organisations as PRM/CRM systems know them.
create table organisation_external_id (
    id              uuid primary key,
    tenant_id       text not null,
    organisation_id uuid not null references organisation (id),
    system          text not null,
    external_id     text not null,
    unique (tenant_id, system, external_id)
);
create index organisation_external_id_org on organisation_external_id (organisation_id);

-- How often the parties review the plan: monthly or quarterly, never only yearly.
alter table plan add column review_cadence text not null default 'QUARTERLY'
    check (review_cadence in ('MONTHLY', 'QUARTERLY'));

-- One sign-off per side; both are needed for the plan to be agreed.
create table plan_sign_off (
    plan_id        uuid        not null references plan (id),
    tenant_id      text        not null,
    side           text        not null check (side in ('VENDOR', 'PARTNER')),
    signed_by      text        not null,
    signed_at      timestamptz not null,
    plan_version   bigint      not null,
    primary key (plan_id, side)
);

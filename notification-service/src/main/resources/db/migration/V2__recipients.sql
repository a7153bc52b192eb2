-- Copies of plan-service's plans and members, fed by its events: who hears about which plan.
create table known_plan (
    plan_id                 uuid primary key,
    tenant_id               text        not null,
    title                   text        not null,
    vendor_organisation_id  uuid        not null,
    partner_organisation_id uuid        not null,
    status                  text        not null,
    updated_at              timestamptz not null
);

create table plan_recipient (
    id              uuid primary key,
    tenant_id       text not null,
    plan_id         uuid not null,
    subject         text not null,
    organisation_id uuid not null,
    side            text not null,
    role            text not null,
    display_name    text not null,
    email           text,
    unique (tenant_id, plan_id, subject)
);
create index plan_recipient_plan on plan_recipient (tenant_id, plan_id);

-- Market development funds and co-op money: the vendor's approval policy, the partner's requests against a
-- budget line of the plan, and every decision on them (levels by amount, with reasons).
create table fund_policy (
    id                     uuid primary key,
    tenant_id              text        not null,
    vendor_organisation_id uuid        not null references organisation (id),
    currency               text        not null,
    levels                 jsonb       not null,
    claim_window_days      integer     not null check (claim_window_days between 1 and 730),
    reminder_days          integer     not null check (reminder_days between 0 and 365),
    updated_by             text        not null,
    updated_at             timestamptz not null,
    version                bigint      not null,
    unique (tenant_id, vendor_organisation_id)
);

create table fund_request (
    id                      uuid primary key,
    tenant_id               text           not null,
    plan_id                 uuid           not null references plan (id),
    budget_id               uuid           not null,
    partner_organisation_id uuid           not null references organisation (id),
    requested_by            text           not null,
    title                   text           not null,
    description             text,
    strategy_key            text,
    objective_ids           jsonb          not null,
    starts_on               date           not null,
    ends_on                 date           not null check (ends_on >= starts_on),
    currency                text           not null,
    total_cost              numeric(20, 4) not null check (total_cost > 0),
    vendor_share_percent    numeric(7, 4)  not null check (vendor_share_percent > 0 and vendor_share_percent <= 100),
    requested_amount        numeric(20, 4) not null check (requested_amount > 0),
    expected_results        jsonb          not null,
    levels                  jsonb          not null,
    status                  text           not null,
    awaiting_level          integer,
    decisions               jsonb          not null,
    approved_amount         numeric(20, 4) check (approved_amount > 0),
    approved_at             timestamptz,
    claim_by                date,
    reminded_at             timestamptz,
    claimed_amount          numeric(20, 4) not null default 0,
    paid_amount             numeric(20, 4) not null default 0,
    created_at              timestamptz    not null,
    updated_at              timestamptz    not null,
    version                 bigint         not null
);
create index fund_request_plan on fund_request (tenant_id, plan_id, id);
create index fund_request_claim_by on fund_request (claim_by) where status = 'APPROVED';

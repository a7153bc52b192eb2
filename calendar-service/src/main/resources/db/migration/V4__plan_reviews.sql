create table plan_review (
    id                      uuid primary key,
    tenant_id               text    not null,
    plan_id                 uuid    not null,
    vendor_organisation_id  uuid    not null,
    partner_organisation_id uuid    not null,
    sequence                integer not null,
    due_on                  date    not null,
    status                  text    not null,
    unique (plan_id, due_on)
);
create index plan_review_plan on plan_review (tenant_id, plan_id, due_on);
-- The job's claim: open reviews by due date, across tenants.
create index plan_review_open on plan_review (status, due_on) where status in ('SCHEDULED', 'UPCOMING', 'DUE');

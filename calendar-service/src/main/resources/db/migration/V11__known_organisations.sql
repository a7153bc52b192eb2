-- The organisations of each tenant, as plan-service announces them (organisation.created / .updated): the
-- calendar answers only for organisations its caller's tenant has, so another tenant's id is not found.
create table known_organisation (
    tenant_id       text        not null,
    organisation_id uuid        not null,
    name            text,
    kind            text,
    time_zone       text,
    version         bigint      not null,
    learned_at      timestamptz not null,
    primary key (tenant_id, organisation_id)
);
-- Whether an organisation has arrived at all, whatever the tenant (a request waits only for one that has not).
create index known_organisation_id on known_organisation (organisation_id);
-- Organisations announced before this table were consumed without being kept; those the calendar already holds
-- data for are known (version -1: the next announcement replaces the row). Others become known at their next update.
insert into known_organisation (tenant_id, organisation_id, version, learned_at)
select tenant_id, organisation_id, -1, now() from fiscal_calendar
union select tenant_id, organisation_id, -1, now() from blocked_period
union select tenant_id, organisation_id, -1, now() from availability
union select tenant_id, vendor_organisation_id, -1, now() from mutual_operating_period
union select tenant_id, partner_organisation_id, -1, now() from mutual_operating_period
union select tenant_id, vendor_organisation_id, -1, now() from plan_review
union select tenant_id, partner_organisation_id, -1, now() from plan_review;

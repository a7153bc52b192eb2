-- The vendor's partner programmes: tiers from the entry tier up, each with its requirements over KPIs
-- and its benefits (kept as one JSON document: the programme changes as a whole, with one version).
create table partner_programme (
    id          uuid primary key,
    tenant_id   text        not null,
    name        text        not null,
    description text,
    tiers       jsonb       not null,
    created_by  text        not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null,
    unique (tenant_id, name)
);

-- A partner organisation's profile in the programme: who the partner is and which tier it holds.
-- Part of the organisation (its version and organisation.updated events carry it).
create table partner_profile (
    organisation_id uuid primary key references organisation (id),
    tenant_id       text        not null,
    programme_id    uuid references partner_programme (id),
    tier            text,
    tier_since      date,
    partner_type    text check (partner_type in ('RESELLER', 'MSP', 'SI', 'DISTRIBUTOR', 'REFERRAL')),
    headcount       integer check (headcount >= 0),
    segments        jsonb       not null default '[]',
    specialisations jsonb       not null default '[]',
    certifications  jsonb       not null default '[]',
    updated_at      timestamptz not null,
    check (tier is null or programme_id is not null)
);
create index partner_profile_tier on partner_profile (tenant_id, programme_id, tier);
create index partner_profile_type on partner_profile (tenant_id, partner_type);
-- The regions a partner covers, in the order given: the vendor filters partners by one.
create table partner_profile_region (
    organisation_id uuid    not null references partner_profile (organisation_id) on delete cascade,
    position        integer not null,
    region          text    not null,
    primary key (organisation_id, position)
);
create index partner_profile_region_region on partner_profile_region (region);

create table mutual_operating_period (
    id                      uuid primary key,
    tenant_id               text        not null,
    vendor_organisation_id  uuid        not null,
    partner_organisation_id uuid        not null,
    form                    text        not null,
    status                  text        not null check (status in ('PROPOSED', 'AGREED', 'SUPERSEDED')),
    horizon_start           date        not null,
    horizon_end             date        not null,
    periods                 jsonb       not null,
    proposed_by             text        not null,
    proposed_at             timestamptz not null,
    vendor_accepted_by      text,
    vendor_accepted_at      timestamptz,
    partner_accepted_by     text,
    partner_accepted_at     timestamptz,
    version                 bigint      not null
);
create index mutual_operating_period_pair on mutual_operating_period (tenant_id, vendor_organisation_id, partner_organisation_id, id);
-- At most one agreed MOP per partnership at a time.
create unique index mutual_operating_period_agreed on mutual_operating_period (tenant_id, vendor_organisation_id, partner_organisation_id)
    where status = 'AGREED';

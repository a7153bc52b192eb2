-- Deal registrations from partners' and the vendor's CRM/PRM (or typed in), by the writer's external id
-- within its source and organisation, like measurements. They feed the partner's pipeline KPIs.
create table deal_registration (
    id                      uuid primary key,
    tenant_id               text           not null,
    partner_organisation_id uuid           not null,
    source                  text           not null,
    organisation_id         uuid           not null,
    external_id             text           not null,
    account                 text           not null,
    amount                  numeric(20, 4) not null check (amount >= 0),
    currency                text           not null,
    stage                   text           not null check (stage in ('REGISTERED', 'APPROVED', 'REJECTED', 'WON', 'LOST')),
    registered_on           date           not null,
    expected_close_on       date           not null,
    actual_close_on         date,
    products                jsonb          not null default '[]',
    updated_by              text           not null,
    created_at              timestamptz    not null,
    updated_at              timestamptz    not null,
    version                 bigint         not null,
    unique (tenant_id, organisation_id, source, external_id)
);
create index deal_registration_partner on deal_registration (tenant_id, partner_organisation_id, id);

create table organisation (
    id         uuid primary key,
    tenant_id  text        not null,
    name       text        not null,
    kind       text        not null check (kind in ('VENDOR', 'PARTNER')),
    time_zone  text        not null,
    created_at timestamptz not null,
    version    bigint      not null
);
create index organisation_tenant on organisation (tenant_id, id);

create table plan (
    id                      uuid primary key,
    tenant_id               text        not null,
    vendor_organisation_id  uuid        not null references organisation (id),
    partner_organisation_id uuid        not null references organisation (id),
    title                   text        not null,
    horizon_start           date        not null,
    horizon_end             date        not null check (horizon_end > horizon_start),
    status                  text        not null,
    created_by              text        not null,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    version                 bigint      not null
);
create index plan_vendor on plan (tenant_id, vendor_organisation_id, id);
create index plan_partner on plan (tenant_id, partner_organisation_id, id);

create table kpi_definition (
    id          uuid primary key,
    tenant_id   text        not null,
    key         text        not null,
    name        text        not null,
    unit        text        not null,
    currency    text,
    direction   text        not null,
    aggregation text        not null,
    created_at  timestamptz not null,
    version     bigint      not null,
    unique (tenant_id, key),
    check ((unit = 'CURRENCY') = (currency is not null))
);

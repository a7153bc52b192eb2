-- Webhook subscriptions of a tenant's PRM/CRM systems. The secret signs every delivery; after a
-- rotation the previous one stays valid until previous_secret_expires_at (both signatures are sent).
-- The circuit breaker state is per endpoint, here, so every replica sees the same state.
create table webhook_subscription (
    id                          uuid primary key,
    tenant_id                   text        not null,
    url                         text        not null,
    description                 text,
    event_types                 text[]      not null,
    active                      boolean     not null,
    secret                      text        not null,
    previous_secret             text,
    previous_secret_expires_at  timestamptz,
    consecutive_failures        integer     not null default 0,
    circuit_open_until          timestamptz,
    created_by                  text        not null,
    created_at                  timestamptz not null,
    version                     bigint      not null
);
create index webhook_subscription_tenant on webhook_subscription (tenant_id, id);
create index webhook_subscription_types on webhook_subscription using gin (event_types) where active;

create index delivery_failed on delivery (tenant_id, channel, id desc) where status = 'FAILED';

-- Out-of-office periods members declare, with the delegate who stands in for them.
create table availability (
    id                uuid primary key,
    tenant_id         text        not null,
    organisation_id   uuid        not null,
    subject           text        not null,
    delegate_subject  text        not null check (delegate_subject <> subject),
    starts_on         date        not null,
    ends_on           date        not null check (ends_on >= starts_on),
    note              text,
    status            text        not null check (status in ('DECLARED', 'UPDATED', 'CANCELLED')),
    declared_by       text        not null,
    updated_at        timestamptz not null,
    version           bigint      not null
);
create index availability_person on availability (tenant_id, organisation_id, subject, starts_on);
create index availability_window on availability (tenant_id, organisation_id, ends_on) where status <> 'CANCELLED';

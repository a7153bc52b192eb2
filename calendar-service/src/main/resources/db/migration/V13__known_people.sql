-- The people of each tenant's organisations, learnt from plan-service's person.upserted (its directory): an
-- owner declares an absence only for a person of their own organisation, never for another's (issue 19).
create table known_person (
    tenant_id       text   not null,
    subject         text   not null,
    organisation_id uuid   not null,
    version         bigint not null,
    primary key (tenant_id, subject)
);

-- The people notifications go to, as plan-service's directory says they are (person.upserted): their
-- address, language and time zone come from here, never from a plan membership.
create table person (
    tenant_id       text        not null,
    subject         text        not null,
    person_id       uuid        not null,
    organisation_id uuid        not null,
    display_name    text        not null,
    email           text,
    locale          text,
    time_zone       text,
    version         bigint      not null,
    learned_at      timestamptz not null,
    primary key (tenant_id, subject)
);

-- Members' addresses and languages were whatever the person who added them typed in: gone.
alter table plan_recipient drop column email;
alter table plan_recipient drop column locale;

-- The directory: the people of each organisation, as the identity provider (just in time, from a
-- verified token) or the organisation's own integration client (by its external id) says they are.
-- Contact details live here only; a plan membership names a person and carries none of its own.
create table person (
    id              uuid primary key,
    tenant_id       text        not null,
    subject         text        not null,
    organisation_id uuid        not null references organisation (id),
    display_name    text        not null,
    email           text,
    locale          text,
    time_zone       text,
    external_system text,
    external_id     text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0,
    unique (tenant_id, subject),
    unique (tenant_id, organisation_id, external_system, external_id)
);
create index person_organisation on person (tenant_id, organisation_id, id);

-- Members of plans so far become people of their organisation. Their address, language and zone
-- were typed in by whoever added them, so none of it is carried over: it comes with the person's
-- next token (or their organisation's sync).
insert into person (id, tenant_id, subject, organisation_id, display_name, created_at, updated_at)
select distinct on (tenant_id, subject) gen_random_uuid(), tenant_id, subject, organisation_id, display_name, added_at, added_at
from plan_member
order by tenant_id, subject, added_at;

alter table plan_member add column person_id uuid references person (id);
update plan_member m set person_id = p.id from person p where p.tenant_id = m.tenant_id and p.subject = m.subject;
alter table plan_member alter column person_id set not null;
alter table plan_member drop column display_name;
alter table plan_member drop column email;
alter table plan_member drop column locale;
alter table plan_member drop column time_zone;

-- Invitations of people not yet in the directory: accepted by the invitee with their own token.
create table plan_invitation (
    id              uuid primary key,
    tenant_id       text        not null,
    plan_id         uuid        not null references plan (id),
    organisation_id uuid        not null references organisation (id),
    role            text        not null,
    email           text        not null,
    status          text        not null check (status in ('PENDING', 'ACCEPTED', 'REVOKED')),
    invited_by      text        not null,
    invited_at      timestamptz not null,
    expires_at      timestamptz not null,
    accepted_by     text,
    accepted_at     timestamptz,
    version         bigint      not null default 0
);
create index plan_invitation_plan on plan_invitation (tenant_id, plan_id, id);

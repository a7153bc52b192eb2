create table plan_member (
    id              uuid primary key,
    tenant_id       text        not null,
    plan_id         uuid        not null references plan (id),
    subject         text        not null,
    organisation_id uuid        not null references organisation (id),
    role            text        not null,
    display_name    text        not null,
    email           text,
    added_by        text        not null,
    added_at        timestamptz not null,
    unique (plan_id, subject)
);

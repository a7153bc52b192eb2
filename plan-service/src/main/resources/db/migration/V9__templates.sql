-- Plan templates: the vendor's playbook for new plans (sections, objectives, action and milestone skeletons).
create table plan_template (
    id                     uuid primary key,
    tenant_id              text        not null,
    vendor_organisation_id uuid        not null references organisation (id),
    name                   text        not null,
    description            text,
    content                jsonb       not null,
    created_by             text        not null,
    created_at             timestamptz not null,
    version                bigint      not null
);
create index plan_template_vendor on plan_template (tenant_id, vendor_organisation_id, id);

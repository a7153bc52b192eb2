-- Templates shared with partners: with all of them, or with the ones the vendor chose.
alter table plan_template add column shared_with_all_partners boolean not null default false;
create table plan_template_partner (
    template_id             uuid not null references plan_template (id) on delete cascade,
    partner_organisation_id uuid not null references organisation (id),
    primary key (template_id, partner_organisation_id)
);
create index plan_template_partner_org on plan_template_partner (partner_organisation_id);

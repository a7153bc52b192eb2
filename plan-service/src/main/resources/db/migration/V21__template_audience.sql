-- Templates marked for partner tiers and types: a new plan with a partner of that tier or type starts
-- from the best matching one unless another (or none) is named.
alter table plan_template add column audience_tiers jsonb not null default '[]';
alter table plan_template add column audience_partner_types jsonb not null default '[]';
-- The template a plan was drafted from (none for a blank plan); templates may be deleted, plans stay.
alter table plan add column template_id uuid;

-- Issue 19: an organisation's own integration client subscribes to the events of its own plans. A
-- subscription names the organisation whose client owns it; null for the tenant's own (tenant admin).
alter table webhook_subscription add column organisation_id uuid;
create index webhook_subscription_organisation on webhook_subscription (tenant_id, organisation_id);

-- Plan search: by partner and status within a tenant, and owners among members.
create index plan_partner_status on plan (tenant_id, partner_organisation_id, status, id);
create index plan_member_subject on plan_member (tenant_id, subject, role);
-- Checklist milestones decided on their due date, across tenants.
create index milestone_undecided_due on milestone (due_on) where status in ('PENDING', 'AT_RISK');

-- A member's latest membership by subject (who a delegate is, whom a preference belongs to) was found by scanning
-- the tenant's members: the cost grew with the tenant. The id orders the newest first, as the look-up asks.
create index plan_recipient_subject on plan_recipient (tenant_id, subject, id);

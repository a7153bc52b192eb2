-- Plan search by status from the vendor's side (GET /plans?status=ACTIVE for a vendor manager): without it
-- PostgreSQL walks all of the vendor's plans in id order to find the few in that status (bench/run growth:
-- 1.5 s p50 at 10^6 plans, 200 ms per query in PostgreSQL; with it 0.3 ms). The partner's side has plan_partner_status.
create index plan_vendor_status on plan (tenant_id, vendor_organisation_id, status, id);

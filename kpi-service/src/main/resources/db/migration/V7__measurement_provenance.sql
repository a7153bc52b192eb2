-- Issue 19: a measurement's source comes from the writer's token (an integration client's id, or MANUAL
-- for people), and its external id is scoped to the writer's organisation, so one organisation (or one
-- client) can never address another's rows. Rows written before keep the source their body named and
-- no organisation: no caller's key reaches them any more, and no caller may correct them.
alter table measurement add column organisation_id uuid;
drop index measurement_external_id;
create unique index measurement_external_id on measurement (tenant_id, organisation_id, source, external_id)
    where external_id is not null;

-- A revision says who wrote the value it keeps (source, currency), and who replaced it.
alter table measurement_revision add column source text, add column currency text, add column replaced_by text;
update measurement_revision r set source = m.source, currency = m.currency from measurement m where m.id = r.measurement_id;
alter table measurement_revision alter column source set not null;
create index measurement_revision_measurement_replaced on measurement_revision (measurement_id, replaced_at);
drop index measurement_revision_measurement;

-- Who signs for each side is agreed with the plan: the vendor's manager and the partner's owner, or
-- their executive sponsors too.
alter table plan add column signing_policy text not null default 'MANAGER_AND_OWNER'
    check (signing_policy in ('MANAGER_AND_OWNER', 'SPONSORS_TOO'));

-- The plan version each written section last changed at: a merge patch read at an older version
-- still applies when the sections it touches did not change since (the other side's edits of other
-- sections are kept, not refused as stale).
alter table plan add column section_versions jsonb not null default '{}'::jsonb;

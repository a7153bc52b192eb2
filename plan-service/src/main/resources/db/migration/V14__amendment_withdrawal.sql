-- An amendment can be withdrawn: by its proposing side, or with its plan when the plan is closed or
-- renewed (nobody is left asked to decide a change to a plan that no longer runs).
alter table amendment drop constraint amendment_status_check;
alter table amendment add constraint amendment_status_check
    check (status in ('PROPOSED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN'));
alter table amendment add column withdrawn_by text;
alter table amendment add column withdrawal_reason text;

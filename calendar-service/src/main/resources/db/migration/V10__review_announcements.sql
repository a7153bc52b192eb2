-- review.due is announced at each configured lead time (default 7 and 1 days before, and on the day): one row per
-- occurrence, the due date it was announced for, and lead time, so each announcement is made once whatever the
-- replicas, and a moved occurrence is announced again relative to its new date.
create table review_announcement (
    review_id    uuid        not null references plan_review (id) on delete cascade,
    due_on       date        not null,
    lead_days    integer     not null,
    tenant_id    text        not null,
    announced_at timestamptz not null,
    primary key (review_id, due_on, lead_days)
);
-- Before this table the job had one step ahead (7 days) and one on the day; what it already announced is not
-- announced again.
insert into review_announcement (review_id, due_on, lead_days, tenant_id, announced_at)
select id, due_on, 7, tenant_id, now() from plan_review where status = 'UPCOMING';
insert into review_announcement (review_id, due_on, lead_days, tenant_id, announced_at)
select id, due_on, 0, tenant_id, now() from plan_review where status = 'DUE';

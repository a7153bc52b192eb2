-- review.completed closes an occurrence (once per held review); a single occurrence can be moved.
alter table plan_review
    add column version        bigint not null default 0,
    add column planned_on     date,
    add column completed_on   date,
    add column held_review_id uuid;
-- The date the schedule's rule gave; differs from due_on once someone moved the review.
update plan_review set planned_on = due_on;
alter table plan_review alter column planned_on set not null;
create unique index plan_review_held on plan_review (plan_id, held_review_id) where held_review_id is not null;

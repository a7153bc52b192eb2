-- The plan a renewal drafted from this one: the renewed plan is still reviewed until its successor is agreed.
alter table plan add column successor_plan_id uuid references plan (id);

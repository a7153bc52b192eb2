-- Members' language and time zone, carried on member.added so notification-service writes to each
-- person in their language and keeps quiet hours in their zone (both optional).
alter table plan_member add column locale text;
alter table plan_member add column time_zone text;

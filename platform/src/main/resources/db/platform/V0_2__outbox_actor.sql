-- Who caused the event (token subject, or "system" for jobs and consumers): ce_actor on Kafka.
alter table outbox_event add column actor text;

-- Audit trail per plan: who changed what and when. Every change to a plan writes its event to the
-- outbox in the change's transaction; this trigger copies each plan event into the audit in that
-- same transaction, so nothing changes a plan without an audit row, and the trail outlives the
-- outbox's retention. Changes that publish no event (the escalation policy) write their own row.
create table plan_audit (
    id          uuid primary key,
    -- Order of writing: a change's several events share a millisecond, so ids alone do not order them.
    seq         bigint generated always as identity,
    tenant_id   text        not null,
    plan_id     uuid        not null,
    change      text        not null,
    entity_id   text,
    summary     text,
    data        jsonb,
    actor       text        not null,
    occurred_at timestamptz not null
);
create index plan_audit_plan on plan_audit (plan_id, seq);

create function plan_audit_from_outbox() returns trigger language plpgsql as $$
declare
    d jsonb;
begin
    if new.aggregate_type <> 'plan' then
        return new;
    end if;
    d := new.payload::jsonb;
    insert into plan_audit (id, tenant_id, plan_id, change, entity_id, summary, data, actor, occurred_at)
    values (new.id, new.tenant_id, new.aggregate_id::uuid,
            regexp_replace(new.type, '^io\.partnerplan\.(.*)\.v[0-9]+$', '\1'),
            coalesce(d ->> 'escalationId', d ->> 'actionId', d ->> 'amendmentId', d ->> 'reviewId', d ->> 'id',
                     d ->> 'subject', d ->> 'planId'),
            coalesce(d ->> 'title', d ->> 'displayName', d ->> 'summary', d ->> 'subject'),
            d, coalesce(new.actor, 'system'), new.occurred_at)
    on conflict (id) do nothing;
    return new;
end
$$;

create trigger plan_audit_from_outbox after insert on outbox_event
    for each row execute function plan_audit_from_outbox();

-- What the outbox still holds of plans changed before the trail existed.
insert into plan_audit (id, tenant_id, plan_id, change, entity_id, summary, data, actor, occurred_at)
select o.id, o.tenant_id, o.aggregate_id::uuid, regexp_replace(o.type, '^io\.partnerplan\.(.*)\.v[0-9]+$', '\1'),
       coalesce(o.payload::jsonb ->> 'escalationId', o.payload::jsonb ->> 'actionId', o.payload::jsonb ->> 'id',
                o.payload::jsonb ->> 'subject', o.payload::jsonb ->> 'planId'),
       coalesce(o.payload::jsonb ->> 'title', o.payload::jsonb ->> 'displayName', o.payload::jsonb ->> 'subject'),
       o.payload::jsonb, coalesce(o.actor, 'system'), o.occurred_at
from outbox_event o
where o.aggregate_type = 'plan'
order by o.seq;

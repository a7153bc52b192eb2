-- Open inbox streams (SSE) hear of a new item through LISTEN/NOTIFY instead of polling the table:
-- every new item notifies channel partnerplan_inbox with "<tenant>\n<recipient>" when its
-- transaction commits (identical notifications of one transaction are sent once).
create function inbox_item_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('partnerplan_inbox', new.tenant_id || E'\n' || new.recipient);
    return null;
end;
$$;

create trigger inbox_item_notify after insert on inbox_item
    for each row execute function inbox_item_notify();

-- Resumable bulk uploads: how far an upload (named by the client's Bulk-Upload-Id) is committed, and
-- the per-line results of its committed batches, written in each batch's own transaction.
create table bulk_upload (
    tenant_id         text        not null,
    caller            text        not null,
    upload_id         text        not null,
    committed_through bigint      not null,
    updated_at        timestamptz not null,
    primary key (tenant_id, caller, upload_id)
);
create index bulk_upload_updated_at on bulk_upload (updated_at);

create table bulk_upload_batch (
    tenant_id  text   not null,
    caller     text   not null,
    upload_id  text   not null,
    first_line bigint not null,
    last_line  bigint not null,
    results    text   not null,
    primary key (tenant_id, caller, upload_id, first_line)
);

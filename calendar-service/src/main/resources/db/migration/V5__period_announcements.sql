-- period.closing / period.closed, made once per MOP, scope (MOP, VENDOR, PARTNER) and period end.
create table period_announcement (
    tenant_id    text        not null,
    mop_id       uuid        not null references mutual_operating_period (id),
    scope        text        not null,
    period_end   date        not null,
    event        text        not null,
    announced_at timestamptz not null,
    primary key (mop_id, scope, period_end, event)
);

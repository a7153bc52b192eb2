-- Later versions of an organisation's fiscal calendar, each in effect from its date until the next;
-- fiscal_calendar's own definition is in effect before the first of them.
create table fiscal_calendar_version (
    calendar_id       uuid    not null references fiscal_calendar (id),
    effective_from    date    not null,
    kind              text    not null check (kind in ('GREGORIAN', 'WEEKS_52_53')),
    year_naming       text    not null,
    start_month       integer check (start_month between 1 and 12),
    start_day         integer check (start_day between 1 and 28),
    year_end_weekday  text,
    year_end_month    integer check (year_end_month between 1 and 12),
    year_end_rule     text,
    period_pattern    text,
    extra_week_period integer check (extra_week_period between 1 and 13),
    primary key (calendar_id, effective_from)
);

-- 52/53-week calendars next to Gregorian ones.
alter table fiscal_calendar
    add column kind text not null default 'GREGORIAN' check (kind in ('GREGORIAN', 'WEEKS_52_53')),
    add column year_end_weekday text,
    add column year_end_month integer check (year_end_month between 1 and 12),
    add column year_end_rule text,
    add column period_pattern text,
    add column extra_week_period integer check (extra_week_period between 1 and 13),
    alter column start_month drop not null,
    alter column start_day drop not null;

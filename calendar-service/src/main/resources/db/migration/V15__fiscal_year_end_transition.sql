-- A calendar version may change the fiscal year end: a SHORT or LONG transition year bridges the old
-- calendar's last year and the new calendar's first full one.
alter table fiscal_calendar_version add column transition text check (transition in ('SHORT', 'LONG'));

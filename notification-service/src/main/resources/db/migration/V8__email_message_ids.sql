-- An email's Message-ID is fixed before its first send attempt and reused by every retry: when an attempt's
-- outcome is unknown (our send timeout passed, or the replica died mid-send) the relay may still have accepted
-- it, and a second copy then carries the same Message-ID, which mail stores and relays that deduplicate collapse.
alter table delivery
    add column message_id           text,
    -- Set while an attempt is under way (committed before the send); still set at the next attempt: that one
    -- never reported back.
    add column attempt_started_at   timestamptz,
    -- Attempts whose outcome is unknown: the recipient may have the email more than once (same Message-ID).
    add column unconfirmed_attempts integer not null default 0;

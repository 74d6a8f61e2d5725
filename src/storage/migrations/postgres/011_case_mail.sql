-- The desk's mail (#21): what responders write to the reporter, and reminders of cases left waiting.

-- A mail to the reporter ('reporter' kind) carries one event of their case: its number in the case's log.
ALTER TABLE outbox ADD COLUMN case_event_seq INTEGER;
-- A reminder ('reminder' kind) of a case left unacknowledged: 1 at its limit, 2 at twice the limit.
ALTER TABLE outbox ADD COLUMN reminder_level INTEGER;

-- How many reminders a case has had (0, 1 or 2): each is sent once, whichever process finds it due.
ALTER TABLE incident_cases ADD COLUMN reminders_sent INTEGER NOT NULL DEFAULT 0;
-- When the community escalated the case: Trust & Safety owes it an answer as it does an emergency, from then.
ALTER TABLE incident_cases ADD COLUMN escalated_at BIGINT;

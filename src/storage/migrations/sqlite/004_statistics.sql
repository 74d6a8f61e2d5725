-- Funnel events of the report flow as daily counters only: no user, no text, no page.
CREATE TABLE funnel_counters (
  day TEXT NOT NULL,
  event TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, event, detail)
) STRICT;

-- Which step a draft last reached, so an abandoned flow can be counted when its draft expires.
ALTER TABLE report_drafts ADD COLUMN step TEXT NOT NULL DEFAULT 'choose-type';

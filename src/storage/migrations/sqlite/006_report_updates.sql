-- What a reporter adds by filing the same report again within a day: the repeat is folded into the first report, and
-- only what is new in it is kept here and mailed to the first report's recipients as an update.

CREATE TABLE report_updates (
  update_id INTEGER PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES reports (report_id),
  -- 1, 2, … within its report: part of the update mail's Message-ID, which must be unique and stable across retries.
  seq INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  -- Only the new words, from the field the recipients read (details for an emergency, the direct report for a direct
  -- report); '' when only `about` changed, and once retention has erased it.
  text TEXT NOT NULL DEFAULT '',
  -- The new 'self' or 'someone-else' when the repeat changed it; NULL when it did not.
  about TEXT CHECK (about IN ('self', 'someone-else')),
  UNIQUE (report_id, seq)
) STRICT;

-- An update's mail: which update it carries, and the first report's Message-ID it answers (its In-Reply-To and
-- References), fixed at creation like its own Message-ID.
ALTER TABLE outbox ADD COLUMN update_id INTEGER REFERENCES report_updates (update_id);
ALTER TABLE outbox ADD COLUMN in_reply_to TEXT;

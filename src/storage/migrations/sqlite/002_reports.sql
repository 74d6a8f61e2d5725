-- Incident reports, the mail each needs (the outbox), rate-limit charges and the drafts of the no-JavaScript flow.

CREATE TABLE reports (
  -- Random and unguessable (RI-XXXXX-XXXXX-XXXXX-XXXXX), never a counter: ids must not reveal how many reports exist.
  report_id TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  -- NULL once retention has erased who reported.
  reporter_user_id INTEGER REFERENCES users (user_id) ON DELETE SET NULL,
  reporter_language TEXT NOT NULL,
  incident_type TEXT NOT NULL CHECK (incident_type IN ('immediate-threat-physical-harm', 'unacceptable-user-behavior')),
  physical_harm_type TEXT,
  behavior_type TEXT,
  -- 'self' or 'someone-else' for emergencies.
  about TEXT,
  route TEXT NOT NULL CHECK (route IN ('emergency', 'support', 'direct')),
  page_id INTEGER REFERENCES pages (page_id),
  page_namespace INTEGER NOT NULL,
  page_title TEXT NOT NULL,
  rev_id INTEGER NOT NULL,
  thread_id TEXT,
  -- A user name, an IP address, or a name that does not exist; empty when not given.
  reported_user TEXT NOT NULL DEFAULT '',
  reported_user_id INTEGER REFERENCES users (user_id) ON DELETE SET NULL,
  details TEXT NOT NULL DEFAULT '',
  something_else_details TEXT NOT NULL DEFAULT '',
  direct_report TEXT NOT NULL DEFAULT '',
  -- The reported topic or comment as it stood when reported.
  snapshot_author TEXT,
  snapshot_created_at INTEGER,
  snapshot_text TEXT,
  -- When the texts and identity were erased by retention.
  purged_at INTEGER
) STRICT;
CREATE INDEX reports_reporter ON reports (reporter_user_id, created_at);
CREATE INDEX reports_thread ON reports (page_id, thread_id, created_at);
CREATE INDEX reports_reported_user ON reports (reported_user, created_at);

-- One row per message to send, written in the same transaction as its report.
CREATE TABLE outbox (
  outbox_id INTEGER PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES reports (report_id),
  -- 'trust-and-safety', 'direct' (community responders) or 'receipt' (the reporter).
  kind TEXT NOT NULL,
  recipients TEXT NOT NULL,
  -- Fixed at creation, so a retry after a crash is the same message to mail clients.
  message_id TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  sent_at INTEGER
) STRICT;
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);

-- Each accepted report that sends something charges its reporter once.
CREATE TABLE rate_limit_hits (
  user_id INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
  action TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX rate_limit_hits_user ON rate_limit_hits (user_id, action, at);

-- What a reporter has chosen and typed so far in the no-JavaScript flow, kept between steps.
CREATE TABLE report_drafts (
  draft_id TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX report_drafts_updated ON report_drafts (updated_at);

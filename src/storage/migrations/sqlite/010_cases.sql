-- The responder desk (#21): a case for every report that goes to people, its append-only log, and who opened it.

CREATE TABLE incident_cases (
  report_id TEXT PRIMARY KEY REFERENCES reports (report_id),
  -- Who handles it: 'trust-and-safety' (emergencies and escalations) or 'community' (direct reports).
  queue TEXT NOT NULL CHECK (queue IN ('trust-and-safety', 'community')),
  -- The queue it opened in: community responders keep a case they escalated to Trust & Safety.
  opened_in TEXT NOT NULL CHECK (opened_in IN ('trust-and-safety', 'community')),
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'acknowledged', 'investigating', 'escalated', 'resolved', 'no-action', 'withdrawn')),
  assignee_user_id INTEGER REFERENCES users (user_id) ON DELETE SET NULL,
  -- The number of events: a caller names the one it saw, and a stale one is refused (two responders never lose an action).
  revision INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  acknowledged_at INTEGER,
  closed_at INTEGER,
  -- Set when the reporter asks for a review of an outcome; the case is flagged until it is closed again.
  review_requested_at INTEGER
);
CREATE INDEX incident_cases_queue ON incident_cases (queue, status, created_at);

CREATE TABLE case_events (
  event_id INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id TEXT NOT NULL REFERENCES incident_cases (report_id),
  -- 1, 2, … within the case: the case's revision after this event.
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  -- NULL for the wiki itself (the case opened with its report) and once retention has erased who acted.
  actor_user_id INTEGER REFERENCES users (user_id) ON DELETE SET NULL,
  type TEXT NOT NULL,
  -- 'reporter': the reporter sees it; 'responders': responders only (internal notes, assignments).
  visibility TEXT NOT NULL CHECK (visibility IN ('reporter', 'responders')),
  text TEXT NOT NULL DEFAULT '',
  -- What else the event says, as JSON: a status, an assignee, an outcome.
  detail TEXT NOT NULL DEFAULT '{}',
  UNIQUE (report_id, seq)
);

-- Every opening of a case, which Trust & Safety can read: not an event (a view must not make others' revision stale).
CREATE TABLE case_views (
  view_id INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id TEXT NOT NULL REFERENCES incident_cases (report_id),
  user_id INTEGER REFERENCES users (user_id) ON DELETE SET NULL,
  at INTEGER NOT NULL
);
CREATE INDEX case_views_report ON case_views (report_id, at);

-- Responders the reporter of a direct report asked to keep out (say, an admin involved in the dispute): they never
-- see the case, in a list or by its id.
CREATE TABLE case_recusals (
  report_id TEXT NOT NULL REFERENCES incident_cases (report_id),
  user_id INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
  PRIMARY KEY (report_id, user_id)
);

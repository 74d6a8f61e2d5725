-- A purged report keeps its day, not its millisecond, and no revision: an exact time or a revision id joined it to
-- the reporter's session, their own reply on the page, or their account's creation. Its delivery time, which
-- statistics show, is kept as a number before the times are rounded. Reports purged before this get the same.

ALTER TABLE reports ADD COLUMN delivery_ms INTEGER;

UPDATE reports SET
  delivery_ms = (SELECT min(o.sent_at) - reports.created_at FROM outbox o
                 WHERE o.report_id = reports.report_id AND o.kind != 'receipt' AND o.update_id IS NULL AND o.state = 'sent'),
  created_at = created_at - created_at % 86400000,
  rev_id = 0
WHERE purged_at IS NOT NULL;

UPDATE outbox SET created_at = created_at - created_at % 86400000, next_attempt_at = next_attempt_at - next_attempt_at % 86400000,
  sent_at = sent_at - sent_at % 86400000, alerted_at = alerted_at - alerted_at % 86400000
WHERE report_id IN (SELECT report_id FROM reports WHERE purged_at IS NOT NULL);

UPDATE report_updates SET created_at = created_at - created_at % 86400000
WHERE report_id IN (SELECT report_id FROM reports WHERE purged_at IS NOT NULL);

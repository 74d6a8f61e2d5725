-- The duplicate check looks for the same reporter, page and comment: with only (reporter, time) indexed it read every
-- report the reporter filed that day, row by row. Nothing else reads reports by reporter.
DROP INDEX reports_reporter;
CREATE INDEX reports_reporter_comment ON reports (reporter_user_id, page_namespace, page_title, thread_id, created_at);

-- The confirmation page asks whether a report's mail has gone: without this, every view read the whole outbox.
CREATE INDEX outbox_report ON outbox (report_id);

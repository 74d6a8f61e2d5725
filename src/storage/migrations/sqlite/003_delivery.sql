-- Delivery: when a failing message was last reported as failing, and the development mailbox.

ALTER TABLE outbox ADD COLUMN alerted_at INTEGER;

-- Mail received by the built-in SMTP server of the demo (no SMTP_URL), as it arrived.
CREATE TABLE dev_mailbox (
  mail_id INTEGER PRIMARY KEY,
  received_at INTEGER NOT NULL,
  envelope_from TEXT NOT NULL,
  envelope_to TEXT NOT NULL,
  raw BLOB NOT NULL
) STRICT;

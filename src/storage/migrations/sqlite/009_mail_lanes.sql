-- Mail to Trust & Safety goes before receipts and other mail: its own index of what is due, so that finding it
-- costs the same behind a backlog of a hundred thousand receipts as in an empty outbox.
CREATE INDEX outbox_due_staff ON outbox (next_attempt_at, outbox_id) WHERE state = 'pending' AND kind = 'trust-and-safety';

-- The hour's alarm looks after every drain for mail not delivered and not yet alarmed: only those rows are indexed,
-- so a backlog of young mail costs it nothing.
CREATE INDEX outbox_unalerted ON outbox (created_at) WHERE state != 'sent' AND alerted_at IS NULL;

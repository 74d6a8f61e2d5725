-- Reports filed by the community configuration's end-to-end testers: stored and shown to the tester like any other,
-- but mailed to nobody and left out of statistics and of the related reports other mail lists.
ALTER TABLE reports ADD COLUMN test INTEGER NOT NULL DEFAULT 0 CHECK (test IN (0, 1));

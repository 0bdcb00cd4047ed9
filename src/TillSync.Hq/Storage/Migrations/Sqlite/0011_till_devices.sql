-- Issue 18: tills as devices. A manager may revoke a till's token (revoked_at set: the token is refused at once) and
-- issue a new one (rotation clears it). Replacing a dead till records the numbers it may have used but never delivered:
-- HQ's next_seq then skips them, and the new device starts after them, so no bill number is printed twice.
ALTER TABLE tills ADD COLUMN revoked_at TEXT;

CREATE TABLE till_replacements (
    replacement_id         INTEGER PRIMARY KEY,
    till_id                INTEGER NOT NULL REFERENCES tills (till_id),
    undelivered_from_seq   INTEGER NOT NULL CHECK (undelivered_from_seq >= 1),
    undelivered_to_seq     INTEGER NOT NULL CHECK (undelivered_to_seq >= undelivered_from_seq - 1),
    last_delivered_bill_no TEXT,
    reported_queue_depth   INTEGER,
    reported_at            TEXT,
    reserved               INTEGER NOT NULL CHECK (reserved >= 0),
    replaced_at            TEXT    NOT NULL
);
CREATE INDEX ix_till_replacements_till ON till_replacements (till_id, replacement_id);

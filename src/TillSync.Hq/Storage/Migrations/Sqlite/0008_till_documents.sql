-- Issue 15 (ADR 0007): the permanent idempotency ledger of every till document, of every kind. One row per document HQ
-- recorded (committed or rejected), written in the sync batch's transaction and never pruned; a replay is answered from
-- it alone. Its keys decide that a document id, and a till's sequence number, are used once. WITHOUT ROWID: the
-- document id is the only key a lookup uses, so the table is that one B-tree (plus the (till, tillSeq) index).
CREATE TABLE till_documents (
    document_id  TEXT    NOT NULL PRIMARY KEY,
    kind         TEXT    NOT NULL,
    till_id      INTEGER NOT NULL,
    till_seq     INTEGER NOT NULL,
    store_id     INTEGER NOT NULL,
    fingerprint  TEXT    NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('committed', 'rejected')),
    number       TEXT,
    committed_at TEXT    NOT NULL,
    flags        TEXT    NOT NULL DEFAULT '',
    reason       TEXT,
    detail       TEXT,
    UNIQUE (till_id, till_seq)
) WITHOUT ROWID;

-- Every order recorded before the ledger existed is a sale document with the same id, result and fingerprint.
INSERT INTO till_documents (document_id, kind, till_id, till_seq, store_id, fingerprint, status, number, committed_at, flags, reason, detail)
SELECT client_order_id, 'sale', till_id, till_seq, store_id, fingerprint, status, bill_no, committed_at, flags, reason, detail
FROM orders ORDER BY hq_seq;

-- Issue 20: a document that arrived unreadable opens a damaged_document review item. SQLite cannot change a CHECK
-- constraint in place, so the review items are copied into a table that admits it.
CREATE TABLE review_items_v8 (
    review_id       INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('stock_short', 'rejected_order', 'sync_conflict', 'loyalty_overdraft', 'damaged_document')),
    status          TEXT    NOT NULL CHECK (status IN ('open', 'resolved')),
    store_id        INTEGER NOT NULL,
    till_id         INTEGER NOT NULL,
    client_order_id TEXT    NOT NULL,
    bill_no         TEXT,
    sku             TEXT,
    short_qty_milli INTEGER,
    reason          TEXT,
    detail          TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    resolved_at     TEXT
);
INSERT INTO review_items_v8 SELECT review_id, kind, status, store_id, till_id, client_order_id, bill_no, sku, short_qty_milli, reason, detail,
    created_at, resolved_at FROM review_items;
DROP TABLE review_items;
ALTER TABLE review_items_v8 RENAME TO review_items;
CREATE INDEX ix_review_items_status ON review_items (status, store_id);
CREATE INDEX ix_review_items_till ON review_items (till_id, review_id);
CREATE UNIQUE INDEX ux_review_items_conflict ON review_items (till_id, client_order_id, reason) WHERE kind = 'sync_conflict';

-- Issue 20: the last time HQ refused a till's whole sync body, and why, for the fleet page ("failing", not "offline").
ALTER TABLE tills ADD COLUMN last_refusal_at TEXT;
ALTER TABLE tills ADD COLUMN last_refusal TEXT;

-- Issue 15 (ADR 0007), PostgreSQL twin of Sqlite/0008_till_documents.sql: the permanent idempotency ledger of every
-- till document, of every kind. One row per document HQ recorded (committed or rejected), written in the sync batch's
-- transaction and never pruned; a replay is answered from it alone. Its keys decide that a document id, and a till's
-- sequence number, are used once.
CREATE TABLE till_documents (
    document_id  TEXT    NOT NULL PRIMARY KEY,
    kind         TEXT    NOT NULL,
    till_id      BIGINT  NOT NULL,
    till_seq     BIGINT  NOT NULL,
    store_id     BIGINT  NOT NULL,
    fingerprint  TEXT    NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('committed', 'rejected')),
    number       TEXT,
    committed_at TEXT    NOT NULL,
    flags        TEXT    NOT NULL DEFAULT '',
    reason       TEXT,
    detail       TEXT,
    UNIQUE (till_id, till_seq)
);

-- Every order recorded before the ledger existed is a sale document with the same id, result and fingerprint.
INSERT INTO till_documents (document_id, kind, till_id, till_seq, store_id, fingerprint, status, number, committed_at, flags, reason, detail)
SELECT client_order_id, 'sale', till_id, till_seq, store_id, fingerprint, status, bill_no, committed_at, flags, reason, detail
FROM orders ORDER BY hq_seq;

-- Issue 20: a document that arrived unreadable opens a damaged_document review item.
ALTER TABLE review_items DROP CONSTRAINT review_items_kind_check;
ALTER TABLE review_items ADD CONSTRAINT review_items_kind_check
    CHECK (kind IN ('stock_short', 'rejected_order', 'sync_conflict', 'loyalty_overdraft', 'damaged_document'));

-- Issue 20: the last time HQ refused a till's whole sync body, and why, for the fleet page ("failing", not "offline").
ALTER TABLE tills ADD COLUMN last_refusal_at TEXT;
ALTER TABLE tills ADD COLUMN last_refusal TEXT;

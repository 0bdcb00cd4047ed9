-- Issue 16: the shift_count_differs review kind — HQ's count of a closed shift from the documents it holds is not what
-- the till expected (docs/shifts.md). client_order_id holds the close's document id, bill_no its Z number; one item
-- per close, so a shift has at most one. SQLite cannot change a CHECK in place, so the table is copied.
CREATE TABLE review_items_v16 (
    review_id       INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('stock_short', 'rejected_order', 'sync_conflict', 'loyalty_overdraft', 'damaged_document',
                                                     'return_mismatch', 'over_return', 'return_unlinked', 'receipt_code_invalid',
                                                     'store_credit_overdraft', 'shift_count_differs')),
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
    resolved_at     TEXT,
    line_no         INTEGER
);
INSERT INTO review_items_v16 SELECT review_id, kind, status, store_id, till_id, client_order_id, bill_no, sku, short_qty_milli, reason, detail,
    created_at, resolved_at, line_no FROM review_items;
DROP TABLE review_items;
ALTER TABLE review_items_v16 RENAME TO review_items;
CREATE INDEX ix_review_items_status ON review_items (status, store_id);
CREATE INDEX ix_review_items_till ON review_items (till_id, review_id);
CREATE UNIQUE INDEX ux_review_items_conflict ON review_items (till_id, client_order_id, reason) WHERE kind = 'sync_conflict';
CREATE UNIQUE INDEX ux_review_items_over_return ON review_items (client_order_id, line_no) WHERE kind = 'over_return' AND status = 'open';
CREATE UNIQUE INDEX ux_review_items_unlinked ON review_items (client_order_id) WHERE kind = 'return_unlinked';
CREATE UNIQUE INDEX ux_review_items_store_credit ON review_items (client_order_id) WHERE kind = 'store_credit_overdraft' AND status = 'open';
CREATE UNIQUE INDEX ux_review_items_shift_count ON review_items (client_order_id) WHERE kind = 'shift_count_differs';

-- Issue 17: the einvoice_past_limit review kind — the e-invoice portal refused a B2B document as reported more than
-- 30 days after its date (docs/einvoice.md). client_order_id holds the sale's or return's id, bill_no its number; one
-- item per document. SQLite cannot change a CHECK in place, so the table is copied.
CREATE TABLE review_items_v18 (
    review_id       INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('stock_short', 'rejected_order', 'sync_conflict', 'loyalty_overdraft', 'damaged_document',
                                                     'return_mismatch', 'over_return', 'return_unlinked', 'receipt_code_invalid',
                                                     'store_credit_overdraft', 'shift_count_differs', 'einvoice_past_limit')),
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
INSERT INTO review_items_v18 SELECT review_id, kind, status, store_id, till_id, client_order_id, bill_no, sku, short_qty_milli, reason, detail,
    created_at, resolved_at, line_no FROM review_items;
DROP TABLE review_items;
ALTER TABLE review_items_v18 RENAME TO review_items;
CREATE INDEX ix_review_items_status ON review_items (status, store_id);
CREATE INDEX ix_review_items_till ON review_items (till_id, review_id);
CREATE UNIQUE INDEX ux_review_items_conflict ON review_items (till_id, client_order_id, reason) WHERE kind = 'sync_conflict';
CREATE UNIQUE INDEX ux_review_items_over_return ON review_items (client_order_id, line_no) WHERE kind = 'over_return' AND status = 'open';
CREATE UNIQUE INDEX ux_review_items_unlinked ON review_items (client_order_id) WHERE kind = 'return_unlinked';
CREATE UNIQUE INDEX ux_review_items_store_credit ON review_items (client_order_id) WHERE kind = 'store_credit_overdraft' AND status = 'open';
CREATE UNIQUE INDEX ux_review_items_shift_count ON review_items (client_order_id) WHERE kind = 'shift_count_differs';
CREATE UNIQUE INDEX ux_review_items_einvoice_past_limit ON review_items (client_order_id) WHERE kind = 'einvoice_past_limit';

-- Store credit vouchers (docs/returns.md, "Store credit"): a return refunded to store credit issues a voucher whose code
-- is its credit note number; a sale's store_credit payment spends it by that code. A voucher's balance is the sum of its
-- movements. A till spends offline, so a spend may come before its issue or beyond the balance: both are recorded.
CREATE TABLE store_credit_movements (
    movement_id  INTEGER PRIMARY KEY,
    voucher_code TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('issue', 'spend')),
    amount_paise INTEGER NOT NULL CHECK ((kind = 'issue' AND amount_paise > 0) OR (kind = 'spend' AND amount_paise < 0)),
    document_id  TEXT    NOT NULL,
    document_no  TEXT    NOT NULL,
    store_id     INTEGER NOT NULL,
    till_id      INTEGER NOT NULL,
    created_at   TEXT    NOT NULL
);
CREATE INDEX ix_store_credit_movements_voucher ON store_credit_movements (voucher_code, movement_id);
-- A document moves a voucher once, whatever a replay does; one credit note issues its voucher once.
CREATE UNIQUE INDEX ux_store_credit_movements_document ON store_credit_movements (document_id, voucher_code, kind);
CREATE UNIQUE INDEX ux_store_credit_movements_issue ON store_credit_movements (voucher_code) WHERE kind = 'issue';

-- The store_credit_overdraft review kind: one open item per voucher (client_order_id holds the issuing return's id,
-- bill_no the voucher's code). SQLite cannot change a CHECK in place, so the table is copied.
CREATE TABLE review_items_v13 (
    review_id       INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('stock_short', 'rejected_order', 'sync_conflict', 'loyalty_overdraft', 'damaged_document',
                                                     'return_mismatch', 'over_return', 'return_unlinked', 'receipt_code_invalid',
                                                     'store_credit_overdraft')),
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
INSERT INTO review_items_v13 SELECT review_id, kind, status, store_id, till_id, client_order_id, bill_no, sku, short_qty_milli, reason, detail,
    created_at, resolved_at, line_no FROM review_items;
DROP TABLE review_items;
ALTER TABLE review_items_v13 RENAME TO review_items;
CREATE INDEX ix_review_items_status ON review_items (status, store_id);
CREATE INDEX ix_review_items_till ON review_items (till_id, review_id);
CREATE UNIQUE INDEX ux_review_items_conflict ON review_items (till_id, client_order_id, reason) WHERE kind = 'sync_conflict';
CREATE UNIQUE INDEX ux_review_items_over_return ON review_items (client_order_id, line_no) WHERE kind = 'over_return' AND status = 'open';
CREATE UNIQUE INDEX ux_review_items_unlinked ON review_items (client_order_id) WHERE kind = 'return_unlinked';
CREATE UNIQUE INDEX ux_review_items_store_credit ON review_items (client_order_id) WHERE kind = 'store_credit_overdraft' AND status = 'open';

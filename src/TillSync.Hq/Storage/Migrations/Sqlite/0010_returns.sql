-- Issue 15 (docs/returns.md): returns at HQ. A committed return is a credit note with its lines and refund tenders; it
-- names its original sale, which HQ may not have yet (linked_at stays null until the original arrives). Rejected
-- returns are in till_documents only, with their review item.
CREATE TABLE returns (
    document_id       TEXT    NOT NULL PRIMARY KEY,
    store_id          INTEGER NOT NULL REFERENCES stores (store_id),
    till_id           INTEGER NOT NULL REFERENCES tills (till_id),
    till_seq          INTEGER NOT NULL,
    credit_note_no    TEXT    NOT NULL,
    flags             TEXT    NOT NULL DEFAULT '',
    fingerprint       TEXT    NOT NULL,
    created_at        TEXT    NOT NULL,
    committed_at      TEXT    NOT NULL,
    original_order_id TEXT    NOT NULL,
    original_bill_no  TEXT    NOT NULL,
    original_till_id  INTEGER NOT NULL,
    return_reason     TEXT    NOT NULL,
    customer_gstin    TEXT,
    inter_state       INTEGER NOT NULL CHECK (inter_state IN (0, 1)),
    taxable_paise     INTEGER NOT NULL,
    cgst_paise        INTEGER NOT NULL,
    sgst_paise        INTEGER NOT NULL,
    igst_paise        INTEGER NOT NULL,
    round_off_paise   INTEGER NOT NULL,
    total_paise       INTEGER NOT NULL,
    linked_at         TEXT,
    unlinked_review_at TEXT,
    body_json         TEXT    NOT NULL,
    UNIQUE (till_id, credit_note_no),
    UNIQUE (till_id, till_seq)
);
CREATE INDEX ix_returns_original ON returns (original_order_id);
CREATE INDEX ix_returns_awaiting ON returns (committed_at) WHERE linked_at IS NULL;

CREATE TABLE return_lines (
    document_id       TEXT    NOT NULL REFERENCES returns (document_id),
    line_no           INTEGER NOT NULL,
    store_id          INTEGER NOT NULL,
    original_order_id TEXT    NOT NULL,
    original_line_no  INTEGER NOT NULL,
    sku               TEXT    NOT NULL,
    qty_milli         INTEGER NOT NULL CHECK (qty_milli > 0),
    unit_price_paise  INTEGER NOT NULL,
    discount_paise    INTEGER NOT NULL,
    gst_rate_bp       INTEGER NOT NULL,
    condition         TEXT    NOT NULL CHECK (condition IN ('restock', 'damaged')),
    taxable_paise     INTEGER NOT NULL,
    cgst_paise        INTEGER NOT NULL,
    sgst_paise        INTEGER NOT NULL,
    igst_paise        INTEGER NOT NULL,
    cost_paise        INTEGER NOT NULL,
    PRIMARY KEY (document_id, line_no)
);
CREATE INDEX ix_return_lines_original ON return_lines (original_order_id, original_line_no);

CREATE TABLE return_refunds (
    document_id  TEXT    NOT NULL REFERENCES returns (document_id),
    refund_no    INTEGER NOT NULL,
    store_id     INTEGER NOT NULL,
    method       TEXT    NOT NULL,
    amount_paise INTEGER NOT NULL CHECK (amount_paise > 0),
    reference    TEXT,
    PRIMARY KEY (document_id, refund_no)
);

-- A restocked line moves stock back (kind 'return'). SQLite cannot change a CHECK constraint in place: the movements are
-- copied into a table that admits it.
CREATE TABLE stock_movements_v10 (
    movement_id     INTEGER PRIMARY KEY,
    store_id        INTEGER NOT NULL REFERENCES stores (store_id),
    sku             TEXT    NOT NULL,
    qty_milli       INTEGER NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('sale', 'receipt', 'adjustment', 'resolution', 'return')),
    client_order_id TEXT,
    receipt_id      INTEGER,
    created_at      TEXT    NOT NULL,
    adjustment_id   INTEGER,
    resolution_id   TEXT
);
INSERT INTO stock_movements_v10 SELECT movement_id, store_id, sku, qty_milli, kind, client_order_id, receipt_id, created_at, adjustment_id,
    resolution_id FROM stock_movements;
DROP TABLE stock_movements;
ALTER TABLE stock_movements_v10 RENAME TO stock_movements;
CREATE INDEX ix_stock_movements_store_sku ON stock_movements (store_id, sku);
CREATE INDEX ix_stock_movements_history ON stock_movements (store_id, sku, movement_id);
CREATE INDEX ix_stock_movements_resolution ON stock_movements (resolution_id) WHERE resolution_id IS NOT NULL;

-- The review kinds of returns; line_no names the original line of an over_return item, which is one per original line
-- while it is open.
CREATE TABLE review_items_v10 (
    review_id       INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('stock_short', 'rejected_order', 'sync_conflict', 'loyalty_overdraft', 'damaged_document',
                                                     'return_mismatch', 'over_return', 'return_unlinked', 'receipt_code_invalid')),
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
INSERT INTO review_items_v10 SELECT review_id, kind, status, store_id, till_id, client_order_id, bill_no, sku, short_qty_milli, reason, detail,
    created_at, resolved_at, NULL FROM review_items;
DROP TABLE review_items;
ALTER TABLE review_items_v10 RENAME TO review_items;
CREATE INDEX ix_review_items_status ON review_items (status, store_id);
CREATE INDEX ix_review_items_till ON review_items (till_id, review_id);
CREATE UNIQUE INDEX ux_review_items_conflict ON review_items (till_id, client_order_id, reason) WHERE kind = 'sync_conflict';
CREATE UNIQUE INDEX ux_review_items_over_return ON review_items (client_order_id, line_no) WHERE kind = 'over_return' AND status = 'open';
CREATE UNIQUE INDEX ux_review_items_unlinked ON review_items (client_order_id) WHERE kind = 'return_unlinked';

-- A B2B credit note enters the e-invoice outbox as a CRN document referencing its original invoice, in status waiting
-- (the worker registers only pending rows). client_order_id now holds the document id of a sale or of a return, so it
-- no longer references orders; SQLite cannot drop a constraint in place, so the outbox is copied.
CREATE TABLE einvoices_v10 (
    client_order_id   TEXT    PRIMARY KEY,
    store_id          INTEGER NOT NULL REFERENCES stores (store_id),
    till_id           INTEGER NOT NULL REFERENCES tills (till_id),
    till_seq          INTEGER NOT NULL,
    doc_type          TEXT    NOT NULL CHECK (doc_type IN ('INV', 'CRN', 'DBN')),
    doc_no            TEXT    NOT NULL,
    doc_date          TEXT    NOT NULL,
    buyer_gstin       TEXT    NOT NULL,
    buyer_name        TEXT,
    buyer_address1    TEXT,
    buyer_location    TEXT,
    buyer_pin         INTEGER,
    total_paise       INTEGER NOT NULL,
    status            TEXT    NOT NULL CHECK (status IN ('pending', 'registered', 'failed', 'waiting')),
    irn               TEXT    NOT NULL,
    ack_no            INTEGER,
    ack_dt            TEXT,
    signed_invoice    TEXT,
    signed_qr         TEXT,
    ewb_no            INTEGER,
    ewb_date          TEXT,
    ewb_valid_till    TEXT,
    attempts          INTEGER NOT NULL DEFAULT 0,
    next_attempt_at   TEXT    NOT NULL,
    claimed_until     TEXT    NOT NULL,
    last_error        TEXT,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    original_doc_no   TEXT,
    original_doc_date TEXT
);
INSERT INTO einvoices_v10 SELECT client_order_id, store_id, till_id, till_seq, doc_type, doc_no, doc_date, buyer_gstin, buyer_name, buyer_address1,
    buyer_location, buyer_pin, total_paise, status, irn, ack_no, ack_dt, signed_invoice, signed_qr, ewb_no, ewb_date, ewb_valid_till, attempts,
    next_attempt_at, claimed_until, last_error, created_at, updated_at, NULL, NULL FROM einvoices;
DROP TABLE einvoices;
ALTER TABLE einvoices_v10 RENAME TO einvoices;
CREATE UNIQUE INDEX ux_einvoices_till_seq ON einvoices (till_id, till_seq);
CREATE INDEX ix_einvoices_status ON einvoices (status, till_id, till_seq);

-- Issue 15 (docs/returns.md), PostgreSQL twin of Sqlite/0010_returns.sql: returns at HQ. A committed return is a credit note with its lines and refund tenders; it
-- names its original sale, which HQ may not have yet (linked_at stays null until the original arrives). Rejected
-- returns are in till_documents only, with their review item.
CREATE TABLE returns (
    document_id       TEXT    NOT NULL PRIMARY KEY,
    store_id          BIGINT NOT NULL REFERENCES stores (store_id),
    till_id           BIGINT NOT NULL REFERENCES tills (till_id),
    till_seq          BIGINT NOT NULL,
    credit_note_no    TEXT    NOT NULL,
    flags             TEXT    NOT NULL DEFAULT '',
    fingerprint       TEXT    NOT NULL,
    created_at        TEXT    NOT NULL,
    committed_at      TEXT    NOT NULL,
    original_order_id TEXT    NOT NULL,
    original_bill_no  TEXT    NOT NULL,
    original_till_id  BIGINT NOT NULL,
    return_reason     TEXT    NOT NULL,
    customer_gstin    TEXT,
    inter_state       BIGINT NOT NULL CHECK (inter_state IN (0, 1)),
    taxable_paise     BIGINT NOT NULL,
    cgst_paise        BIGINT NOT NULL,
    sgst_paise        BIGINT NOT NULL,
    igst_paise        BIGINT NOT NULL,
    round_off_paise   BIGINT NOT NULL,
    total_paise       BIGINT NOT NULL,
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
    line_no           BIGINT NOT NULL,
    store_id          BIGINT NOT NULL,
    original_order_id TEXT    NOT NULL,
    original_line_no  BIGINT NOT NULL,
    sku               TEXT    NOT NULL,
    qty_milli         BIGINT NOT NULL CHECK (qty_milli > 0),
    unit_price_paise  BIGINT NOT NULL,
    discount_paise    BIGINT NOT NULL,
    gst_rate_bp       BIGINT NOT NULL,
    condition         TEXT    NOT NULL CHECK (condition IN ('restock', 'damaged')),
    taxable_paise     BIGINT NOT NULL,
    cgst_paise        BIGINT NOT NULL,
    sgst_paise        BIGINT NOT NULL,
    igst_paise        BIGINT NOT NULL,
    cost_paise        BIGINT NOT NULL,
    PRIMARY KEY (document_id, line_no)
);
CREATE INDEX ix_return_lines_original ON return_lines (original_order_id, original_line_no);

CREATE TABLE return_refunds (
    document_id  TEXT    NOT NULL REFERENCES returns (document_id),
    refund_no    BIGINT NOT NULL,
    store_id     BIGINT NOT NULL,
    method       TEXT    NOT NULL,
    amount_paise BIGINT NOT NULL CHECK (amount_paise > 0),
    reference    TEXT,
    PRIMARY KEY (document_id, refund_no)
);

-- A restocked line moves stock back (kind 'return').
ALTER TABLE stock_movements DROP CONSTRAINT stock_movements_kind_check;
ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_kind_check CHECK (kind IN ('sale', 'receipt', 'adjustment', 'resolution', 'return'));

-- The review kinds of returns; line_no names the original line of an over_return item, which is one per original line
-- while it is open.
ALTER TABLE review_items DROP CONSTRAINT review_items_kind_check;
ALTER TABLE review_items ADD CONSTRAINT review_items_kind_check
    CHECK (kind IN ('stock_short', 'rejected_order', 'sync_conflict', 'loyalty_overdraft', 'damaged_document',
                    'return_mismatch', 'over_return', 'return_unlinked', 'receipt_code_invalid'));
ALTER TABLE review_items ADD COLUMN line_no BIGINT;
CREATE UNIQUE INDEX ux_review_items_over_return ON review_items (client_order_id, line_no) WHERE kind = 'over_return' AND status = 'open';
CREATE UNIQUE INDEX ux_review_items_unlinked ON review_items (client_order_id) WHERE kind = 'return_unlinked';

-- A B2B credit note enters the e-invoice outbox as a CRN document referencing its original invoice, in status waiting
-- (the worker registers only pending rows). client_order_id now holds the document id of a sale or of a return.
ALTER TABLE einvoices DROP CONSTRAINT einvoices_client_order_id_fkey;
ALTER TABLE einvoices DROP CONSTRAINT einvoices_status_check;
ALTER TABLE einvoices ADD CONSTRAINT einvoices_status_check CHECK (status IN ('pending', 'registered', 'failed', 'waiting'));
ALTER TABLE einvoices ADD COLUMN original_doc_no TEXT;
ALTER TABLE einvoices ADD COLUMN original_doc_date TEXT;

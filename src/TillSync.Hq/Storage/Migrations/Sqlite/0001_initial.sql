-- HQ schema, version 1. Quantities are integer thousandths of a unit (qty_milli) so that sums are exact in SQL;
-- money is integer paise; times are ISO-8601 UTC text. Every table that grows carries store_id, the future
-- distribution column (docs/architecture.md).

CREATE TABLE stores (
    store_id     INTEGER PRIMARY KEY,
    is_default   INTEGER NOT NULL CHECK (is_default IN (0, 1)),
    gstin        TEXT    NOT NULL,
    legal_name   TEXT    NOT NULL,
    trade_name   TEXT,
    address1     TEXT    NOT NULL,
    address2     TEXT,
    location     TEXT    NOT NULL,
    pin          INTEGER NOT NULL,
    state_code   TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_stores_default ON stores (is_default) WHERE is_default = 1;

CREATE TABLE managers (
    manager_id   INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL
);

CREATE TABLE tills (
    till_id      INTEGER PRIMARY KEY,
    store_id     INTEGER NOT NULL REFERENCES stores (store_id),
    name         TEXT    NOT NULL,
    bill_prefix  TEXT    NOT NULL UNIQUE,
    token_hash   TEXT    NOT NULL UNIQUE,
    next_seq     INTEGER NOT NULL DEFAULT 1 CHECK (next_seq >= 1),
    last_sync_at TEXT,
    created_at   TEXT    NOT NULL
);

CREATE TABLE products (
    sku          TEXT    PRIMARY KEY,
    name         TEXT    NOT NULL,
    hsn          TEXT    NOT NULL,
    unit         TEXT    NOT NULL,
    gst_rate_bp  INTEGER NOT NULL CHECK (gst_rate_bp BETWEEN 0 AND 10000),
    price_paise  INTEGER NOT NULL CHECK (price_paise >= 0),
    cost_paise   INTEGER NOT NULL CHECK (cost_paise >= 0),
    barcode      TEXT,
    updated_at   TEXT    NOT NULL
);

-- The orders table is the idempotency record: keyed by the till's clientOrderId, never pruned (docs/sync.md).
-- hq_seq is HQ's commit sequence; per till it follows till_seq with no gaps.
CREATE TABLE orders (
    hq_seq          INTEGER PRIMARY KEY,
    client_order_id TEXT    NOT NULL UNIQUE,
    store_id        INTEGER NOT NULL REFERENCES stores (store_id),
    till_id         INTEGER NOT NULL REFERENCES tills (till_id),
    till_seq        INTEGER NOT NULL,
    bill_no         TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('committed', 'rejected')),
    reason          TEXT,
    detail          TEXT,
    flags           TEXT    NOT NULL DEFAULT '',
    fingerprint     TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    committed_at    TEXT    NOT NULL,
    customer_gstin  TEXT,
    taxable_paise   INTEGER NOT NULL,
    cgst_paise      INTEGER NOT NULL,
    sgst_paise      INTEGER NOT NULL,
    igst_paise      INTEGER NOT NULL,
    round_off_paise INTEGER NOT NULL,
    total_paise     INTEGER NOT NULL,
    body_json       TEXT    NOT NULL,
    UNIQUE (till_id, till_seq)
);
CREATE INDEX ix_orders_till_bill ON orders (till_id, bill_no);

CREATE TABLE order_lines (
    client_order_id  TEXT    NOT NULL REFERENCES orders (client_order_id),
    line_no          INTEGER NOT NULL,
    store_id         INTEGER NOT NULL,
    sku              TEXT    NOT NULL,
    qty_milli        INTEGER NOT NULL,
    unit_price_paise INTEGER NOT NULL,
    discount_paise   INTEGER NOT NULL,
    gst_rate_bp      INTEGER NOT NULL,
    taxable_paise    INTEGER NOT NULL,
    cgst_paise       INTEGER NOT NULL,
    sgst_paise       INTEGER NOT NULL,
    igst_paise       INTEGER NOT NULL,
    cost_paise       INTEGER NOT NULL,
    PRIMARY KEY (client_order_id, line_no)
);

CREATE TABLE order_payments (
    client_order_id TEXT    NOT NULL REFERENCES orders (client_order_id),
    payment_no      INTEGER NOT NULL,
    store_id        INTEGER NOT NULL,
    method          TEXT    NOT NULL,
    amount_paise    INTEGER NOT NULL,
    PRIMARY KEY (client_order_id, payment_no)
);

CREATE TABLE stock_receipts (
    receipt_id   INTEGER PRIMARY KEY,
    store_id     INTEGER NOT NULL REFERENCES stores (store_id),
    note         TEXT,
    created_by   TEXT    NOT NULL,
    created_at   TEXT    NOT NULL
);

-- Stock is a ledger of movements; stock_on_hand is its running sum per store and SKU, kept in the same
-- transaction as each movement (on-hand = Σ movements is checked by the tests).
CREATE TABLE stock_movements (
    movement_id     INTEGER PRIMARY KEY,
    store_id        INTEGER NOT NULL REFERENCES stores (store_id),
    sku             TEXT    NOT NULL,
    qty_milli       INTEGER NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('sale', 'receipt', 'adjustment', 'resolution')),
    client_order_id TEXT,
    receipt_id      INTEGER,
    created_at      TEXT    NOT NULL
);
CREATE INDEX ix_stock_movements_store_sku ON stock_movements (store_id, sku);

CREATE TABLE stock_on_hand (
    store_id   INTEGER NOT NULL,
    sku        TEXT    NOT NULL,
    qty_milli  INTEGER NOT NULL,
    PRIMARY KEY (store_id, sku)
);

CREATE TABLE review_items (
    review_id       INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('stock_short', 'rejected_order')),
    status          TEXT    NOT NULL CHECK (status IN ('open', 'resolved')),
    store_id        INTEGER NOT NULL,
    till_id         INTEGER NOT NULL,
    client_order_id TEXT    NOT NULL,
    sku             TEXT,
    short_qty_milli INTEGER,
    reason          TEXT,
    detail          TEXT    NOT NULL,
    created_at      TEXT    NOT NULL
);
CREATE INDEX ix_review_items_status ON review_items (status, store_id);

CREATE TABLE audit_log (
    audit_id   INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    detail     TEXT NOT NULL
);

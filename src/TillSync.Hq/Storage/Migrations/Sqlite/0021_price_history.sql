-- Issue 21 items 2 and 3: sales judged by what the till knew (docs/pricing.md, docs/decisions/0011-judged-by-what-the-till-knew.md).
-- pricing_versions holds the chain's one pricing version: every write to what a till prices with — a product upsert,
-- the loyalty settings, the role limits — raises it by one in its own transaction and records the new values under
-- it, and a till's snapshot carries the version it was read at. HQ judges a sale's lines by the prices in force at
-- the version its till priced with, and by those in force at the sale's time.
CREATE TABLE pricing_versions (
    pricing_id INTEGER PRIMARY KEY CHECK (pricing_id = 1),
    version    INTEGER NOT NULL CHECK (version >= 1)
);
INSERT INTO pricing_versions VALUES (1, 1);

-- A product's price and footing from a version on (effective_at: when HQ committed it), written when it changes. The
-- products already in the catalogue start the history at version 1 from their last change; a sale dated before a
-- product's first row is not judged (HQ does not know what was in force then).
CREATE TABLE price_history (
    sku           TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    price_paise   INTEGER NOT NULL CHECK (price_paise >= 0),
    tax_inclusive INTEGER NOT NULL CHECK (tax_inclusive IN (0, 1)),
    effective_at  TEXT    NOT NULL,
    PRIMARY KEY (sku, version)
);
INSERT INTO price_history (sku, version, price_paise, tax_inclusive, effective_at)
    SELECT sku, 1, price_paise, tax_inclusive, updated_at FROM products;

-- The loyalty settings a burn is judged by, from a version on (docs/loyalty.md).
CREATE TABLE loyalty_settings_history (
    version                    INTEGER PRIMARY KEY,
    burn_value_paise_per_point INTEGER NOT NULL,
    offline_burn_paise_max     INTEGER NOT NULL,
    effective_at               TEXT    NOT NULL
);
INSERT INTO loyalty_settings_history SELECT 1, burn_value_paise_per_point, offline_burn_paise_max, updated_at FROM loyalty_settings;

-- What each role may take off a catalogue price at the till without a higher role's approval, from a version on
-- (docs/pricing.md). The current limits are each role's row of the highest version.
CREATE TABLE role_limits (
    role            TEXT    NOT NULL CHECK (role IN ('cashier', 'supervisor', 'manager')),
    version         INTEGER NOT NULL,
    discount_bp_max INTEGER NOT NULL CHECK (discount_bp_max BETWEEN 0 AND 10000),
    may_override    INTEGER NOT NULL CHECK (may_override IN (0, 1)),
    effective_at    TEXT    NOT NULL,
    PRIMARY KEY (role, version)
);
INSERT INTO role_limits VALUES ('cashier', 1, 1000, 0, '2017-07-01T00:00:00.0000000Z'),
    ('supervisor', 1, 5000, 1, '2017-07-01T00:00:00.0000000Z'), ('manager', 1, 10000, 1, '2017-07-01T00:00:00.0000000Z');

-- Each sale's pricing version and the approval of its markdowns, as the till sent them; null from tills before them.
ALTER TABLE orders ADD COLUMN pricing_version INTEGER;
ALTER TABLE orders ADD COLUMN approver_id INTEGER;
ALTER TABLE orders ADD COLUMN approval_reason TEXT;

-- The price_deviation review kind: a committed sale priced below what its till knew beyond its cashier's limits
-- without an approval that covers it; one item per sale. SQLite cannot change a CHECK in place, so the table is copied.
CREATE TABLE review_items_v21 (
    review_id       INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('stock_short', 'rejected_order', 'sync_conflict', 'loyalty_overdraft', 'damaged_document',
                                                     'return_mismatch', 'over_return', 'return_unlinked', 'receipt_code_invalid',
                                                     'store_credit_overdraft', 'shift_count_differs', 'einvoice_past_limit',
                                                     'price_deviation')),
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
INSERT INTO review_items_v21 SELECT review_id, kind, status, store_id, till_id, client_order_id, bill_no, sku, short_qty_milli, reason, detail,
    created_at, resolved_at, line_no FROM review_items;
DROP TABLE review_items;
ALTER TABLE review_items_v21 RENAME TO review_items;
CREATE INDEX ix_review_items_status ON review_items (status, store_id);
CREATE INDEX ix_review_items_till ON review_items (till_id, review_id);
CREATE UNIQUE INDEX ux_review_items_conflict ON review_items (till_id, client_order_id, reason) WHERE kind = 'sync_conflict';
CREATE UNIQUE INDEX ux_review_items_over_return ON review_items (client_order_id, line_no) WHERE kind = 'over_return' AND status = 'open';
CREATE UNIQUE INDEX ux_review_items_unlinked ON review_items (client_order_id) WHERE kind = 'return_unlinked';
CREATE UNIQUE INDEX ux_review_items_store_credit ON review_items (client_order_id) WHERE kind = 'store_credit_overdraft' AND status = 'open';
CREATE UNIQUE INDEX ux_review_items_shift_count ON review_items (client_order_id) WHERE kind = 'shift_count_differs';
CREATE UNIQUE INDEX ux_review_items_einvoice_past_limit ON review_items (client_order_id) WHERE kind = 'einvoice_past_limit';
CREATE UNIQUE INDEX ux_review_items_price_deviation ON review_items (client_order_id) WHERE kind = 'price_deviation';

-- PostgreSQL twin of Sqlite/0021_price_history.sql: sales judged by what the till knew (issue 21 items 2 and 3;
-- docs/pricing.md, docs/decisions/0011-judged-by-what-the-till-knew.md). pricing_versions holds the chain's one pricing
-- version: every write to what a till prices with raises it in its own transaction (the row lock orders two writers)
-- and records the new values under it; a till's snapshot carries the version it was read at.
CREATE TABLE pricing_versions (
    pricing_id BIGINT PRIMARY KEY CHECK (pricing_id = 1),
    version    BIGINT NOT NULL CHECK (version >= 1)
);
INSERT INTO pricing_versions VALUES (1, 1);

-- A product's price and footing from a version on, written when it changes; the catalogue starts at version 1.
CREATE TABLE price_history (
    sku           TEXT   NOT NULL,
    version       BIGINT NOT NULL,
    price_paise   BIGINT NOT NULL CHECK (price_paise >= 0),
    tax_inclusive BIGINT NOT NULL CHECK (tax_inclusive IN (0, 1)),
    effective_at  TEXT   NOT NULL,
    PRIMARY KEY (sku, version)
);
INSERT INTO price_history (sku, version, price_paise, tax_inclusive, effective_at)
    SELECT sku, 1, price_paise, tax_inclusive, updated_at FROM products;

-- The loyalty settings a burn is judged by, from a version on (docs/loyalty.md).
CREATE TABLE loyalty_settings_history (
    version                    BIGINT PRIMARY KEY,
    burn_value_paise_per_point BIGINT NOT NULL,
    offline_burn_paise_max     BIGINT NOT NULL,
    effective_at               TEXT   NOT NULL
);
INSERT INTO loyalty_settings_history SELECT 1, burn_value_paise_per_point, offline_burn_paise_max, updated_at FROM loyalty_settings;

-- What each role may take off a catalogue price at the till without a higher role's approval, from a version on.
CREATE TABLE role_limits (
    role            TEXT   NOT NULL CHECK (role IN ('cashier', 'supervisor', 'manager')),
    version         BIGINT NOT NULL,
    discount_bp_max BIGINT NOT NULL CHECK (discount_bp_max BETWEEN 0 AND 10000),
    may_override    BIGINT NOT NULL CHECK (may_override IN (0, 1)),
    effective_at    TEXT   NOT NULL,
    PRIMARY KEY (role, version)
);
INSERT INTO role_limits VALUES ('cashier', 1, 1000, 0, '2017-07-01T00:00:00.0000000Z'),
    ('supervisor', 1, 5000, 1, '2017-07-01T00:00:00.0000000Z'), ('manager', 1, 10000, 1, '2017-07-01T00:00:00.0000000Z');

-- Each sale's pricing version and the approval of its markdowns, as the till sent them; null from tills before them.
ALTER TABLE orders ADD COLUMN pricing_version BIGINT;
ALTER TABLE orders ADD COLUMN approver_id BIGINT;
ALTER TABLE orders ADD COLUMN approval_reason TEXT;

-- The price_deviation review kind: one item per committed sale priced beyond what its approvals cover.
ALTER TABLE review_items DROP CONSTRAINT review_items_kind_check;
ALTER TABLE review_items ADD CONSTRAINT review_items_kind_check
    CHECK (kind IN ('stock_short', 'rejected_order', 'sync_conflict', 'loyalty_overdraft', 'damaged_document',
                    'return_mismatch', 'over_return', 'return_unlinked', 'receipt_code_invalid', 'store_credit_overdraft',
                    'shift_count_differs', 'einvoice_past_limit', 'price_deviation'));
CREATE UNIQUE INDEX ux_review_items_price_deviation ON review_items (client_order_id) WHERE kind = 'price_deviation';

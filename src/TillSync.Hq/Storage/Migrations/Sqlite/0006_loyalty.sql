-- Issue 7: loyalty (docs/loyalty.md). Customers are keyed by phone; a balance is the sum of its movements, and
-- loyalty_customers keeps that sum, updated in the transaction that writes the movements.

-- SQLite cannot change a CHECK constraint in place: the review items are copied into a table that also admits
-- loyalty_overdraft.
CREATE TABLE review_items_v6 (
    review_id       INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('stock_short', 'rejected_order', 'sync_conflict', 'loyalty_overdraft')),
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
INSERT INTO review_items_v6 SELECT review_id, kind, status, store_id, till_id, client_order_id, bill_no, sku, short_qty_milli, reason, detail,
    created_at, resolved_at FROM review_items;
DROP TABLE review_items;
ALTER TABLE review_items_v6 RENAME TO review_items;
CREATE INDEX ix_review_items_status ON review_items (status, store_id);
CREATE INDEX ix_review_items_till ON review_items (till_id, review_id);
CREATE UNIQUE INDEX ux_review_items_conflict ON review_items (till_id, client_order_id, reason) WHERE kind = 'sync_conflict';

-- One row: the chain's loyalty settings (GET/PUT /api/v1/loyalty/settings).
CREATE TABLE loyalty_settings (
    settings_id                      INTEGER PRIMARY KEY CHECK (settings_id = 1),
    earn_points_per_100_rupees       INTEGER NOT NULL,
    burn_value_paise_per_point       INTEGER NOT NULL,
    burn_gst_treatment               TEXT    NOT NULL CHECK (burn_gst_treatment IN ('tender', 'discount')),
    offline_burn_paise_max           INTEGER NOT NULL,
    code_ttl_seconds                 INTEGER NOT NULL,
    code_attempts_max                INTEGER NOT NULL,
    code_requests_per_phone_hour_max INTEGER NOT NULL,
    code_requests_per_till_hour_max  INTEGER NOT NULL,
    token_ttl_seconds                INTEGER NOT NULL,
    snapshot_active_days             INTEGER NOT NULL,
    updated_at                       TEXT    NOT NULL
);
INSERT INTO loyalty_settings VALUES (1, 1, 25, 'tender', 20000, 300, 5, 5, 60, 900, 90, '2017-07-01T00:00:00.0000000Z');

CREATE TABLE loyalty_customers (
    phone            TEXT    PRIMARY KEY,
    balance_points   INTEGER NOT NULL,
    last_activity_at TEXT    NOT NULL
);
CREATE INDEX ix_loyalty_customers_activity ON loyalty_customers (last_activity_at);

-- kind: earn (+), burn (−) from a sale; adjustment (±) from a manager's decision (a written-off overdraft).
CREATE TABLE loyalty_movements (
    movement_id     INTEGER PRIMARY KEY,
    phone           TEXT    NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('earn', 'burn', 'adjustment')),
    points          INTEGER NOT NULL CHECK (points <> 0),
    store_id        INTEGER NOT NULL,
    till_id         INTEGER,
    client_order_id TEXT,
    review_id       INTEGER,
    created_at      TEXT    NOT NULL
);
CREATE INDEX ix_loyalty_movements_phone ON loyalty_movements (phone, movement_id);
-- A sale earns and burns at most once, whatever a replay does.
CREATE UNIQUE INDEX ux_loyalty_movements_order ON loyalty_movements (client_order_id, kind) WHERE client_order_id IS NOT NULL;

-- The points a sale burned beyond the balance, for the loyalty_overdraft review item of that sale.
CREATE TABLE loyalty_overdrafts (
    client_order_id TEXT    PRIMARY KEY,
    phone           TEXT    NOT NULL,
    points          INTEGER NOT NULL CHECK (points > 0),
    value_paise     INTEGER NOT NULL
);

-- An online redemption: HQ sends a one-time code; only its hash is kept. status: pending, redeemed, locked.
CREATE TABLE loyalty_code_requests (
    request_id   TEXT    PRIMARY KEY,
    phone        TEXT    NOT NULL,
    till_id      INTEGER NOT NULL REFERENCES tills (till_id),
    points       INTEGER NOT NULL CHECK (points > 0),
    code_hash    TEXT    NOT NULL,
    attempts     INTEGER NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('pending', 'redeemed', 'locked')),
    expires_at   TEXT    NOT NULL,
    created_at   TEXT    NOT NULL
);
CREATE INDEX ix_loyalty_code_requests_phone ON loyalty_code_requests (phone, created_at);
CREATE INDEX ix_loyalty_code_requests_till ON loyalty_code_requests (till_id, created_at);

-- The SMS an SMS gateway would deliver; sent_at stays null until one does.
CREATE TABLE loyalty_code_outbox (
    outbox_id   INTEGER PRIMARY KEY,
    request_id  TEXT    NOT NULL REFERENCES loyalty_code_requests (request_id),
    phone       TEXT    NOT NULL,
    message     TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    sent_at     TEXT
);

-- Single-use redemption tokens, stored hashed, bound to customer, points, till and expiry.
CREATE TABLE loyalty_redemption_tokens (
    token_hash       TEXT    PRIMARY KEY,
    request_id       TEXT    NOT NULL UNIQUE REFERENCES loyalty_code_requests (request_id),
    phone            TEXT    NOT NULL,
    till_id          INTEGER NOT NULL,
    points           INTEGER NOT NULL,
    expires_at       TEXT    NOT NULL,
    consumed_by      TEXT,
    consumed_at      TEXT
);

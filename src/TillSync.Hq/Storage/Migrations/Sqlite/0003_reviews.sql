-- Issue 4: manager stock adjustments, review items for every kind (stock_short, rejected_order, sync_conflict) with the
-- competing sales of a shortfall, idempotent resolutions, and the per-till updates feed (GET /api/v1/till/updates).

-- SQLite cannot change a CHECK constraint in place: the review items are copied into a table that also admits
-- sync_conflict and carries the bill number (a conflicting sale may not be in the orders table at all).
CREATE TABLE review_items_v3 (
    review_id       INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('stock_short', 'rejected_order', 'sync_conflict')),
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
INSERT INTO review_items_v3 (review_id, kind, status, store_id, till_id, client_order_id, bill_no, sku, short_qty_milli, reason, detail, created_at)
SELECT r.review_id, r.kind, r.status, r.store_id, r.till_id, r.client_order_id,
       (SELECT o.bill_no FROM orders o WHERE o.client_order_id = r.client_order_id), r.sku, r.short_qty_milli, r.reason, r.detail, r.created_at
FROM review_items r;
DROP TABLE review_items;
ALTER TABLE review_items_v3 RENAME TO review_items;
CREATE INDEX ix_review_items_status ON review_items (status, store_id);
CREATE INDEX ix_review_items_till ON review_items (till_id, review_id);
-- A till resends a conflicting sale on every heartbeat: one item per (till, sale, reason), however often it comes.
CREATE UNIQUE INDEX ux_review_items_conflict ON review_items (till_id, client_order_id, reason) WHERE kind = 'sync_conflict';

-- The committed sales of the same SKU and store that consumed the stock a short sale needed (docs/reviews.md).
CREATE TABLE review_competing_sales (
    review_id       INTEGER NOT NULL,
    client_order_id TEXT    NOT NULL,
    store_id        INTEGER NOT NULL,
    till_id         INTEGER NOT NULL,
    bill_no         TEXT    NOT NULL,
    qty_milli       INTEGER NOT NULL,
    committed_at    TEXT    NOT NULL,
    PRIMARY KEY (review_id, client_order_id)
);

-- One resolution per review item; resolution_id is the manager client's UUID, the idempotency key.
CREATE TABLE review_resolutions (
    resolution_id   TEXT    PRIMARY KEY,
    review_id       INTEGER NOT NULL UNIQUE,
    store_id        INTEGER NOT NULL,
    action          TEXT    NOT NULL CHECK (action IN ('write_off', 'backorder', 'transfer_in', 'credit_note', 'acknowledge')),
    qty_milli       INTEGER,
    requested_qty_milli INTEGER,
    from_store_id   INTEGER,
    note            TEXT    NOT NULL,
    resolved_by     TEXT    NOT NULL,
    resolved_at     TEXT    NOT NULL
);

CREATE TABLE stock_adjustments (
    adjustment_id INTEGER PRIMARY KEY,
    store_id      INTEGER NOT NULL REFERENCES stores (store_id),
    reason        TEXT    NOT NULL,
    created_by    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);

ALTER TABLE stock_movements ADD COLUMN adjustment_id INTEGER;
ALTER TABLE stock_movements ADD COLUMN resolution_id TEXT;
-- Movement history per SKU, and the walk back from a short sale to the sales that competed for its stock.
CREATE INDEX ix_stock_movements_history ON stock_movements (store_id, sku, movement_id);
-- What a resolution moved, read back when the same resolution is sent again.
CREATE INDEX ix_stock_movements_resolution ON stock_movements (resolution_id) WHERE resolution_id IS NOT NULL;

-- What each till learns through GET /api/v1/till/updates. update_id is the till's cursor; every row of one till is
-- written while that till's row is locked, so a till never sees a later cursor before an earlier one commits.
CREATE TABLE till_updates (
    update_id       INTEGER PRIMARY KEY,
    store_id        INTEGER NOT NULL,
    till_id         INTEGER NOT NULL,
    kind            TEXT    NOT NULL,
    review_id       INTEGER,
    client_order_id TEXT    NOT NULL,
    bill_no         TEXT,
    summary         TEXT    NOT NULL,
    at              TEXT    NOT NULL
);
CREATE INDEX ix_till_updates_till ON till_updates (till_id, update_id);

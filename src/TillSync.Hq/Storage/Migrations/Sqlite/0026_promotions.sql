-- Issue 21 item 5: promotions as a store runs them (docs/pricing.md, "Promotions"; docs/decisions/0021-promotions.md).
-- A row per promotion, never deleted: ending one early sets ended_at, so that HQ still judges a sale made under it by what
-- its till knew. created_version and ended_version are the pricing versions the create and the end raised (ADR 0011):
-- a till whose snapshot is older than the end may still have applied the promotion, and that sale commits quietly.
CREATE TABLE promotions (
    promotion_id    INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('scheduled_price', 'buy_get', 'bill_value')),
    store_id        INTEGER REFERENCES stores (store_id),
    valid_from      TEXT    NOT NULL,
    valid_to        TEXT    NOT NULL,
    skus            TEXT    NOT NULL,
    price_paise     INTEGER CHECK (price_paise > 0),
    buy_qty         INTEGER CHECK (buy_qty >= 1),
    get_qty         INTEGER CHECK (get_qty >= 1),
    threshold_paise INTEGER CHECK (threshold_paise > 0),
    off_paise       INTEGER CHECK (off_paise > 0),
    off_bp          INTEGER CHECK (off_bp BETWEEN 1 AND 10000),
    cap_paise       INTEGER CHECK (cap_paise > 0),
    created_version INTEGER NOT NULL,
    created_at      TEXT    NOT NULL,
    ended_at        TEXT,
    ended_version   INTEGER,
    CHECK (valid_from < valid_to)
);
-- The snapshot reads the promotions not yet over.
CREATE INDEX ix_promotions_valid_to ON promotions (valid_to);

-- Issue 21's leftover: how each promotion did (docs/pricing.md, "How each promotion did"; docs/decisions/0025-promotion-report.md).
-- HQ records, in the sync batch's transaction, what each promotion did on each committed sale that claims it and on each
-- return of such a sale once linked to it, and adds both to running totals per promotion, business day and store, which
-- the report reads (a promotion used on a million bills costs its days, not its bills).
--
-- promotion_sale_lines: a row per committed sale's line and promotion that priced it (part 'line': its scheduled price or
-- buy-N-get-M; 'bill': its share of the bill-value discount). saving_paise is what the customer paid less, GST included;
-- sales_paise and taxable_paise are the line's total and its taxable value.
CREATE TABLE promotion_sale_lines (
    client_order_id TEXT    NOT NULL REFERENCES orders (client_order_id),
    line_no         INTEGER NOT NULL,
    promotion_id    INTEGER NOT NULL REFERENCES promotions (promotion_id),
    part            TEXT    NOT NULL CHECK (part IN ('line', 'bill')),
    store_id        INTEGER NOT NULL REFERENCES stores (store_id),
    till_id         INTEGER NOT NULL,
    business_date   TEXT    NOT NULL,
    qty_milli       INTEGER NOT NULL,
    free_qty_milli  INTEGER NOT NULL CHECK (free_qty_milli >= 0),
    saving_paise    INTEGER NOT NULL,
    sales_paise     INTEGER NOT NULL,
    taxable_paise   INTEGER NOT NULL,
    PRIMARY KEY (client_order_id, line_no, promotion_id)
);
CREATE INDEX ix_promotion_sale_lines_promotion ON promotion_sale_lines (promotion_id, business_date);

-- promotion_returns: a row per linked return and promotion of its sale it touched: the units it took back of the lines the
-- promotion priced, their saving pro rata (back with the goods), the promotion's share of the return's take-back (ADR 0023;
-- negative for a give-back) and what the credit note refunded for those lines.
CREATE TABLE promotion_returns (
    document_id           TEXT    NOT NULL REFERENCES returns (document_id),
    promotion_id          INTEGER NOT NULL REFERENCES promotions (promotion_id),
    client_order_id       TEXT    NOT NULL,
    store_id              INTEGER NOT NULL REFERENCES stores (store_id),
    till_id               INTEGER NOT NULL,
    business_date         TEXT    NOT NULL,
    qty_milli             INTEGER NOT NULL,
    saving_returned_paise INTEGER NOT NULL,
    taken_back_paise      INTEGER NOT NULL,
    refund_paise          INTEGER NOT NULL,
    refund_taxable_paise  INTEGER NOT NULL,
    PRIMARY KEY (document_id, promotion_id)
);
-- A later return of the same sale reads what earlier ones took back under each promotion.
CREATE INDEX ix_promotion_returns_sale ON promotion_returns (client_order_id);
CREATE INDEX ix_promotion_returns_promotion ON promotion_returns (promotion_id, business_date);

-- promotion_days: Σ of both per promotion, business day (IST) and store, kept by additive upserts in the batch's
-- transaction (as the ledger's per-day balances, ADR 0009). A sale counts on its own day, a return on its own.
CREATE TABLE promotion_days (
    promotion_id          INTEGER NOT NULL REFERENCES promotions (promotion_id),
    business_date         TEXT    NOT NULL,
    store_id              INTEGER NOT NULL REFERENCES stores (store_id),
    bills                 INTEGER NOT NULL,
    lines                 INTEGER NOT NULL,
    qty_milli             INTEGER NOT NULL,
    free_qty_milli        INTEGER NOT NULL,
    saving_paise          INTEGER NOT NULL,
    sales_paise           INTEGER NOT NULL,
    taxable_paise         INTEGER NOT NULL,
    credit_notes          INTEGER NOT NULL,
    returned_qty_milli    INTEGER NOT NULL,
    saving_returned_paise INTEGER NOT NULL,
    taken_back_paise      INTEGER NOT NULL,
    refund_paise          INTEGER NOT NULL,
    refund_taxable_paise  INTEGER NOT NULL,
    PRIMARY KEY (promotion_id, business_date, store_id)
);

-- No backfill: the report starts when this migration ran (schema_migrations.applied_at of version 32). Before it HQ kept
-- the claims only inside each order's JSON body, and a scheduled price's saving needs the catalogue price the till knew
-- and a return's take-back needs ADR 0023's arithmetic, neither of which SQL can redo faithfully on both engines.

-- The till schema as tillsync wrote it at version 3 (before till documents), kept verbatim for TillDatabaseUpgradeTests.
-- The till's store (schema version 3). Every statement is idempotent (IF NOT EXISTS): a file of an older version is
-- brought up to date by running this whole script again. One SQLite file, WAL, synchronous=FULL: a sale the cashier saw saved survives a
-- power cut. Money is paise, quantities are as sent (decimal text in JSON), times ISO-8601 UTC.

-- The last catalogue snapshot from HQ, whole, and its products for search.
CREATE TABLE IF NOT EXISTS snapshot (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    taken_at   TEXT NOT NULL,
    body_json  TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS products (
    sku          TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    hsn          TEXT NOT NULL,
    unit         TEXT NOT NULL,
    gst_rate_bp  INTEGER NOT NULL,
    price_paise  INTEGER NOT NULL,
    barcode      TEXT,
    on_hand      TEXT NOT NULL,
    search_text  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_products_barcode ON products (barcode);

-- One counter gives both tillSeq and the bill number's running number (docs/sync.md).
CREATE TABLE IF NOT EXISTS counter (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq  INTEGER NOT NULL
);

-- Every sale, forever. order_json is exactly what is sent to HQ, byte for byte on every resend; the queue is the sales
-- whose sync_state is 'pending' or 'conflict' (docs/sync.md: an order leaves the queue only on created, duplicate, rejected).
CREATE TABLE IF NOT EXISTS sales (
    till_seq         INTEGER PRIMARY KEY,
    client_order_id  TEXT NOT NULL UNIQUE,
    bill_no          TEXT NOT NULL UNIQUE,
    created_at       TEXT NOT NULL,
    total_paise      INTEGER NOT NULL,
    order_json       TEXT NOT NULL,
    receipt_json     TEXT NOT NULL,
    sync_state       TEXT NOT NULL CHECK (sync_state IN ('pending', 'synced', 'rejected', 'conflict')),
    sync_reason      TEXT,
    sync_detail      TEXT,
    synced_at        TEXT
);
CREATE INDEX IF NOT EXISTS ix_sales_queue ON sales (sync_state, till_seq);
-- The queue's age (SalesOutbox.StateAsync, before every sync) is MIN(created_at) over the queued sales; without this index
-- it read every queued row, so a long offline queue drained in time quadratic in its length (bench/RESULTS.md). It came
-- with version 3: a version 1 or 2 file gets it when the (idempotent) script runs again to upgrade it.
CREATE INDEX IF NOT EXISTS ix_sales_queue_age ON sales (sync_state, created_at);

-- Version 2: what HQ told this till through GET /api/v1/till/updates, every update as received (kinds the till does not
-- know yet are kept too). The largest cursor is where the next poll starts. A review item is open for the cashier
-- while it has a review_opened and no review_resolved.
CREATE TABLE IF NOT EXISTS hq_updates (
    cursor           INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL,
    client_order_id  TEXT NOT NULL,
    bill_no          TEXT,
    review_id        INTEGER,
    review_kind      TEXT,
    summary          TEXT NOT NULL,
    at               TEXT NOT NULL,
    received_at      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_hq_updates_review ON hq_updates (review_id, kind);
CREATE INDEX IF NOT EXISTS ix_hq_updates_order ON hq_updates (client_order_id);

-- Version 3: the IRP's registration of a B2B sale's e-invoice, from an irn_registered update. A receipt (and its reprint)
-- shows IRN, AckNo, AckDt and the signed QR once a row is here, and "IRN pending" until then.
CREATE TABLE IF NOT EXISTS sale_irns (
    client_order_id  TEXT PRIMARY KEY,
    irn              TEXT NOT NULL,
    ack_no           TEXT NOT NULL,
    ack_dt           TEXT NOT NULL,
    signed_qr        TEXT NOT NULL,
    received_at      TEXT NOT NULL
);

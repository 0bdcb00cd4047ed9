-- The till schema as tillsync wrote it at version 7 (before a sale wrote fewer pages), kept verbatim for TillDatabaseUpgradeTests.
-- The till's store (schema version 6). Every statement is idempotent (IF NOT EXISTS): a file of an older version is
-- brought up to date by running this whole script again; version 4 also moved the sales of a version 1-3 file into
-- documents, which TillDatabase does in C# around this script (see SchemaUpgrade). One SQLite file, WAL,
-- synchronous=FULL: a document the cashier saw saved survives a power cut. Money is paise, quantities are as sent
-- (decimal text in JSON), times ISO-8601 UTC.

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

-- One counter gives every document its tillSeq, whatever its kind (ADR 0003, 0007).
CREATE TABLE IF NOT EXISTS counter (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq  INTEGER NOT NULL
);

-- Version 4: the printed number series, apart from tillSeq (ADR 0007): 'bill', one running number continued from the
-- last bill printed, and 'credit_note/YYYY', from 1 in each financial year.
CREATE TABLE IF NOT EXISTS printed_counters (
    series       TEXT PRIMARY KEY,
    last_number  INTEGER NOT NULL CHECK (last_number >= 0)
);

-- Version 4: every document the till made, of every kind, forever; the outbox is the rows whose sync_state is
-- 'pending' or 'conflict', oldest first (a document leaves it only on created, duplicate or rejected). body_json is
-- exactly what is sent to HQ (a TillDocumentDto), byte for byte on every resend; body_sha256 is its SHA-256 (hex),
-- checked before every send. damage says what the till found wrong when it could no longer read the row (it then sends a
-- 'damaged' placeholder in its place); null while the row reads back as it was written.
CREATE TABLE IF NOT EXISTS documents (
    till_seq      INTEGER PRIMARY KEY,
    document_id   TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL,
    number        TEXT,
    created_at    TEXT NOT NULL,
    total_paise   INTEGER NOT NULL,
    body_json     TEXT NOT NULL,
    body_sha256   TEXT NOT NULL,
    damage        TEXT,
    sync_state    TEXT NOT NULL CHECK (sync_state IN ('pending', 'synced', 'rejected', 'conflict')),
    sync_reason   TEXT,
    sync_detail   TEXT,
    synced_at     TEXT
);
CREATE INDEX IF NOT EXISTS ix_documents_queue ON documents (sync_state, till_seq);
-- The queue's age (DocumentOutbox.StateAsync, before every sync) is MIN(created_at) over the queued documents; without
-- this index it read every queued row, and a long offline queue drained in quadratic time (bench/RESULTS.md).
CREATE INDEX IF NOT EXISTS ix_documents_queue_age ON documents (sync_state, created_at);

-- Every sale with its receipt, so that a reprint is the same bill (version 4: the order itself is in documents).
CREATE TABLE IF NOT EXISTS sales (
    till_seq         INTEGER PRIMARY KEY,
    client_order_id  TEXT NOT NULL UNIQUE,
    bill_no          TEXT NOT NULL UNIQUE,
    receipt_json     TEXT NOT NULL
);

-- Version 4: every return with its credit note, and the quantities it took back per line of its original sale, so that
-- the till never takes back more than was sold less what it knows was already returned.
CREATE TABLE IF NOT EXISTS returns (
    till_seq           INTEGER PRIMARY KEY,
    document_id        TEXT NOT NULL UNIQUE,
    credit_note_no     TEXT NOT NULL UNIQUE,
    original_order_id  TEXT NOT NULL,
    credit_note_json   TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS returned_lines (
    return_seq         INTEGER NOT NULL,
    original_order_id  TEXT NOT NULL,
    original_line_no   INTEGER NOT NULL,
    qty_milli          INTEGER NOT NULL CHECK (qty_milli > 0),
    PRIMARY KEY (return_seq, original_line_no)
);
CREATE INDEX IF NOT EXISTS ix_returned_lines_original ON returned_lines (original_order_id);

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

-- Version 5: staff locked on this till by wrong PINs (docs/shifts.md). wrong_pins counts wrong PINs in a row; locked_at is
-- set at the fifth and cleared (the row deleted) by a right PIN or a supervisor's unlock. PINs are never stored here: the
-- hashes the till checks are in the snapshot.
CREATE TABLE IF NOT EXISTS staff_lockouts (
    staff_id   INTEGER PRIMARY KEY,
    wrong_pins INTEGER NOT NULL CHECK (wrong_pins > 0),
    locked_at  TEXT
);

-- Version 6: the till's shifts (docs/shifts.md). A row per shift_open document; close_seq, z_number and z_report_json are
-- set by its shift_close in the same transaction as that document. At most one shift is open (close_seq IS NULL) at a
-- time; a restarted till reads it back and carries on with it. The documents themselves are in documents.
CREATE TABLE IF NOT EXISTS shifts (
    shift_id       TEXT PRIMARY KEY,
    open_seq       INTEGER NOT NULL UNIQUE,
    opened_at      TEXT NOT NULL,
    cashier_id     INTEGER NOT NULL,
    float_paise    INTEGER NOT NULL CHECK (float_paise >= 0),
    close_seq      INTEGER UNIQUE,
    z_number       INTEGER UNIQUE,
    z_report_json  TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_shifts_one_open ON shifts ((close_seq IS NULL)) WHERE close_seq IS NULL;

-- Version 6: the request id of every shift, cash and close request the page sent, with a hash of its body and the
-- document it made, so that a retried request (an answer lost, a double click) answers the same document again and
-- never makes a second one; the same id with another body is refused.
CREATE TABLE IF NOT EXISTS shift_requests (
    request_id      TEXT PRIMARY KEY,
    kind            TEXT NOT NULL,
    request_sha256  TEXT NOT NULL,
    document_id     TEXT NOT NULL
);

-- Version 7: carts parked at the counter (docs/shifts.md, "Parked sales"). Local only: never a document, never sent to
-- HQ. park_id is the page's request id, so a retried park finds its row; cart_json holds the lines and the note as
-- parked; resumed_at is set when a cashier takes the cart back (the row stays, so a retried resume answers it again).
CREATE TABLE IF NOT EXISTS parked_carts (
    park_id     TEXT PRIMARY KEY,
    parked_at   TEXT NOT NULL,
    cashier_id  INTEGER NOT NULL,
    cart_json   TEXT NOT NULL,
    resumed_at  TEXT
);
CREATE INDEX IF NOT EXISTS ix_parked_carts_open ON parked_carts (parked_at) WHERE resumed_at IS NULL;

-- The till's store (schema version 12). Every statement is idempotent (IF NOT EXISTS): a file of an older version is
-- brought up to date by running this whole script again; version 4 also moved the sales of a version 1-3 file into
-- documents, and version 8 reshaped sales and merged the counters, which TillDatabase does in C# around this script (see
-- SchemaUpgrade). One SQLite file, WAL,
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
    search_text  TEXT NOT NULL,
    -- Version 9: the MRP (null when none) and whether the price includes GST; a file of version 8 or older gains both
    -- columns (SchemaUpgrade), its rows meaning what they meant: no MRP, priced before tax.
    mrp_paise     INTEGER,
    tax_inclusive INTEGER NOT NULL DEFAULT 0,
    -- Version 12: 1 when HQ has retired the product (not sold; returns of earlier sales still taken). A file of version 11
    -- or older gains the column (SchemaUpgrade), its rows on sale, as every product was before retirement.
    retired       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS ix_products_barcode ON products (barcode);

-- Version 8: the till's counters, one row each, in one table so that a sale updates one page for both of its numbers
-- (docs/performance.md): 'till_seq', the one counter that gives every document its tillSeq whatever its kind (ADR 0003,
-- 0007), from the first snapshot on; and the printed number series apart from it (ADR 0007): 'bill', one running number
-- continued from the last bill printed, and 'credit_note/YYYY', from 1 in each financial year. (Versions 4-7 kept them in
-- the tables counter and printed_counters.)
CREATE TABLE IF NOT EXISTS counters (
    name        TEXT PRIMARY KEY,
    last_value  INTEGER NOT NULL CHECK (last_value >= 0)
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
    synced_at     TEXT,
    -- Version 10: the document's entry in the till's hash chain (ADR 0016), set when the row is written and never
    -- changed: chain_hash = SHA-256 of 'tillsync-chain/1\n{till_seq}\n{chain_prev_hash}\n{body_sha256}', signed by the
    -- till's key (chain_signature, base64url). Null on rows written before a file's upgrade to version 10: the chain
    -- starts at the first row written after it, whose chain_prev_hash is 64 zeros (the genesis marker).
    chain_prev_hash  TEXT,
    chain_hash       TEXT,
    chain_signature  TEXT
);
CREATE INDEX IF NOT EXISTS ix_documents_queue ON documents (sync_state, till_seq);
-- Version 8: a sale's bill number is found here (a reprint, a return by bill number), and no two sales share one.
CREATE UNIQUE INDEX IF NOT EXISTS ux_documents_bill_no ON documents (number) WHERE kind = 'sale';
-- Versions 4-7 kept an index on (sync_state, created_at) for the queue's age; the age is now the oldest queued
-- document's in till order, found through ix_documents_queue, and the index cost every document a page.
DROP INDEX IF EXISTS ix_documents_queue_age;

-- Every sale's receipt, so that a reprint is the same bill; its id and bill number are its document's (version 8: one
-- row, no second copy of either key).
CREATE TABLE IF NOT EXISTS sales (
    till_seq      INTEGER PRIMARY KEY,
    receipt_json  TEXT NOT NULL
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

-- Version 10: HQ's latest signed statement of the highest entry it holds of this till's chain (ADR 0016), from the last
-- sync answer that carried one and whose signature checked with the snapshot's HQ key. The till checks its own log
-- against it on start and after each sync, and names a database restored from an old backup or truncated.
CREATE TABLE IF NOT EXISTS hq_statement (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    till_id      INTEGER NOT NULL,
    till_seq     INTEGER NOT NULL,
    hash         TEXT,
    signature    TEXT NOT NULL,
    received_at  TEXT NOT NULL
);

-- Version 11: copies of the other tills' documents of this store, pulled from peers over the store LAN
-- (docs/store-lan.md, ADR 0019). Each is the origin till's document exactly as that till stored it (body_json, byte for
-- byte) with its chain entry, accepted only when its hash matches the bytes, its signature checks with the origin till's
-- key from the snapshot and it links to the copy held at till_seq - 1 (or starts that till's chain): so each till's
-- copies are a contiguous run of its chain, and can be served on to other peers and relayed to HQ unchanged. Never the
-- till's own documents (those are in documents), never sent to HQ as this till's.
CREATE TABLE IF NOT EXISTS peer_documents (
    origin_till_id   INTEGER NOT NULL,
    till_seq         INTEGER NOT NULL,
    document_id      TEXT NOT NULL UNIQUE,
    kind             TEXT NOT NULL,
    number           TEXT,
    body_json        TEXT NOT NULL,
    body_sha256      TEXT NOT NULL,
    chain_prev_hash  TEXT NOT NULL,
    chain_hash       TEXT NOT NULL,
    chain_signature  TEXT NOT NULL,
    received_from    TEXT NOT NULL,
    received_at      TEXT NOT NULL,
    PRIMARY KEY (origin_till_id, till_seq)
);
-- A return at this till finds another till's sale by its bill number here while HQ is unreachable.
CREATE INDEX IF NOT EXISTS ix_peer_documents_number ON peer_documents (number) WHERE kind = 'sale';

-- Issue 16: staff (docs/shifts.md). A manager keeps a store's cashiers, supervisors and managers; each has a 4-6 digit
-- till PIN stored only as PBKDF2-HMAC-SHA256 over a random salt (docs/security.md, "Staff PINs"). Tills receive the
-- active staff of their store, hashes included, in their snapshot.
CREATE TABLE staff (
    staff_id       INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL,
    role           TEXT    NOT NULL CHECK (role IN ('cashier', 'supervisor', 'manager')),
    active         INTEGER NOT NULL CHECK (active IN (0, 1)),
    pin_hash       TEXT    NOT NULL,
    pin_salt       TEXT    NOT NULL,
    pin_iterations INTEGER NOT NULL CHECK (pin_iterations > 0),
    pin_set_at     TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);

CREATE TABLE staff_stores (
    staff_id INTEGER NOT NULL REFERENCES staff (staff_id),
    store_id INTEGER NOT NULL REFERENCES stores (store_id),
    PRIMARY KEY (staff_id, store_id)
);
CREATE INDEX ix_staff_stores_store ON staff_stores (store_id, staff_id);

-- Every till document names the cashier logged in when it was saved (a staff id, not a reference: a till sells offline
-- under the staff list of its last snapshot, and a document is recorded whatever HQ's list says now). Null for a
-- document from a till before staff: "unknown cashier".
ALTER TABLE orders ADD COLUMN cashier_id INTEGER;
ALTER TABLE returns ADD COLUMN cashier_id INTEGER;

-- Shift and cash documents (docs/shifts.md), one table per kind, rows written once as they commit. A shift's id is its
-- shift_open document's id; a till sends its documents in tillSeq order, so a shift's open is recorded before its
-- movements and close. Amounts in paise; counts by denomination as the till sent them (JSON).
CREATE TABLE shift_opens (
    document_id  TEXT    PRIMARY KEY,
    store_id     INTEGER NOT NULL,
    till_id      INTEGER NOT NULL,
    till_seq     INTEGER NOT NULL,
    opened_at    TEXT    NOT NULL,
    cashier_id   INTEGER NOT NULL,
    float_paise  INTEGER NOT NULL,
    float_json   TEXT    NOT NULL,
    committed_at TEXT    NOT NULL
);
CREATE INDEX ix_shift_opens_store ON shift_opens (store_id, opened_at);

CREATE TABLE cash_movements (
    document_id  TEXT    PRIMARY KEY,
    shift_id     TEXT    NOT NULL,
    store_id     INTEGER NOT NULL,
    till_id      INTEGER NOT NULL,
    till_seq     INTEGER NOT NULL,
    moved_at     TEXT    NOT NULL,
    direction    TEXT    NOT NULL CHECK (direction IN ('in', 'out')),
    reason       TEXT    NOT NULL,
    amount_paise INTEGER NOT NULL CHECK (amount_paise > 0),
    cashier_id   INTEGER NOT NULL,
    note         TEXT,
    committed_at TEXT    NOT NULL
);
CREATE INDEX ix_cash_movements_shift ON cash_movements (shift_id);

CREATE TABLE shift_closes (
    document_id          TEXT    PRIMARY KEY,
    shift_id             TEXT    NOT NULL,
    store_id             INTEGER NOT NULL,
    till_id              INTEGER NOT NULL,
    till_seq             INTEGER NOT NULL,
    z_number             INTEGER NOT NULL,
    closed_at            TEXT    NOT NULL,
    cashier_id           INTEGER NOT NULL,
    counted_cash_paise   INTEGER NOT NULL,
    counted_json         TEXT    NOT NULL,
    card_slips_paise     INTEGER NOT NULL,
    upi_slips_paise      INTEGER NOT NULL,
    expected_json        TEXT    NOT NULL,
    expected_cash_paise  INTEGER NOT NULL,
    cash_variance_paise  INTEGER NOT NULL,
    committed_at         TEXT    NOT NULL
);
-- Z numbers are consecutive per till: one number, one close.
CREATE UNIQUE INDEX ux_shift_closes_z ON shift_closes (till_id, z_number);
CREATE INDEX ix_shift_closes_shift ON shift_closes (shift_id);

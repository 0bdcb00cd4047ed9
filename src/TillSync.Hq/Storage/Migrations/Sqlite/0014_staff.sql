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

-- Issue 17: a manager cancels a registered e-invoice at the portal within 24 hours of its acknowledgement
-- (docs/einvoice.md, "Cancelling a bill"): the status 'cancelled', when the portal cancelled it (its CancelDate, IST)
-- and NIC's reason code (1 duplicate, 2 data entry mistake, 3 order cancelled, 4 other) with the manager's remark.
-- SQLite cannot change a CHECK in place, so the table is copied.
CREATE TABLE einvoices_v19 (
    client_order_id   TEXT    PRIMARY KEY,
    store_id          INTEGER NOT NULL REFERENCES stores (store_id),
    till_id           INTEGER NOT NULL REFERENCES tills (till_id),
    till_seq          INTEGER NOT NULL,
    doc_type          TEXT    NOT NULL CHECK (doc_type IN ('INV', 'CRN', 'DBN')),
    doc_no            TEXT    NOT NULL,
    doc_date          TEXT    NOT NULL,
    buyer_gstin       TEXT    NOT NULL,
    buyer_name        TEXT,
    buyer_address1    TEXT,
    buyer_location    TEXT,
    buyer_pin         INTEGER,
    total_paise       INTEGER NOT NULL,
    status            TEXT    NOT NULL CHECK (status IN ('pending', 'registered', 'failed', 'waiting', 'cancelled')),
    irn               TEXT    NOT NULL,
    ack_no            INTEGER,
    ack_dt            TEXT,
    signed_invoice    TEXT,
    signed_qr         TEXT,
    ewb_no            INTEGER,
    ewb_date          TEXT,
    ewb_valid_till    TEXT,
    attempts          INTEGER NOT NULL DEFAULT 0,
    next_attempt_at   TEXT    NOT NULL,
    claimed_until     TEXT    NOT NULL,
    last_error        TEXT,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    original_doc_no   TEXT,
    original_doc_date TEXT,
    till_irn          TEXT,
    cancelled_at      TEXT,
    cancel_reason     TEXT,
    cancel_remark     TEXT
);
INSERT INTO einvoices_v19 SELECT client_order_id, store_id, till_id, till_seq, doc_type, doc_no, doc_date, buyer_gstin, buyer_name, buyer_address1,
    buyer_location, buyer_pin, total_paise, status, irn, ack_no, ack_dt, signed_invoice, signed_qr, ewb_no, ewb_date, ewb_valid_till, attempts,
    next_attempt_at, claimed_until, last_error, created_at, updated_at, original_doc_no, original_doc_date, till_irn, NULL, NULL, NULL FROM einvoices;
DROP TABLE einvoices;
ALTER TABLE einvoices_v19 RENAME TO einvoices;
CREATE UNIQUE INDEX ux_einvoices_till_seq ON einvoices (till_id, till_seq);
CREATE INDEX ix_einvoices_status ON einvoices (status, till_id, till_seq);

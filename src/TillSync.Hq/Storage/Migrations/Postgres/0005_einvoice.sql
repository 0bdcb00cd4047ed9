-- The e-invoice outbox (docs/einvoice.md, docs/einvoice.md). One row per committed B2B sale, written in the sync
-- transaction that commits the sale; the e-invoice worker registers it with the IRP. status: pending (waiting or
-- being registered), registered (AckNo received), failed (parked for a manager with last_error). irn is computed
-- when the row is written (Irn.Compute), so it is known before the IRP answers. buyer_* are the e-invoice's buyer
-- details, copied from the order and correctable by a manager's retry. claimed_until is a lease: a worker takes a
-- bill only with a conditional UPDATE while the lease has expired, so two HQ instances never send it at once.
CREATE TABLE einvoices (
    client_order_id  TEXT    PRIMARY KEY REFERENCES orders (client_order_id),
    store_id         BIGINT  NOT NULL REFERENCES stores (store_id),
    till_id          BIGINT  NOT NULL REFERENCES tills (till_id),
    till_seq         BIGINT  NOT NULL,
    doc_type         TEXT    NOT NULL CHECK (doc_type IN ('INV', 'CRN', 'DBN')),
    doc_no           TEXT    NOT NULL,
    doc_date         TEXT    NOT NULL,
    buyer_gstin      TEXT    NOT NULL,
    buyer_name       TEXT,
    buyer_address1   TEXT,
    buyer_location   TEXT,
    buyer_pin        BIGINT,
    total_paise      BIGINT  NOT NULL,
    status           TEXT    NOT NULL CHECK (status IN ('pending', 'registered', 'failed')),
    irn              TEXT    NOT NULL,
    ack_no           BIGINT,
    ack_dt           TEXT,
    signed_invoice   TEXT,
    signed_qr        TEXT,
    ewb_no           BIGINT,
    ewb_date         TEXT,
    ewb_valid_till   TEXT,
    attempts         BIGINT  NOT NULL DEFAULT 0,
    next_attempt_at  TEXT    NOT NULL,
    claimed_until    TEXT    NOT NULL,
    last_error       TEXT,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_einvoices_till_seq ON einvoices (till_id, till_seq);
CREATE INDEX ix_einvoices_status ON einvoices (status, till_id, till_seq);

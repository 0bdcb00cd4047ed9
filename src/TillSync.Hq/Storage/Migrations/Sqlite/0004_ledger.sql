-- The accounting journal (docs/accounting.md). Each financial event posts one entry; its postings carry signed paise
-- (debit positive, credit negative) and sum to zero. entry_ref names the event ("sale:<clientOrderId>",
-- "receipt:<id>", …) and is unique, so an event can never post twice. entry_date is the business date of the
-- event in India Standard Time (a sale made offline yesterday belongs to yesterday); posted_at is when HQ wrote it.
CREATE TABLE journal_entries (
    entry_no    INTEGER PRIMARY KEY,
    entry_ref   TEXT    NOT NULL UNIQUE,
    store_id    INTEGER NOT NULL REFERENCES stores (store_id),
    kind        TEXT    NOT NULL,
    entry_date  TEXT    NOT NULL,
    description TEXT    NOT NULL,
    posted_at   TEXT    NOT NULL
);
CREATE INDEX ix_journal_entries_date ON journal_entries (entry_date, store_id);

CREATE TABLE journal_postings (
    entry_ref    TEXT    NOT NULL REFERENCES journal_entries (entry_ref),
    posting_no   INTEGER NOT NULL,
    store_id     INTEGER NOT NULL,
    account      TEXT    NOT NULL,
    amount_paise INTEGER NOT NULL CHECK (amount_paise <> 0),
    PRIMARY KEY (entry_ref, posting_no)
);

-- Whether a committed sale was an inter-state supply (IGST), for the GST summary. Orders committed before this
-- column existed are inter-state exactly when they carry IGST (a nil-rated inter-state bill reads as intra-state).
ALTER TABLE orders ADD COLUMN inter_state INTEGER NOT NULL DEFAULT 0;
UPDATE orders SET inter_state = 1 WHERE igst_paise <> 0;

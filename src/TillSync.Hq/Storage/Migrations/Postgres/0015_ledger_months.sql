-- Issue 18: the monthly roll-up of the maintained balances (docs/decisions/0009-maintained-ledger-balances.md). HQ adds
-- every posting to these rows in the same transaction as to the day rows of 0012; the trial balance and the GST summary
-- read whole calendar months from here and only the days at a period's edges from the day rows, so a period of any
-- length costs its months plus at most 62 days of rows. entry_month is the business date's yyyy-MM.
CREATE TABLE ledger_account_months (
    entry_month  TEXT    NOT NULL,
    store_id     BIGINT NOT NULL REFERENCES stores (store_id),
    account      TEXT    NOT NULL,
    debit_paise  BIGINT NOT NULL CHECK (debit_paise >= 0),
    credit_paise BIGINT NOT NULL CHECK (credit_paise >= 0),
    PRIMARY KEY (entry_month, store_id, account)
);

CREATE TABLE ledger_months (
    entry_month               TEXT    NOT NULL,
    store_id                  BIGINT NOT NULL REFERENCES stores (store_id),
    entries                   BIGINT NOT NULL,
    bills                     BIGINT NOT NULL,
    bill_taxable_paise        BIGINT NOT NULL,
    bill_tax_paise            BIGINT NOT NULL,
    bill_total_paise          BIGINT NOT NULL,
    credit_notes              BIGINT NOT NULL,
    credit_note_taxable_paise BIGINT NOT NULL,
    credit_note_tax_paise     BIGINT NOT NULL,
    credit_note_total_paise   BIGINT NOT NULL,
    PRIMARY KEY (entry_month, store_id)
);

CREATE TABLE ledger_gst_months (
    entry_month   TEXT    NOT NULL,
    store_id      BIGINT NOT NULL REFERENCES stores (store_id),
    document      TEXT    NOT NULL CHECK (document IN ('invoice', 'credit_note')),
    supply        TEXT    NOT NULL CHECK (supply IN ('B2B', 'B2C')),
    inter_state   BIGINT NOT NULL CHECK (inter_state IN (0, 1)),
    gst_rate_bp   BIGINT NOT NULL,
    documents     BIGINT NOT NULL,
    taxable_paise BIGINT NOT NULL,
    cgst_paise    BIGINT NOT NULL,
    sgst_paise    BIGINT NOT NULL,
    igst_paise    BIGINT NOT NULL,
    PRIMARY KEY (entry_month, store_id, document, supply, inter_state, gst_rate_bp)
);

-- The backfill: the day rows HQ has maintained since 0012, summed by month. A document counts on one day only, so the
-- month's documents per class are the sum of its days'.
INSERT INTO ledger_account_months (entry_month, store_id, account, debit_paise, credit_paise)
SELECT substr(entry_date, 1, 7), store_id, account, SUM(debit_paise), SUM(credit_paise)
FROM ledger_account_days
GROUP BY substr(entry_date, 1, 7), store_id, account;

INSERT INTO ledger_months (entry_month, store_id, entries, bills, bill_taxable_paise, bill_tax_paise, bill_total_paise,
                           credit_notes, credit_note_taxable_paise, credit_note_tax_paise, credit_note_total_paise)
SELECT substr(entry_date, 1, 7), store_id, SUM(entries), SUM(bills), SUM(bill_taxable_paise), SUM(bill_tax_paise),
       SUM(bill_total_paise), SUM(credit_notes), SUM(credit_note_taxable_paise), SUM(credit_note_tax_paise), SUM(credit_note_total_paise)
FROM ledger_days
GROUP BY substr(entry_date, 1, 7), store_id;

INSERT INTO ledger_gst_months (entry_month, store_id, document, supply, inter_state, gst_rate_bp, documents, taxable_paise,
                               cgst_paise, sgst_paise, igst_paise)
SELECT substr(entry_date, 1, 7), store_id, document, supply, inter_state, gst_rate_bp, SUM(documents), SUM(taxable_paise),
       SUM(cgst_paise), SUM(sgst_paise), SUM(igst_paise)
FROM ledger_gst_days
GROUP BY substr(entry_date, 1, 7), store_id, document, supply, inter_state, gst_rate_bp;

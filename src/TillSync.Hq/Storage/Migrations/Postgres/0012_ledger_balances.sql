-- Issue 18: reports at scale. HQ maintains, in the transaction of every posting, running totals per business day and
-- store (docs/decisions/0009-maintained-ledger-balances.md): the trial balance, the GST summary and the day's sales
-- sum these rows instead of every posting, so they cost the days in the period, not the orders.
-- ledger_account_days: Σ debits and Σ credits per account. ledger_days: journal entries, and the day's bills and credit
-- notes with their taxable value, tax and totals. ledger_gst_days: the GST summary's classes (invoice or credit note,
-- B2B/B2C, intra/inter-state, rate) with the documents carrying a line of the class.
CREATE TABLE ledger_account_days (
    entry_date   TEXT    NOT NULL,
    store_id     BIGINT NOT NULL REFERENCES stores (store_id),
    account      TEXT    NOT NULL,
    debit_paise  BIGINT NOT NULL CHECK (debit_paise >= 0),
    credit_paise BIGINT NOT NULL CHECK (credit_paise >= 0),
    PRIMARY KEY (entry_date, store_id, account)
);

CREATE TABLE ledger_days (
    entry_date              TEXT    NOT NULL,
    store_id                BIGINT NOT NULL REFERENCES stores (store_id),
    entries                 BIGINT NOT NULL,
    bills                   BIGINT NOT NULL,
    bill_taxable_paise      BIGINT NOT NULL,
    bill_tax_paise          BIGINT NOT NULL,
    bill_total_paise        BIGINT NOT NULL,
    credit_notes            BIGINT NOT NULL,
    credit_note_taxable_paise BIGINT NOT NULL,
    credit_note_tax_paise   BIGINT NOT NULL,
    credit_note_total_paise BIGINT NOT NULL,
    PRIMARY KEY (entry_date, store_id)
);

CREATE TABLE ledger_gst_days (
    entry_date    TEXT    NOT NULL,
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
    PRIMARY KEY (entry_date, store_id, document, supply, inter_state, gst_rate_bp)
);

-- The backfill: the same sums over what was posted and committed before this migration. A bill's or credit note's
-- business date is its created_at (UTC) moved to India Standard Time, as its journal entry's date is.
INSERT INTO ledger_account_days (entry_date, store_id, account, debit_paise, credit_paise)
SELECT e.entry_date, e.store_id, p.account,
       SUM(CASE WHEN p.amount_paise > 0 THEN p.amount_paise ELSE 0 END),
       SUM(CASE WHEN p.amount_paise < 0 THEN -p.amount_paise ELSE 0 END)
FROM journal_postings p JOIN journal_entries e ON e.entry_ref = p.entry_ref
GROUP BY e.entry_date, e.store_id, p.account;

INSERT INTO ledger_days (entry_date, store_id, entries, bills, bill_taxable_paise, bill_tax_paise, bill_total_paise,
                         credit_notes, credit_note_taxable_paise, credit_note_tax_paise, credit_note_total_paise)
SELECT entry_date, store_id, SUM(entries), SUM(bills), SUM(bill_taxable), SUM(bill_tax), SUM(bill_total),
       SUM(notes), SUM(note_taxable), SUM(note_tax), SUM(note_total)
FROM (
    SELECT entry_date, store_id, COUNT(*) AS entries, 0 AS bills, 0 AS bill_taxable, 0 AS bill_tax, 0 AS bill_total,
           0 AS notes, 0 AS note_taxable, 0 AS note_tax, 0 AS note_total
    FROM journal_entries GROUP BY entry_date, store_id
    UNION ALL
    SELECT to_char(left(created_at, 19)::timestamp + interval '330 minutes', 'YYYY-MM-DD'), store_id, 0, COUNT(*), SUM(taxable_paise),
           SUM(cgst_paise + sgst_paise + igst_paise), SUM(total_paise), 0, 0, 0, 0
    FROM orders WHERE status = 'committed' GROUP BY 1, 2
    UNION ALL
    SELECT to_char(left(created_at, 19)::timestamp + interval '330 minutes', 'YYYY-MM-DD'), store_id, 0, 0, 0, 0, 0, COUNT(*), SUM(taxable_paise),
           SUM(cgst_paise + sgst_paise + igst_paise), SUM(total_paise)
    FROM returns GROUP BY 1, 2
) AS parts
GROUP BY entry_date, store_id;

INSERT INTO ledger_gst_days (entry_date, store_id, document, supply, inter_state, gst_rate_bp, documents, taxable_paise,
                             cgst_paise, sgst_paise, igst_paise)
SELECT entry_date, store_id, document, supply, inter_state, gst_rate_bp,
       COUNT(DISTINCT document_id), SUM(taxable_paise), SUM(cgst_paise), SUM(sgst_paise), SUM(igst_paise)
FROM (
    SELECT to_char(left(o.created_at, 19)::timestamp + interval '330 minutes', 'YYYY-MM-DD') AS entry_date, o.store_id, 'invoice' AS document,
           CASE WHEN o.customer_gstin IS NULL THEN 'B2C' ELSE 'B2B' END AS supply, o.inter_state, o.client_order_id AS document_id,
           l.gst_rate_bp, l.taxable_paise, l.cgst_paise, l.sgst_paise, l.igst_paise
    FROM order_lines l JOIN orders o ON o.client_order_id = l.client_order_id WHERE o.status = 'committed'
    UNION ALL
    SELECT to_char(left(r.created_at, 19)::timestamp + interval '330 minutes', 'YYYY-MM-DD'), r.store_id, 'credit_note',
           CASE WHEN r.customer_gstin IS NULL THEN 'B2C' ELSE 'B2B' END, r.inter_state, r.document_id,
           l.gst_rate_bp, l.taxable_paise, l.cgst_paise, l.sgst_paise, l.igst_paise
    FROM return_lines l JOIN returns r ON r.document_id = l.document_id
) AS lines
GROUP BY entry_date, store_id, document, supply, inter_state, gst_rate_bp;

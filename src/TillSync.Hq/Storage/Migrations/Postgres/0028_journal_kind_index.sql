-- Issue 19: the books page lists one kind of entry (the revaluations of cost changes, ADR 0024) through
-- GET /api/v1/ledger/journal?kind=: rare entries among every sale's, found by kind in posting order without reading the rest.
CREATE INDEX ix_journal_entries_kind ON journal_entries (kind, entry_no);

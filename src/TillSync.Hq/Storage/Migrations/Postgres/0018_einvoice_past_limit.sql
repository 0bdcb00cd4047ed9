-- Issue 17: the einvoice_past_limit review kind — the e-invoice portal refused a B2B document as reported more than
-- 30 days after its date (docs/einvoice.md). client_order_id holds the sale's or return's id, bill_no its number; one
-- item per document.
ALTER TABLE review_items DROP CONSTRAINT review_items_kind_check;
ALTER TABLE review_items ADD CONSTRAINT review_items_kind_check
    CHECK (kind IN ('stock_short', 'rejected_order', 'sync_conflict', 'loyalty_overdraft', 'damaged_document',
                    'return_mismatch', 'over_return', 'return_unlinked', 'receipt_code_invalid', 'store_credit_overdraft',
                    'shift_count_differs', 'einvoice_past_limit'));
CREATE UNIQUE INDEX ux_review_items_einvoice_past_limit ON review_items (client_order_id) WHERE kind = 'einvoice_past_limit';

-- Issue 16: the shift_count_differs review kind — HQ's count of a closed shift from the documents it holds is not what
-- the till expected (docs/shifts.md). client_order_id holds the close's document id, bill_no its Z number; one item
-- per close, so a shift has at most one.
ALTER TABLE review_items DROP CONSTRAINT review_items_kind_check;
ALTER TABLE review_items ADD CONSTRAINT review_items_kind_check
    CHECK (kind IN ('stock_short', 'rejected_order', 'sync_conflict', 'loyalty_overdraft', 'damaged_document',
                    'return_mismatch', 'over_return', 'return_unlinked', 'receipt_code_invalid', 'store_credit_overdraft',
                    'shift_count_differs'));
CREATE UNIQUE INDEX ux_review_items_shift_count ON review_items (client_order_id) WHERE kind = 'shift_count_differs';

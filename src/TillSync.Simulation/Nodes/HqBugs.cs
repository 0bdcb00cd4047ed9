namespace TillSync.Simulation.Nodes;

/// <summary>The SQL of each <see cref="HqBug"/>: triggers on HQ's tables that do what the bug would do.</summary>
internal static class HqBugs
{
    /// <summary>The statements that plant <paramref name="bug"/>, or none.</summary>
    public static IReadOnlyList<string> Sql(HqBug bug) => bug switch
    {
        HqBug.None => [],
        HqBug.ReturnDedupLost => ["""
            CREATE TRIGGER IF NOT EXISTS simulation_bug AFTER INSERT ON till_documents WHEN NEW.kind = 'return'
            BEGIN DELETE FROM till_documents WHERE document_id = NEW.document_id; END;
            """],
        HqBug.LoyaltyBurnTwice => ["""
            CREATE TRIGGER IF NOT EXISTS simulation_bug AFTER INSERT ON loyalty_movements WHEN NEW.kind = 'burn' AND NEW.points < 0
            BEGIN UPDATE loyalty_customers SET balance_points = balance_points + NEW.points WHERE phone = NEW.phone; END;
            """],
        HqBug.RedemptionTokenReusable => ["""
            CREATE TRIGGER IF NOT EXISTS simulation_bug AFTER UPDATE OF consumed_by ON loyalty_redemption_tokens WHEN NEW.consumed_by IS NOT NULL
            BEGIN UPDATE loyalty_redemption_tokens SET consumed_by = NULL, consumed_at = NULL WHERE token_hash = NEW.token_hash; END;
            """],
        HqBug.OverReturnUnreviewed => ["""
            CREATE TRIGGER IF NOT EXISTS simulation_bug AFTER INSERT ON review_items WHEN NEW.kind = 'over_return'
            BEGIN DELETE FROM review_items WHERE review_id = NEW.review_id; END;
            """],
        HqBug.StoreCreditOverdraftUnreviewed => ["""
            CREATE TRIGGER IF NOT EXISTS simulation_bug AFTER INSERT ON review_items WHEN NEW.kind = 'store_credit_overdraft'
            BEGIN DELETE FROM review_items WHERE review_id = NEW.review_id; END;
            """],
        HqBug.ReturnNeverLinked => ["""
            CREATE TRIGGER IF NOT EXISTS simulation_bug AFTER UPDATE OF linked_at ON returns WHEN NEW.linked_at IS NOT NULL
            BEGIN UPDATE returns SET linked_at = NULL WHERE document_id = NEW.document_id; END;
            """, """
            CREATE TRIGGER IF NOT EXISTS simulation_bug_insert AFTER INSERT ON returns WHEN NEW.linked_at IS NOT NULL
            BEGIN UPDATE returns SET linked_at = NULL WHERE document_id = NEW.document_id; END;
            """],
        HqBug.CreditNoteGstSkewed => ["""
            CREATE TRIGGER IF NOT EXISTS simulation_bug AFTER INSERT ON return_lines
            BEGIN UPDATE return_lines SET cgst_paise = cgst_paise + 1 WHERE document_id = NEW.document_id AND line_no = NEW.line_no; END;
            """],
        // Once per credit note (the table remembers which), so that the run still ends: the second send is answered 2150,
        // which HQ adopts.
        HqBug.CrnSentTwice => ["""
            CREATE TABLE IF NOT EXISTS simulation_bug_forgotten (client_order_id TEXT PRIMARY KEY);
            """, """
            CREATE TRIGGER IF NOT EXISTS simulation_bug AFTER UPDATE OF status ON einvoices
            WHEN NEW.status = 'registered' AND NEW.doc_type = 'CRN'
              AND NOT EXISTS (SELECT 1 FROM simulation_bug_forgotten WHERE client_order_id = NEW.client_order_id)
            BEGIN
              INSERT INTO simulation_bug_forgotten (client_order_id) VALUES (NEW.client_order_id);
              UPDATE einvoices SET status = 'pending', attempts = 0, ack_no = NULL, ack_dt = NULL, signed_invoice = NULL, signed_qr = NULL
              WHERE client_order_id = NEW.client_order_id;
            END;
            """],
        // One item per sale, as HQ opens them, for the first line billed at a price other than the catalogue's of the moment.
        HqBug.PriceJudgedByToday => ["""
            CREATE TRIGGER IF NOT EXISTS simulation_bug AFTER INSERT ON order_lines
            WHEN NEW.unit_price_paise <> (SELECT price_paise FROM products WHERE sku = NEW.sku)
              AND NOT EXISTS (SELECT 1 FROM review_items WHERE client_order_id = NEW.client_order_id AND kind = 'price_deviation')
            BEGIN
              INSERT INTO review_items (kind, status, store_id, till_id, client_order_id, bill_no, detail, created_at)
              SELECT 'price_deviation', 'open', o.store_id, o.till_id, o.client_order_id, o.bill_no,
                     'Bill ' || o.bill_no || ': line ' || NEW.line_no || ' (' || NEW.sku || ') billed at ' || NEW.unit_price_paise
                       || ' paise against today''s catalogue price', o.committed_at
              FROM orders o WHERE o.client_order_id = NEW.client_order_id;
            END;
            """],
        // One item per sale, as HQ opens them, for a sale claiming (on any line, or for the bill) a promotion HQ has ended by
        // now, whatever the till's pricing version knew.
        HqBug.PromotionJudgedByToday => ["""
            CREATE TRIGGER IF NOT EXISTS simulation_bug AFTER INSERT ON order_lines
            WHEN NOT EXISTS (SELECT 1 FROM review_items WHERE client_order_id = NEW.client_order_id AND kind = 'price_deviation')
              AND EXISTS (
                SELECT 1 FROM orders o JOIN promotions p ON p.ended_at IS NOT NULL
                WHERE o.client_order_id = NEW.client_order_id
                  AND (p.promotion_id = json_extract(o.body_json, '$.billPromotion.promotionId')
                       OR p.promotion_id IN (SELECT json_extract(l.value, '$.promotionId') FROM json_each(o.body_json, '$.lines') l)))
            BEGIN
              INSERT INTO review_items (kind, status, store_id, till_id, client_order_id, bill_no, detail, created_at)
              SELECT 'price_deviation', 'open', o.store_id, o.till_id, o.client_order_id, o.bill_no,
                     'Bill ' || o.bill_no || ': claimed a promotion HQ has ended by now', o.committed_at
              FROM orders o WHERE o.client_order_id = NEW.client_order_id;
            END;
            """],
        // The movement names no resolution, so that a resent resolution still answers as the first did and only the
        // books can tell.
        HqBug.WriteOffMovesQuantityOnly => ["""
            CREATE TRIGGER IF NOT EXISTS simulation_bug AFTER INSERT ON review_resolutions
            WHEN NEW.action = 'write_off' AND NEW.qty_milli IS NOT NULL
              AND (SELECT sku FROM review_items WHERE review_id = NEW.review_id) IS NOT NULL
            BEGIN
              INSERT INTO stock_movements (store_id, sku, qty_milli, kind, created_at)
              SELECT i.store_id, i.sku, NEW.qty_milli, 'resolution', NEW.resolved_at FROM review_items i WHERE i.review_id = NEW.review_id;
              UPDATE stock_on_hand SET qty_milli = qty_milli + NEW.qty_milli
              WHERE (store_id, sku) = (SELECT store_id, sku FROM review_items WHERE review_id = NEW.review_id);
            END;
            """],
        // The inventory side of each revaluation entry is moved to the revaluation account as the other side is written,
        // so that HQ's read-back of the entry (two postings, Σ 0) still passes and only the inventory account can tell.
        HqBug.CostChangedWithoutRevaluation => ["""
            CREATE TRIGGER IF NOT EXISTS simulation_bug AFTER INSERT ON journal_postings
            WHEN NEW.entry_ref LIKE 'revaluation:%' AND NEW.account = 'expenses:revaluation'
            BEGIN
              UPDATE journal_postings SET account = 'expenses:revaluation' WHERE entry_ref = NEW.entry_ref AND account = 'assets:inventory';
            END;
            """],
        _ => throw new ArgumentOutOfRangeException(nameof(bug)),
    };
}

using System.Data.Common;
using TillSync.Contracts.Reviews;
using TillSync.Core.Money;
using TillSync.Core.Tax;
using TillSync.Hq.Catalog;
using TillSync.Hq.Stock;
using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Accounting;

/// <summary>The journal entry of a review resolution (docs/reviews.md says what each does to stock):
/// <list type="bullet">
/// <item><c>transfer_in</c> q from outside the chain: goods bought in — Dr inventory / Cr supplier payables at catalogue
/// cost. From another store of the chain the value only moves between stores, which the chain's books do not split: no
/// entry.</item>
/// <item><c>credit_note</c> q: the short units are refunded and never supplied — revenue and GST of q units of the sale's
/// line reversed (Dr), the refund owed to the customer Cr <c>liabilities:refunds</c>, and the goods back: Dr inventory at
/// today's catalogue cost, Cr COGS at the cost the sale booked, and any difference (the cost changed between the two)
/// to <c>expenses:revaluation</c>, so that the inventory account stays Σ on-hand × cost (ADR 0024).</item>
/// <item><c>write_off</c>, <c>backorder</c> and <c>acknowledge</c>: no money moves now. The sale already took the short units
/// out of inventory at cost (COGS), so on-hand and the inventory account are short by the same units at the same cost; a
/// second credit to inventory here would count them twice (issue 22). The count adjustment or receipt that later puts
/// on-hand right moves their value with them.</item>
/// </list></summary>
public static class ResolutionEntries
{
    /// <summary>The entry of <paramref name="request"/> resolving <paramref name="item"/>, or null when it moves no money.</summary>
    public static async Task<JournalEntry?> ForAsync(
        DatabaseEngine engine, DbConnection connection, DbTransaction transaction, ReviewItemView item, ReviewResolutionRequest request, long? qtyMilli,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (item.Sku is null || qtyMilli is not { } q || request.Action is ResolutionActions.Backorder or ResolutionActions.WriteOff
            || (request.Action == ResolutionActions.TransferIn && request.FromStoreId is not null))
        {
            return null;
        }

        var line = await connection.Command("""
            SELECT l.qty_milli, l.unit_price_paise, l.discount_paise, l.gst_rate_bp, l.cost_paise, o.inter_state, l.tax_inclusive
            FROM order_lines l JOIN orders o ON o.client_order_id = l.client_order_id
            WHERE l.client_order_id = @order AND l.sku = @sku ORDER BY l.line_no
            """, transaction).With("@order", item.ClientOrderId.ToString("D")).With("@sku", item.Sku)
            .FirstOrDefaultAsync(r => (QtyMilli: r.GetInt64(0), UnitPricePaise: r.GetInt64(1), DiscountPaise: r.GetInt64(2),
                RateBp: checked((int)r.GetInt64(3)), UnitCostPaise: r.GetInt64(4), InterState: r.GetInt64(5) != 0,
                TaxInclusive: r.GetInt64(6) != 0), cancellationToken);
        if (line.QtyMilli == 0)
        {
            return null;
        }

        var qty = Quantity.FromMilli(q);
        // Today's cost, share-locked until the resolution commits: the goods come back into inventory at the cost a cost
        // change would revalue them at (ADR 0024).
        var catalogueCosts = await CatalogCosts.LoadAsync(engine, connection, transaction, [item.Sku], cancellationToken);
        var costPaise = Quantity.CostPaise(qty, catalogueCosts[item.Sku]);
        var postings = new PostingSet();
        switch (request.Action)
        {
            case ResolutionActions.TransferIn:
                postings.Transfer(Accounts.Inventory, Accounts.SupplierPayables, costPaise);
                break;
            case ResolutionActions.CreditNote:
                var kind = line.InterState ? SupplyKind.InterState : SupplyKind.IntraState;
                // The credited units' share of the line's discount, so that crediting every unit reverses the line exactly.
                var discountPaise = Paise.Round((decimal)line.DiscountPaise * q / line.QtyMilli);
                var tax = GstCalculator.ForLine(qty, line.UnitPricePaise, discountPaise, line.RateBp, kind, line.TaxInclusive);
                postings.Add(Accounts.Sales, tax.TaxablePaise);
                if (kind == SupplyKind.IntraState)
                {
                    postings.Add(Accounts.Cgst(line.RateBp), tax.CgstPaise).Add(Accounts.Sgst(line.RateBp), tax.SgstPaise);
                }
                else
                {
                    postings.Add(Accounts.Igst(line.RateBp), tax.IgstPaise);
                }

                postings.Add(Accounts.CustomerRefunds, -(tax.TaxablePaise + tax.CgstPaise + tax.SgstPaise + tax.IgstPaise));
                var bookedCostPaise = Quantity.CostPaise(qty, line.UnitCostPaise);
                postings.Add(Accounts.Inventory, costPaise).Add(Accounts.Cogs, checked(-bookedCostPaise))
                    .Add(Accounts.Revaluation, checked(bookedCostPaise - costPaise));
                break;
            default:
                return null;
        }

        var entryPostings = postings.ToPostings();
        return entryPostings.Count == 0 ? null : new JournalEntry($"resolution:{request.ResolutionId:D}", item.StoreId, JournalKinds.Resolution,
            JournalEntry.BusinessDate(now), $"{request.Action} of review {item.ReviewId} (bill {item.BillNo})", entryPostings);
    }
}

// Builds valid return documents the way a till would: the returning till's next tillSeq (shared with its sales), the
// next credit note number of its series, each line refunded pro rata and the totals rounded with TillSync.Core (never
// reimplemented here), and one refund tender for the total.
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Core.Returns;
using TillSync.Core.Tax;
using TillSync.Till.Sales;

namespace TillSync.Testing;

/// <summary>Valid returns made at one till, against sales of any till. Not thread-safe: one factory per till per test.</summary>
/// <param name="orders">The returning till's order factory, whose <c>NextSeq</c> the returns share.</param>
/// <param name="billPrefix">The returning till's bill prefix.</param>
public sealed class ReturnFactory(OrderFactory orders, string billPrefix)
{
    /// <summary>The running number the next credit note gets.</summary>
    public long NextCreditNote { get; set; } = 1;

    /// <summary>The next return document against <paramref name="original"/> (sold at <paramref name="originalTillId"/>):
    /// each of <paramref name="lines"/> is an original line number, the quantity back and its condition;
    /// <paramref name="takeBackPaise"/> each line's promotion take-back, or null for none.</summary>
    public TillDocumentDto Next(
        OrderDto original, long originalTillId, IReadOnlyList<(int LineNo, decimal Qty, string Condition)> lines,
        string refundMethod = RefundMethods.Cash, DateTimeOffset? createdAt = null, IReadOnlyList<long>? takeBackPaise = null)
    {
        var returned = Build(original, originalTillId, lines, refundMethod, createdAt, takeBackPaise);
        return new TillDocumentDto(DocumentKinds.Return, Guid.CreateVersion7(), orders.NextSeq++, Return: returned);
    }

    /// <summary>The return itself, taking the next credit note number.</summary>
    public ReturnDto Build(
        OrderDto original, long originalTillId, IReadOnlyList<(int LineNo, decimal Qty, string Condition)> lines,
        string refundMethod = RefundMethods.Cash, DateTimeOffset? createdAt = null, IReadOnlyList<long>? takeBackPaise = null)
    {
        var at = createdAt ?? OrderFactory.Now();
        var kind = OrderTotals.SupplyKindOf(HqScenario.StoreGstin, original.Customer?.PlaceOfSupply);
        var returnedLines = lines.Select((l, i) =>
        {
            var sold = original.Lines[l.LineNo - 1];
            return new ReturnLineDto(l.LineNo, sold.Sku, sold.Qty, sold.UnitPricePaise, sold.DiscountPaise, sold.GstRateBp, l.Qty, l.Condition,
                sold.TaxInclusive, takeBackPaise?[i] ?? 0);
        }).ToList();
        var totals = SaleMapping.ToDto(Totals(returnedLines, kind));
        IReadOnlyList<RefundDto> refunds = totals.TotalPaise > 0
            ? [new RefundDto(refundMethod, totals.TotalPaise, refundMethod is RefundMethods.Card or RefundMethods.Upi ? "TXN-REFUND-1" : null)]
            : [];
        return new ReturnDto(
            CreditNoteNumber.Format(billPrefix, at, NextCreditNote++), at,
            new ReturnOriginalDto(original.ClientOrderId, original.BillNo, originalTillId, original.CreatedAt, original.Totals.TotalPaise, ReturnSources.Hq),
            returnedLines, refunds, totals, ReturnReasons.ChangedMind, original.Customer);
    }

    /// <summary>The refund totals of <paramref name="lines"/>: Core's pro rata rule less each line's take-back, rounded to
    /// the rupee.</summary>
    public static BillTotals Totals(IReadOnlyList<ReturnLineDto> lines, SupplyKind kind) =>
        BillTotals.Of(ReturnMath.ForLines(
            [.. lines.Select(l => (l.OriginalQty, l.UnitPricePaise, l.OriginalDiscountPaise, l.GstRateBp, l.Qty, l.TaxInclusive))], kind,
            [.. lines.Select(l => l.TakeBackPaise)]));
}

using System.Data.Common;
using System.Globalization;
using TillSync.Core.Pricing;
using TillSync.Core.Returns;
using TillSync.Core.Tax;
using TillSync.Hq.Accounting;
using TillSync.Hq.Stock;
using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Promotions;

/// <summary>The rows of promotions' uses (migration 0032): <c>promotion_sale_lines</c>, a row per committed sale's line
/// and promotion that priced it, and <c>promotion_returns</c>, a row per linked return and promotion of its sale it
/// touched. Written once, in the batch that commits the sale or links the return; never changed.</summary>
public static class PromotionUseRows
{
    /// <summary>The columns of <c>promotion_sale_lines</c>.</summary>
    public static readonly Column<SaleLine>[] SaleLineColumns =
    [
        new("client_order_id", r => r.ClientOrderId.ToString("D")),
        new("line_no", r => r.Saving.LineIndex + 1),
        new("promotion_id", r => r.Saving.PromotionId),
        new("part", r => Stored(r.Saving.Part)),
        new("store_id", r => r.StoreId),
        new("till_id", r => r.TillId),
        new("business_date", r => JournalWriter.EntryDate(r.Date)),
        new("qty_milli", r => Quantity.ToMilli(r.Saving.Qty)),
        new("free_qty_milli", r => Quantity.ToMilli(r.Saving.FreeQty)),
        new("saving_paise", r => r.Saving.SavingPaise),
        new("sales_paise", r => r.Tax.TotalPaise),
        new("taxable_paise", r => r.Tax.TaxablePaise),
    ];

    /// <summary>The columns of <c>promotion_returns</c>.</summary>
    public static readonly Column<Returned>[] ReturnColumns =
    [
        new("document_id", r => r.DocumentId.ToString("D")),
        new("promotion_id", r => r.PromotionId),
        new("client_order_id", r => r.ClientOrderId.ToString("D")),
        new("store_id", r => r.StoreId),
        new("till_id", r => r.TillId),
        new("business_date", r => JournalWriter.EntryDate(r.Date)),
        new("qty_milli", r => Quantity.ToMilli(r.ReturnedQty)),
        new("saving_returned_paise", r => r.SavingReturnedPaise),
        new("taken_back_paise", r => r.TakenBackPaise),
        new("refund_paise", r => r.RefundPaise),
        new("refund_taxable_paise", r => r.RefundTaxablePaise),
    ];

    /// <summary>The stored name of <paramref name="part"/>.</summary>
    public static string Stored(PromotionPart part) => part switch
    {
        PromotionPart.Line => "line",
        PromotionPart.Bill => "bill",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    /// <summary>What each promotion did on each line of the sales <paramref name="saleIds"/> names, as recorded when they
    /// committed; a sale committed before migration 0032, or that claimed no promotion HQ holds, has none.</summary>
    public static async Task<Dictionary<Guid, List<PromotionLineSaving>>> SavingsAsync(
        DatabaseEngine engine, DbConnection connection, DbTransaction transaction, IReadOnlyCollection<Guid> saleIds, CancellationToken cancellationToken)
    {
        var rows = await engine.ListWhereInAsync(connection, transaction, """
            SELECT client_order_id, line_no, promotion_id, part, qty_milli, free_qty_milli, saving_paise
            FROM promotion_sale_lines WHERE client_order_id IN ({list})
            """, saleIds.Select(id => (object)id.ToString("D")), [],
            r => (SaleId: Guid.Parse(r.GetString(0)), Saving: new PromotionLineSaving(checked((int)r.GetInt64(1) - 1), r.GetInt64(2),
                r.GetString(3) == Stored(PromotionPart.Bill) ? PromotionPart.Bill : PromotionPart.Line, Quantity.FromMilli(r.GetInt64(4)),
                Quantity.FromMilli(r.GetInt64(5)), r.GetInt64(6))), cancellationToken);
        return rows.GroupBy(r => r.SaleId).ToDictionary(g => g.Key, g => g.Select(r => r.Saving).OrderBy(s => s.LineIndex).ThenBy(s => s.Part).ToList());
    }

    /// <summary>What the returns recorded against the sales <paramref name="saleIds"/> names did to each of their promotions,
    /// added up per sale and promotion.</summary>
    public static async Task<Dictionary<Guid, Dictionary<long, PromotionReturnShare>>> ReturnedSoFarAsync(
        DatabaseEngine engine, DbConnection connection, DbTransaction transaction, IReadOnlyCollection<Guid> saleIds, CancellationToken cancellationToken)
    {
        var rows = await engine.ListWhereInAsync(connection, transaction, """
            SELECT client_order_id, promotion_id, SUM(qty_milli), SUM(saving_returned_paise), SUM(taken_back_paise)
            FROM promotion_returns WHERE client_order_id IN ({list})
            GROUP BY client_order_id, promotion_id
            """, saleIds.Select(id => (object)id.ToString("D")), [],
            r => (SaleId: Guid.Parse(r.GetString(0)), Share: new PromotionReturnShare(r.GetInt64(1), Quantity.FromMilli(Sum(r, 2)), Sum(r, 3), Sum(r, 4))),
            cancellationToken);
        return rows.GroupBy(r => r.SaleId).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Share.PromotionId, r => r.Share));
    }

    // SUM of a BIGINT is numeric on PostgreSQL, an integer on SQLite.
    private static long Sum(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <summary>A <c>promotion_sale_lines</c> row: a line of a committed sale and what one promotion did on it.</summary>
    public sealed record SaleLine(Guid ClientOrderId, PromotionLineSaving Saving, long StoreId, long TillId, DateOnly Date, LineTax Tax);

    /// <summary>A <c>promotion_returns</c> row: what a return did to one promotion's saving on its sale, and what its credit
    /// note refunded for the lines that promotion priced.</summary>
    public sealed record Returned(
        Guid DocumentId, long PromotionId, Guid ClientOrderId, long StoreId, long TillId, DateOnly Date, decimal ReturnedQty, long SavingReturnedPaise,
        long TakenBackPaise, long RefundPaise, long RefundTaxablePaise);
}

using System.Globalization;
using TillSync.Hq.Stock;
using TillSync.Hq.Sync;
using TillSync.Storage;

namespace TillSync.Hq.Reviews;

/// <summary>The <c>over_return</c> review items: one open item per original sale line (a unique index), whose detail names
/// every credit note on that line; a later over-return of the same line updates it instead of opening another.</summary>
public static class OverReturnItems
{
    /// <summary>Opens or updates the open item of <paramref name="opening"/>'s line.</summary>
    public static Task<int> UpsertAsync(SyncBatch batch, OverReturnOpening opening, CancellationToken cancellationToken) =>
        batch.Connection.Command("""
            INSERT INTO review_items (kind, status, store_id, till_id, client_order_id, bill_no, sku, line_no, detail, created_at)
            VALUES (@kind, @open, @store, @till, @sale, @bill, @sku, @line, @detail, @at)
            ON CONFLICT (client_order_id, line_no) WHERE kind = 'over_return' AND status = 'open' DO UPDATE SET detail = excluded.detail
            """, batch.Transaction)
            .With("@kind", ReviewItems.OverReturn).With("@open", ReviewItems.Open).With("@store", batch.Till.StoreId).With("@till", batch.Till.TillId)
            .With("@sale", opening.SaleId.ToString("D")).With("@bill", opening.BillNo).With("@sku", opening.Sku).With("@line", opening.LineNo)
            .With("@detail", Detail(opening)).With("@at", StoredTime.Text(batch.Now))
            .ExecuteAsync(cancellationToken);

    private static string Detail(OverReturnOpening o)
    {
        var notes = string.Join(", ", o.CreditNotes.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.CreditNoteNo} ({Quantity.FromMilli(c.QtyMilli)})")));
        return string.Create(CultureInfo.InvariantCulture,
            $"Bill {o.BillNo} line {o.LineNo} ({o.Sku}) sold {Quantity.FromMilli(o.SoldMilli)}; {Quantity.FromMilli(o.ReturnedMilli)} came back on credit notes {notes}: {Quantity.FromMilli(o.ReturnedMilli - o.SoldMilli)} more than sold.");
    }
}

/// <summary>An original line returned beyond what it sold, across all tills.</summary>
/// <param name="SaleId">The original sale.</param>
/// <param name="BillNo">Its bill number.</param>
/// <param name="LineNo">The line, from 1.</param>
/// <param name="Sku">The line's SKU.</param>
/// <param name="SoldMilli">Quantity sold on the line, in thousandths.</param>
/// <param name="ReturnedMilli">Σ returned on it across every committed return, in thousandths.</param>
/// <param name="CreditNotes">Every credit note returning the line, with its quantity, in the order HQ recorded them.</param>
public sealed record OverReturnOpening(
    Guid SaleId, string BillNo, int LineNo, string Sku, long SoldMilli, long ReturnedMilli, IReadOnlyList<(string CreditNoteNo, long QtyMilli)> CreditNotes);

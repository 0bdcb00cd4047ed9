using System.Data.Common;
using TillSync.Contracts.Sync;
using TillSync.Core.EInvoicing;
using TillSync.Core.Orders;
using TillSync.Storage;

namespace TillSync.Hq.EInvoicing;

/// <summary>Queues the e-invoice outbox row of each committed B2B sale of a sync batch and writes them in the batch's
/// transaction, so a sale and its e-invoice obligation commit together or not at all (eShop's outbox). B2C sales
/// (no customer GSTIN) never get a row.</summary>
public sealed class EInvoiceOutbox(int parametersPerStatement)
{
    private readonly BulkInsert _rows = new("einvoices",
        ["client_order_id", "store_id", "till_id", "till_seq", "doc_type", "doc_no", "doc_date", "buyer_gstin", "buyer_name", "buyer_address1",
         "buyer_location", "buyer_pin", "total_paise", "status", "irn", "next_attempt_at", "claimed_until", "created_at", "updated_at"],
        parametersPerStatement);

    /// <summary>Queues the row of <paramref name="order"/>, committed at <paramref name="now"/> by a till of the store
    /// with GSTIN <paramref name="sellerGstin"/>; does nothing for a B2C sale.</summary>
    public void Add(OrderDto order, long storeId, long tillId, string sellerGstin, DateTimeOffset now)
    {
        if (order.Customer?.Gstin is not { } buyerGstin)
        {
            return;
        }

        var date = DocumentDate(order.CreatedAt);
        var irn = Irn.Compute(sellerGstin, date, EInvoiceDocumentType.Invoice, order.BillNo);
        var c = order.Customer;
        var at = StoredTime.Text(now);
        _rows.Add(order.ClientOrderId.ToString("D"), storeId, tillId, order.TillSeq, DocumentTypes.Code(EInvoiceDocumentType.Invoice),
            order.BillNo, DocumentDates.Text(date), buyerGstin, c.Name, c.Address1, c.Location, c.Pin, order.Totals.TotalPaise,
            EInvoiceStatuses.Pending, irn, at, at, at, at);
    }

    /// <summary>Writes the queued rows in the caller's transaction.</summary>
    public Task FlushAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        _rows.FlushAsync(connection, transaction, cancellationToken);

    /// <summary>The document date: the sale's date in India Standard Time (a bill made at 00:30 IST belongs to that
    /// day, though it is the previous day in UTC).</summary>
    public static DateOnly DocumentDate(DateTimeOffset createdAt) => DateOnly.FromDateTime(createdAt.ToOffset(BillNumber.IstOffset).DateTime);
}

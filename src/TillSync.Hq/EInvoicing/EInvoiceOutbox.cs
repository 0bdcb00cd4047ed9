using TillSync.Core.EInvoicing;
using TillSync.Core.Orders;
using TillSync.Hq.Storage;
using TillSync.Hq.Sync;
using TillSync.Storage;

namespace TillSync.Hq.EInvoicing;

/// <summary>Queues the e-invoice outbox row of each committed B2B sale of a sync batch and writes them in the batch's
/// transaction, so a sale and its e-invoice obligation commit together or not at all (eShop's outbox). B2C sales
/// (no customer GSTIN) never get a row.</summary>
public sealed class EInvoiceOutbox(DatabaseEngine engine) : IBatchStep
{
    private static readonly Column<OutboxRow>[] Columns =
    [
        new("client_order_id", r => r.Order.ClientOrderId.ToString("D")),
        new("store_id", r => r.StoreId),
        new("till_id", r => r.TillId),
        new("till_seq", r => r.TillSeq),
        new("doc_type", _ => DocumentTypes.Code(EInvoiceDocumentType.Invoice)),
        new("doc_no", r => r.Order.BillNo),
        new("doc_date", r => DocumentDates.Text(DocumentDate(r.Order.CreatedAt))),
        new("buyer_gstin", r => r.Order.Customer!.Gstin),
        new("buyer_name", r => r.Order.Customer!.Name),
        new("buyer_address1", r => r.Order.Customer!.Address1),
        new("buyer_location", r => r.Order.Customer!.Location),
        new("buyer_pin", r => r.Order.Customer!.Pin),
        new("total_paise", r => r.Order.Totals.TotalPaise),
        new("status", _ => EInvoiceStatuses.Pending),
        new("irn", r => r.Irn),
        new("next_attempt_at", r => StoredTime.Text(r.At)),
        new("claimed_until", r => StoredTime.Text(r.At)),
        new("created_at", r => StoredTime.Text(r.At)),
        new("updated_at", r => StoredTime.Text(r.At)),
    ];

    private readonly RowInsert<OutboxRow> _rows = engine.Rows("einvoices", Columns);

    /// <inheritdoc />
    public WriteStage Stage => WriteStage.Unshared;

    /// <summary>Queues the row of <paramref name="order"/> (its till's <paramref name="tillSeq"/>), committed at <paramref name="now"/> by a till of the store
    /// with GSTIN <paramref name="sellerGstin"/>; does nothing for a B2C sale.</summary>
    public void Add(Order order, long tillSeq, long storeId, long tillId, string sellerGstin, DateTimeOffset now)
    {
        if (order.Customer?.Gstin is null)
        {
            return;
        }

        var irn = Irn.Compute(sellerGstin, DocumentDate(order.CreatedAt), EInvoiceDocumentType.Invoice, order.BillNo);
        _rows.Add(new OutboxRow(order, tillSeq, storeId, tillId, irn, now));
    }

    /// <inheritdoc />
    public Task LoadAsync(SyncBatch batch, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task WriteAsync(SyncBatch batch, CancellationToken cancellationToken) => _rows.FlushAsync(batch.Connection, batch.Transaction, cancellationToken);

    /// <summary>The document date: the sale's date in India Standard Time (a bill made at 00:30 IST belongs to that
    /// day, though it is the previous day in UTC).</summary>
    public static DateOnly DocumentDate(DateTimeOffset createdAt) => DateOnly.FromDateTime(createdAt.ToOffset(BillNumber.IstOffset).DateTime);

    private sealed record OutboxRow(Order Order, long TillSeq, long StoreId, long TillId, string Irn, DateTimeOffset At);
}

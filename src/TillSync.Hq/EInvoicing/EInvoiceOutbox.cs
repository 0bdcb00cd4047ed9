using TillSync.Core.EInvoicing;
using TillSync.Core.Orders;
using TillSync.Hq.Storage;
using TillSync.Hq.Sync;
using TillSync.Storage;

namespace TillSync.Hq.EInvoicing;

/// <summary>Queues the e-invoice outbox row of each committed B2B sale of a sync batch and writes them in the batch's
/// transaction, so a sale and its e-invoice obligation commit together or not at all (eShop's outbox). B2C sales
/// (no customer GSTIN) never get a row. A committed B2B return enters as a <c>CRN</c> document referencing its original
/// invoice, in status <c>waiting</c>: the worker registers it once the invoice is registered (docs/einvoice.md).</summary>
public sealed class EInvoiceOutbox(DatabaseEngine engine) : IBatchStep
{
    private static readonly Column<OutboxRow>[] Columns =
    [
        new("client_order_id", r => r.DocumentId.ToString("D")),
        new("store_id", r => r.StoreId),
        new("till_id", r => r.TillId),
        new("till_seq", r => r.TillSeq),
        new("doc_type", r => DocumentTypes.Code(r.Type)),
        new("doc_no", r => r.Number),
        new("doc_date", r => DocumentDates.Text(DocumentDates.Of(r.CreatedAt))),
        new("buyer_gstin", r => r.Buyer.Gstin),
        new("buyer_name", r => r.Buyer.Name),
        new("buyer_address1", r => r.Buyer.Address1),
        new("buyer_location", r => r.Buyer.Location),
        new("buyer_pin", r => r.Buyer.Pin),
        new("total_paise", r => r.TotalPaise),
        new("status", r => r.Status),
        new("irn", r => r.Irn),
        new("next_attempt_at", r => StoredTime.Text(r.At)),
        new("claimed_until", r => StoredTime.Text(r.At)),
        new("created_at", r => StoredTime.Text(r.At)),
        new("updated_at", r => StoredTime.Text(r.At)),
        new("original_doc_no", r => r.OriginalNumber),
        new("original_doc_date", r => r.OriginalCreatedAt is { } at ? DocumentDates.Text(DocumentDates.Of(at)) : null),
        new("till_irn", r => r.TillIrn),
    ];

    private readonly RowInsert<OutboxRow> _rows = engine.Rows("einvoices", Columns);

    /// <inheritdoc />
    public WriteStage Stage => WriteStage.Unshared;

    /// <summary>Queues the row of <paramref name="order"/> (its till's <paramref name="tillSeq"/>), committed at <paramref name="now"/> by a till of the store
    /// with GSTIN <paramref name="sellerGstin"/>; does nothing for a B2C sale.</summary>
    public void Add(Order order, string? tillIrn, long tillSeq, long storeId, long tillId, string sellerGstin, DateTimeOffset now)
    {
        if (order.Customer?.Gstin is null)
        {
            return;
        }

        var irn = Irn.Compute(sellerGstin, DocumentDates.Of(order.CreatedAt), EInvoiceDocumentType.Invoice, order.BillNo);
        _rows.Add(new OutboxRow(order.ClientOrderId, tillSeq, storeId, tillId, EInvoiceDocumentType.Invoice, order.BillNo, order.CreatedAt,
            order.Customer, order.Totals.TotalPaise, EInvoiceStatuses.Pending, irn, tillIrn, now, null, null));
    }

    /// <summary>Queues the <c>CRN</c> row of a committed B2B return, waiting for its original invoice's registration;
    /// does nothing for a B2C return, which is never sent.</summary>
    public void AddCreditNote(CreditNoteDocument note, long storeId, long tillId, string sellerGstin, DateTimeOffset now)
    {
        if (note.Buyer?.Gstin is null)
        {
            return;
        }

        var irn = Irn.Compute(sellerGstin, DocumentDates.Of(note.CreatedAt), EInvoiceDocumentType.CreditNote, note.Number);
        _rows.Add(new OutboxRow(note.DocumentId, note.TillSeq, storeId, tillId, EInvoiceDocumentType.CreditNote, note.Number, note.CreatedAt,
            note.Buyer, note.TotalPaise, EInvoiceStatuses.Waiting, irn, note.TillIrn, now, note.OriginalNumber, note.OriginalCreatedAt));
    }

    /// <inheritdoc />
    public Task LoadAsync(SyncBatch batch, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task WriteAsync(SyncBatch batch, CancellationToken cancellationToken) => _rows.FlushAsync(batch.Connection, batch.Transaction, cancellationToken);

    private sealed record OutboxRow(
        Guid DocumentId, long TillSeq, long StoreId, long TillId, EInvoiceDocumentType Type, string Number, DateTimeOffset CreatedAt, Customer Buyer,
        long TotalPaise, string Status, string Irn, string? TillIrn, DateTimeOffset At, string? OriginalNumber, DateTimeOffset? OriginalCreatedAt);
}

/// <summary>A committed return as the e-invoice outbox needs it: a credit note referencing its original invoice.</summary>
/// <param name="DocumentId">The return's document id.</param>
/// <param name="TillSeq">Its till's sequence number.</param>
/// <param name="Number">The credit note number.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="Buyer">The buyer; a GSTIN makes it B2B.</param>
/// <param name="TotalPaise">The refund total.</param>
/// <param name="OriginalNumber">The original invoice's bill number.</param>
/// <param name="OriginalCreatedAt">The original invoice's date.</param>
/// <param name="TillIrn">The IRN the till printed on it, or null.</param>
public sealed record CreditNoteDocument(
    Guid DocumentId, long TillSeq, string Number, DateTimeOffset CreatedAt, Customer? Buyer, long TotalPaise, string OriginalNumber,
    DateTimeOffset OriginalCreatedAt, string? TillIrn);

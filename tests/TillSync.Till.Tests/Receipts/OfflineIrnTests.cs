// Proves the till knows a B2B document's IRN offline: a B2B sale's receipt and a B2B return's credit note carry the IRN
// Core computes from the snapshot's seller GSTIN, the IST date, the document type and the number, pending registration,
// and the document sent to HQ carries the same; B2C documents carry none. LocalTill: real till.db, an HQ that never answers.
using TillSync.Contracts.Documents;
using TillSync.Core.EInvoicing;
using TillSync.Testing;
using TillSync.Till.Receipts;
using TillSync.Till.Returns;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;
using TillSync.Till.Tests.Returns;

namespace TillSync.Till.Tests.Receipts;

public sealed class OfflineIrnTests
{
    [Fact]
    public async Task B2BSaleAndItsReturn_Offline_PrintTheComputedIrnPendingAndSendIt_B2CNone()
    {
        await using var till = await LocalTill.CreateAsync();
        var b2b = await till.SellAsync(Carts.PaidInCash([new CartLine("GHEE-1L", 2)], HqScenario.B2BIntraState));
        var b2c = await till.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 1)]));

        var invoiceIrn = Irn.Compute(HqScenario.StoreGstin, DocumentDates.Of(b2b.CreatedAt), EInvoiceDocumentType.Invoice, b2b.BillNo);
        Assert.Equal(new IrnInfo(IrnStatuses.Pending, invoiceIrn), b2b.Irn);
        Assert.Equal(invoiceIrn, (await ReturnRecorderTests.StoredAsync(till, b2b.TillSeq)).Sale!.Irn);
        Assert.Equal(new IrnInfo(IrnStatuses.Pending, invoiceIrn), (await till.Sales.ReceiptAsync(b2b.ClientOrderId, CancellationToken.None))!.Irn);
        Assert.Equal(new IrnInfo(IrnStatuses.NotApplicable), b2c.Irn);
        Assert.Null((await ReturnRecorderTests.StoredAsync(till, b2c.TillSeq)).Sale!.Irn);

        var note = await ReturnRecorderTests.RecordAsync(till, Return(b2b.ClientOrderId));
        var creditNoteIrn = Irn.Compute(HqScenario.StoreGstin, DocumentDates.Of(note.CreatedAt), EInvoiceDocumentType.CreditNote, note.CreditNoteNo);
        Assert.Equal(creditNoteIrn, note.Irn);
        Assert.NotEqual(invoiceIrn, creditNoteIrn);
        Assert.Equal(creditNoteIrn, (await ReturnRecorderTests.StoredReturnAsync(till, note.TillSeq)).Irn);
        Assert.Equal(creditNoteIrn, (await till.CreditNotes.FindAsync(note.DocumentId, CancellationToken.None))!.Irn);
        var b2cNote = await ReturnRecorderTests.RecordAsync(till, Return(b2c.ClientOrderId));
        Assert.Null(b2cNote.Irn);
        Assert.Null((await ReturnRecorderTests.StoredReturnAsync(till, b2cNote.TillSeq)).Irn);
    }

    private static ReturnRequest Return(Guid saleId) =>
        ReturnRecorderTests.Return(new OriginalReference(SaleId: saleId), [new ReturnLineRequest(1, 1, ReturnConditions.Restock)]);
}

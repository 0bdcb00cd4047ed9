// Proves a B2B return enters the e-invoice outbox as a CRN document that waits — visible as waiting, never sent by the
// worker, which meanwhile registers the B2B sale behind it — and that a B2C return enters nothing.
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core.EInvoicing;
using TillSync.Testing;

namespace TillSync.Hq.Tests.EInvoicing;

public sealed class CreditNoteOutboxTests(EInvoiceFixture fixture) : IClassFixture<EInvoiceFixture>
{
    [Fact]
    public async Task B2BReturn_WaitsInTheOutboxAsACreditNote_TheWorkerLeavesIt()
    {
        var till = await HqScenario.EnrolTillAsync(fixture.Hq, version: SyncVersion.V2);
        var returns = new ReturnFactory(till.Orders, till.BillPrefix);
        var sale = till.Orders.Next([OrderFactory.Line("GHEE-1L", 2)], EInvoiceFixture.Buyer);
        var walkIn = till.Orders.NextWalkIn([OrderFactory.Line("SOAP-125G", 2)]);
        var b2bReturn = returns.Next(sale, till.TillId, [(1, 1m, ReturnConditions.Restock)]);
        var b2cReturn = returns.Next(walkIn, till.TillId, [(1, 1m, ReturnConditions.Restock)]);
        var later = till.Orders.Next([OrderFactory.Line("RICE-5KG", 1)], EInvoiceFixture.Buyer);

        var reply = await till.SyncDocumentsAsync([TillClient.SaleDocument(sale), TillClient.SaleDocument(walkIn), b2bReturn, b2cReturn,
            TillClient.SaleDocument(later)]);

        Assert.All(reply.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        // The worker settles both invoices, including the one after the credit note in the till's order.
        var bills = await Eventually.UntilAsync(() => fixture.ListAsync(till.TillId),
            b => b.Count(x => x.DocType == "INV" && x.Status == "registered") == 2, Patience.Exchanges, "both B2B invoices registered", fixture.Hq);
        var crn = Assert.Single(bills, b => b.DocType == "CRN");
        Assert.Equal(b2bReturn.DocumentId, crn.ClientOrderId);
        Assert.Equal(b2bReturn.Return!.CreditNoteNo, crn.DocNo);
        Assert.Equal("waiting", crn.Status);
        Assert.Equal(0, crn.Attempts);
        Assert.Null(crn.AckNo);
        Assert.Null(await fixture.FindAsync(b2cReturn.DocumentId));
        Assert.Single(await fixture.ListAsync(till.TillId, "waiting"));
        using var irp = fixture.Irp.Client(HqScenario.StoreGstin);
        var atIrp = await irp.GetByDocumentAsync(EInvoiceDocumentType.CreditNote, crn.DocNo, DateOnly.FromDateTime(b2bReturn.Return.CreatedAt.DateTime));
        Assert.True(atIrp.HasError(IrpErrorCodes.IrnNotFound));
    }
}

// Proves a B2B return's credit note is registered at a real IRP simulator as one CRN referencing its original invoice,
// after that invoice and in its till's order; it waits for an original not yet at HQ without holding its till back,
// parks behind a parked invoice and registers after the retries; a B2C return is never sent. Real HQ and IRP processes.
using System.Text.Json;
using TillSync.Contracts.Documents;
using TillSync.Contracts.EInvoicing;
using TillSync.Contracts.Sync;
using TillSync.Core.EInvoicing;
using TillSync.Testing;

namespace TillSync.Hq.Tests.EInvoicing;

public sealed class CreditNoteRegistrationTests(EInvoiceFixture fixture) : IClassFixture<EInvoiceFixture>
{
    [Fact]
    public async Task B2BReturn_IsOneCrnAtTheIrpReferencingTheOriginal_InTillSeqOrder_B2CReturnNeverSent()
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
        var bills = await RegisteredAsync(till.TillId, 3);
        Assert.All(bills, b => Assert.True(b.Status == "registered", $"{b.DocNo} is {b.Status}: {b.LastError}"));
        Assert.Equal([("INV", sale.BillNo), ("CRN", b2bReturn.Return!.CreditNoteNo), ("INV", later.BillNo)], bills.Select(b => (b.DocType, b.DocNo)));
        var ackNos = bills.Select(b => b.AckNo!.Value).ToList();
        Assert.Equal(ackNos.Order(), ackNos);
        var crn = bills[1];
        var saleDate = DocumentDates.Of(sale.CreatedAt);
        Assert.Equal((b2bReturn.DocumentId, sale.BillNo, DocumentDates.Text(saleDate)), (crn.ClientOrderId, crn.OriginalDocNo, crn.OriginalDocDate));
        var creditNoteDate = DocumentDates.Of(b2bReturn.Return.CreatedAt);
        Assert.Equal(Irn.Compute(HqScenario.StoreGstin, creditNoteDate, EInvoiceDocumentType.CreditNote, crn.DocNo), crn.Irn);
        Assert.Null(await fixture.FindAsync(b2cReturn.DocumentId));

        using var irp = fixture.Irp.Client(HqScenario.StoreGstin);
        var atIrp = (await irp.GetByDocumentAsync(EInvoiceDocumentType.CreditNote, crn.DocNo, creditNoteDate)).Data!;
        Assert.Equal((crn.Irn, crn.AckNo), (atIrp.Irn, atIrp.AckNo));
        var (_, key) = await irp.PublishedKeyAsync();
        using var signed = JsonDocument.Parse(IrpSignatures.VerifiedData(atIrp.SignedInvoice, key)!);
        var preceding = Assert.Single(signed.RootElement.GetProperty("RefDtls").GetProperty("PrecDocDtls").EnumerateArray());
        Assert.Equal((sale.BillNo, DocumentDates.Text(saleDate)), (preceding.GetProperty("InvNo").GetString(), preceding.GetProperty("InvDt").GetString()));
        Assert.Equal(b2bReturn.Return.Totals.TotalPaise / 100m, signed.RootElement.GetProperty("ValDtls").GetProperty("TotInvVal").GetDecimal());
        var b2cAtIrp = await irp.GetByDocumentAsync(EInvoiceDocumentType.CreditNote, b2cReturn.Return!.CreditNoteNo, DocumentDates.Of(b2cReturn.Return.CreatedAt));
        Assert.True(b2cAtIrp.HasError(IrpErrorCodes.IrnNotFound));
    }

    [Fact]
    public async Task CreditNoteWhoseOriginalIsAtAnotherTillNotYetSynced_Waits_ItsTillsLaterBillRegisters_ThenItRegisters()
    {
        var seller = await HqScenario.EnrolTillAsync(fixture.Hq, version: SyncVersion.V2);
        var returner = await HqScenario.EnrolTillAsync(fixture.Hq, version: SyncVersion.V2);
        var sale = seller.Orders.Next([OrderFactory.Line("GHEE-1L", 3)], EInvoiceFixture.Buyer);
        var crossTillReturn = new ReturnFactory(returner.Orders, returner.BillPrefix).Next(sale, seller.TillId, [(1, 2m, ReturnConditions.Restock)]);
        var later = returner.Orders.Next([OrderFactory.Line("RICE-5KG", 1)], EInvoiceFixture.Buyer);

        await returner.SyncDocumentsAsync([crossTillReturn, TillClient.SaleDocument(later)]);

        var laterBill = await Eventually.UntilAsync(() => fixture.FindAsync(later.ClientOrderId), b => b?.Status == "registered", Patience.Exchanges,
            "the returning till's later bill to register while its credit note waits", fixture.Hq);
        var waiting = await fixture.FindAsync(crossTillReturn.DocumentId);
        Assert.Equal(("waiting", null), (waiting!.Status, waiting.AckNo));

        await seller.SyncDocumentsAsync([TillClient.SaleDocument(sale)]);

        var registered = await Eventually.UntilAsync(() => fixture.FindAsync(crossTillReturn.DocumentId), b => b?.Status == "registered",
            Patience.Exchanges, "the credit note to register once its original did", fixture.Hq);
        var invoice = await fixture.FindAsync(sale.ClientOrderId);
        Assert.True(registered!.AckNo > invoice!.AckNo && registered.AckNo > laterBill!.AckNo);
        Assert.Equal(sale.BillNo, registered.OriginalDocNo);
    }

    [Fact]
    public async Task CreditNoteOfAParkedInvoice_IsParkedWithTheReason_RegistersAfterTheInvoiceAndThenItIsRetried()
    {
        var till = await HqScenario.EnrolTillAsync(fixture.Hq, version: SyncVersion.V2);
        var noAddress = till.Orders.Next([OrderFactory.Line("GHEE-1L", 2)], HqScenario.B2BIntraState);
        var returned = new ReturnFactory(till.Orders, till.BillPrefix).Next(noAddress, till.TillId, [(1, 1m, ReturnConditions.Damaged)]);

        await till.SyncDocumentsAsync([TillClient.SaleDocument(noAddress), returned]);

        var parked = await Eventually.UntilAsync(() => fixture.FindAsync(returned.DocumentId), b => b?.Status == "failed", Patience.Exchanges,
            "the credit note of a parked invoice to park", fixture.Hq);
        Assert.Contains($"Its original invoice {noAddress.BillNo} is parked at HQ", parked!.LastError, StringComparison.Ordinal);
        Assert.Equal("failed", (await fixture.FindAsync(noAddress.ClientOrderId))!.Status);

        // The credit note carries the buyer as the return restated it, without an address too: both are corrected.
        var address = new EInvoiceRetryRequest(null, "4 MG Road", "Bengaluru", 560001);
        using (var retryInvoice = await fixture.RetryAsync(noAddress.ClientOrderId, address))
        {
            await Responses.ExpectStatusAsync(retryInvoice, System.Net.HttpStatusCode.OK, fixture.Hq);
        }

        var invoice = await Eventually.UntilAsync(() => fixture.FindAsync(noAddress.ClientOrderId), b => b?.Status == "registered", Patience.Exchanges,
            "the retried invoice to register", fixture.Hq);
        using (var retryNote = await fixture.RetryAsync(returned.DocumentId, address))
        {
            await Responses.ExpectStatusAsync(retryNote, System.Net.HttpStatusCode.OK, fixture.Hq);
        }

        var note = await Eventually.UntilAsync(() => fixture.FindAsync(returned.DocumentId), b => b?.Status == "registered", Patience.Exchanges,
            "the retried credit note to register", fixture.Hq);
        Assert.True(note!.AckNo > invoice!.AckNo);
    }

    private Task<IReadOnlyList<EInvoiceView>> RegisteredAsync(long tillId, int count) =>
        Eventually.UntilAsync(() => fixture.ListAsync(tillId), bills => bills.Count == count && bills.All(b => b.Status is "registered" or "failed"),
            Patience.Exchanges, $"{count} e-invoices of till {tillId} registered", fixture.Hq);
}

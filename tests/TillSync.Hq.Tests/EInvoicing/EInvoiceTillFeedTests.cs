// Proves HQ tells the till that made a B2B sale about its e-invoice through GET /api/v1/till/updates: a registration
// as irn_registered with the IRN, AckNo, AckDt and signed QR the manager API shows, a parked bill as einvoice_failed,
// and nothing in another till's feed. Real HQ and IRP simulator processes, the till's own token.
using TillSync.Contracts.Tills;
using TillSync.Core.EInvoicing;
using TillSync.Testing;

namespace TillSync.Hq.Tests.EInvoicing;

public sealed class EInvoiceTillFeedTests(EInvoiceFixture fixture) : IClassFixture<EInvoiceFixture>
{
    [Fact]
    public async Task RegisteredBill_ReachesItsTillsFeedAsIrnRegistered_WithTheManagerApisIrnAndAckNo_NeverAnotherTills()
    {
        var till = await fixture.EnrolTillAsync();
        var otherTill = await fixture.EnrolTillAsync();
        var order = till.Orders.Next([OrderFactory.Line("GHEE-1L", 1)], EInvoiceFixture.Buyer);
        await till.SyncOneAsync(order);

        var bill = Assert.Single(await fixture.SettledAsync(till.TillId, 1));
        var feed = await till.UpdatesAsync();

        Assert.Equal("registered", bill.Status);
        var update = Assert.Single(feed.Updates);
        Assert.Equal(TillUpdateKinds.IrnRegistered, update.Kind);
        Assert.Equal(order.ClientOrderId, update.ClientOrderId);
        Assert.Equal(order.BillNo, update.BillNo);
        Assert.Equal(bill.Irn, update.Irn);
        Assert.Equal(bill.AckNo, update.AckNo);
        Assert.Equal(bill.AckDt, update.AckDt);
        Assert.Equal(bill.SignedQrCode, update.SignedQrCode);
        using var irp = fixture.Irp.Client(HqScenario.StoreGstin);
        var (_, key) = await irp.PublishedKeyAsync();
        Assert.Equal(bill.Irn, IrpSignatures.VerifiedQrCode(update.SignedQrCode!, key)!.Irn);
        Assert.Null(update.ReviewId);
        Assert.Empty((await otherTill.UpdatesAsync()).Updates);
        Assert.Empty((await till.UpdatesAsync(feed.NextCursor)).Updates);
    }

    [Fact]
    public async Task ParkedBill_ReachesItsTillsFeedAsEInvoiceFailed_WithoutRegistrationFields()
    {
        var till = await fixture.EnrolTillAsync();
        var noAddress = till.Orders.Next([OrderFactory.Line("RICE-5KG", 1)], HqScenario.B2BIntraState);
        await till.SyncOneAsync(noAddress);

        var bill = Assert.Single(await fixture.SettledAsync(till.TillId, 1));
        var update = Assert.Single((await till.UpdatesAsync()).Updates);

        Assert.Equal("failed", bill.Status);
        Assert.Equal(TillUpdateKinds.EInvoiceFailed, update.Kind);
        Assert.Equal(noAddress.ClientOrderId, update.ClientOrderId);
        Assert.Contains("needs attention at HQ", update.Summary, StringComparison.Ordinal);
        Assert.Contains("address", update.Summary, StringComparison.Ordinal);
        Assert.Null(update.Irn);
        Assert.Null(update.SignedQrCode);
    }
}

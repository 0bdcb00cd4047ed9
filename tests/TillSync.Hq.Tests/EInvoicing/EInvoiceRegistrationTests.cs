// Proves HQ's e-invoice pipeline end to end: a committed B2B sale gets an outbox row in the sync transaction and the
// worker registers it with a real IRP simulator process; B2C never; parked bills do not block; a manager's retry works.
using System.Net;
using TillSync.Contracts.EInvoicing;
using TillSync.Contracts.Idempotency;
using TillSync.Contracts.Sync;
using TillSync.Core.EInvoicing;
using TillSync.Testing;

namespace TillSync.Hq.Tests.EInvoicing;

public sealed class EInvoiceRegistrationTests(EInvoiceFixture fixture) : IClassFixture<EInvoiceFixture>
{
    [Fact]
    public async Task B2BOrder_IsRegistered_WithTheComputedIrnAndTheIrpsAckNo_B2COrderGetsNoEInvoice()
    {
        var till = await fixture.EnrolTillAsync();
        var b2b = till.Orders.Next([OrderFactory.Line("GHEE-1L", 2)], EInvoiceFixture.Buyer);
        var b2c = till.Orders.Build(till.Orders.NextSeq++, [OrderFactory.Line("RICE-5KG", 1)]);
        await till.SyncAsync([b2b, b2c]);

        var bill = Assert.Single(await fixture.SettledAsync(till.TillId, 1));

        Assert.Equal(b2b.ClientOrderId, bill.ClientOrderId);
        Assert.Equal("registered", bill.Status);
        var date = DateOnly.FromDateTime(b2b.CreatedAt.DateTime);
        Assert.Equal(Irn.Compute(HqScenario.StoreGstin, date, EInvoiceDocumentType.Invoice, b2b.BillNo), bill.Irn);
        Assert.Equal(b2b.Totals.TotalPaise, bill.TotalPaise);
        using var irp = fixture.Irp.Client(HqScenario.StoreGstin);
        var atIrp = await irp.GetByDocumentAsync(EInvoiceDocumentType.Invoice, b2b.BillNo, date);
        Assert.Equal(bill.AckNo, atIrp.Data!.AckNo);
        Assert.Equal(bill.Irn, atIrp.Data.Irn);
        var (_, key) = await irp.PublishedKeyAsync();
        var qr = IrpSignatures.VerifiedQrCode(bill.SignedQrCode, key);
        Assert.Equal(HqScenario.B2BIntraState.Gstin, qr!.BuyerGstin);
        Assert.NotNull((await fixture.FindAsync(b2b.ClientOrderId))!.SignedInvoice);
        Assert.Null(await fixture.FindAsync(b2c.ClientOrderId));
        var b2cAtIrp = await irp.GetByDocumentAsync(EInvoiceDocumentType.Invoice, b2c.BillNo, date);
        Assert.True(b2cAtIrp.HasError(IrpErrorCodes.IrnNotFound));
    }

    [Fact]
    public async Task ReplayedOrder_StillHasOneEInvoice()
    {
        var till = await fixture.EnrolTillAsync();
        var order = till.Orders.Next([OrderFactory.Line("SOAP-125G", 3)], EInvoiceFixture.Buyer);
        await till.SyncOneAsync(order);
        var replay = await till.SyncOneAsync(order);

        Assert.True(replay.Replayed);
        var bill = Assert.Single(await fixture.SettledAsync(till.TillId, 1));
        Assert.Equal("registered", bill.Status);
    }

    [Fact]
    public async Task TillBills_AreRegisteredInTillSeqOrder()
    {
        var till = await fixture.EnrolTillAsync();
        var orders = Enumerable.Range(0, 8).Select(i => till.Orders.Next(
            [OrderFactory.Line("COLA-750ML", i + 1)], i % 2 == 0 ? EInvoiceFixture.Buyer : EInvoiceFixture.InterStateBuyer)).ToList();
        await till.SyncAsync(orders);

        var bills = await fixture.SettledAsync(till.TillId, orders.Count);

        Assert.All(bills, b => Assert.Equal("registered", b.Status));
        Assert.Equal(orders.Select(o => o.TillSeq), bills.Select(b => b.TillSeq));
        var ackNos = bills.Select(b => b.AckNo!.Value).ToList();
        Assert.Equal(ackNos.Order(), ackNos);
    }

    [Fact]
    public async Task Listing_PagesInTillAndTillSeqOrder_AcrossTills_BadCursorsAndLimitsRefused()
    {
        var tillA = await fixture.EnrolTillAsync();
        var tillB = await fixture.EnrolTillAsync();
        var ofA = Enumerable.Range(0, 3).Select(_ => tillA.Orders.Next([OrderFactory.Line("COLA-750ML", 1)], EInvoiceFixture.Buyer)).ToList();
        var ofB = Enumerable.Range(0, 2).Select(_ => tillB.Orders.Next([OrderFactory.Line("COLA-750ML", 1)], EInvoiceFixture.Buyer)).ToList();
        await tillA.SyncAsync(ofA);
        await tillB.SyncAsync(ofB);
        await fixture.SettledAsync(tillA.TillId, 3);
        await fixture.SettledAsync(tillB.TillId, 2);

        // From just before till A's first bill, two at a time, to the end: no bill of another till comes after B's.
        var pages = new List<EInvoicePage> { await fixture.PageAsync($"limit=2&after={tillA.TillId}.0") };
        while (pages[^1].NextAfter is { } after)
        {
            pages.Add(await fixture.PageAsync($"limit=2&after={after}"));
        }

        Assert.Equal([(2, true), (2, true), (1, false)], pages.Select(p => (p.Items.Count, p.Truncated)));
        Assert.Equal($"{tillA.TillId}.{ofA[1].TillSeq}", pages[0].NextAfter);
        Assert.Equal([.. ofA.Select(o => o.ClientOrderId), .. ofB.Select(o => o.ClientOrderId)], pages.SelectMany(p => p.Items).Select(b => b.ClientOrderId));
        var onlyB = await fixture.PageAsync($"tillId={tillB.TillId}&limit=1&after={tillB.TillId}.{ofB[0].TillSeq}");
        Assert.Equal((ofB[1].ClientOrderId, false, null), (Assert.Single(onlyB.Items).ClientOrderId, onlyB.Truncated, onlyB.NextAfter));

        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);
        foreach (var (query, words) in new[]
        {
            ("after=x", "after must be the nextAfter of the page before"), ("after=3.", "after must be"), ("after=.3", "after must be"),
            ("after=-1.2", "after must be"), ("limit=0", "limit must be 1 to 500."), ("limit=501", "limit must be 1 to 500."),
        })
        {
            var detail = await Responses.ExpectProblemAsync(
                await client.GetAsync(new Uri($"/api/v1/einvoices?{query}", UriKind.Relative)), HttpStatusCode.BadRequest, fixture.Hq);
            Assert.Contains(words, detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BillWithoutBuyerAddress_IsParked_LaterAndOtherTillsBillsRegister_RetryWithTheAddressRegistersIt()
    {
        var tillA = await fixture.EnrolTillAsync();
        var tillB = await fixture.EnrolTillAsync();
        var noAddress = tillA.Orders.Next([OrderFactory.Line("RICE-5KG", 1)], HqScenario.B2BIntraState);
        var laterA = tillA.Orders.Next([OrderFactory.Line("RICE-5KG", 2)], EInvoiceFixture.Buyer);
        var otherTill = tillB.Orders.Next([OrderFactory.Line("RICE-5KG", 3)], EInvoiceFixture.Buyer);
        var created = await tillA.SyncAsync([noAddress, laterA]);
        await tillB.SyncAsync([otherTill]);

        Assert.All(created.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        var billsA = await fixture.SettledAsync(tillA.TillId, 2);
        var billB = Assert.Single(await fixture.SettledAsync(tillB.TillId, 1));
        Assert.Equal("failed", billsA[0].Status);
        Assert.Contains("address", billsA[0].LastError, StringComparison.Ordinal);
        Assert.Null(billsA[0].AckNo);
        Assert.Equal("registered", billsA[1].Status);
        Assert.Equal("registered", billB.Status);

        var fix = new EInvoiceRetryRequest(null, "9 Brigade Road", "Bengaluru", 560025);
        using var controlCharacter = await fixture.RetryAsync(noAddress.ClientOrderId, fix with { Location = "Bengaluru\u001b[2J" });
        await Responses.ExpectProblemAsync(controlCharacter, HttpStatusCode.BadRequest, fixture.Hq);
        var key = IdempotencyKey.New();
        using var retry = await fixture.RetryAsync(noAddress.ClientOrderId, fix, key);
        await Responses.ExpectStatusAsync(retry, HttpStatusCode.OK, fixture.Hq);
        var fixedBill = (await fixture.SettledAsync(tillA.TillId, 2))[0];

        Assert.True(fixedBill.Status == "registered", $"{fixedBill.Status}: {fixedBill.LastError}");
        Assert.True(fixedBill.AckNo > billsA[1].AckNo);
        var audited = Assert.Single(await fixture.AuditAsync("einvoice.retry"), e => e.Detail.Contains(noAddress.BillNo, StringComparison.Ordinal));
        Assert.Equal("admin", audited.Actor);
        Assert.Contains("address '9 Brigade Road', location 'Bengaluru', PIN 560025", audited.Detail, StringComparison.Ordinal);
        using var resent = await fixture.RetryAsync(noAddress.ClientOrderId, fix, key);
        Assert.Equal(await retry.Content.ReadAsStringAsync(), await resent.Content.ReadAsStringAsync());
        Assert.Single(await fixture.AuditAsync("einvoice.retry"), e => e.Detail.Contains(noAddress.BillNo, StringComparison.Ordinal));
        using var again = await fixture.RetryAsync(noAddress.ClientOrderId, null);
        await Responses.ExpectProblemAsync(again, HttpStatusCode.Conflict, fixture.Hq);
    }

    [Fact]
    public async Task BillBreakingNicsSchema_IsParkedWithTheViolation_NothingIsSent()
    {
        var till = await fixture.EnrolTillAsync();
        var order = till.Orders.Next([OrderFactory.Line("GHEE-1L", 1)], EInvoiceFixture.Buyer with { Pin = 12_345 });
        await till.SyncOneAsync(order);

        var bill = Assert.Single(await fixture.SettledAsync(till.TillId, 1));

        Assert.Equal("failed", bill.Status);
        Assert.Contains("schema", bill.LastError, StringComparison.Ordinal);
        Assert.Contains("/BuyerDtls/Pin", bill.LastError, StringComparison.Ordinal);
        using var irp = fixture.Irp.Client(HqScenario.StoreGstin);
        var atIrp = await irp.GetByDocumentAsync(EInvoiceDocumentType.Invoice, order.BillNo, DateOnly.FromDateTime(order.CreatedAt.DateTime));
        Assert.True(atIrp.HasError(IrpErrorCodes.IrnNotFound));
    }

    [Fact]
    public async Task BillWhoseTillPrintedAnotherIrn_IsParkedWithBothIrns_NothingIsSent_TheTillsOwnIrnRegisters()
    {
        var till = await fixture.EnrolTillAsync();
        var first = till.Orders.Next([OrderFactory.Line("GHEE-1L", 1)], EInvoiceFixture.Buyer);
        var second = till.Orders.Next([OrderFactory.Line("GHEE-1L", 2)], EInvoiceFixture.Buyer);
        var date = DateOnly.FromDateTime(first.CreatedAt.DateTime);
        // As a till whose snapshot carried another seller GSTIN would have printed it.
        var otherGstinIrn = Irn.Compute("27AAACR5055K1ZZ", date, EInvoiceDocumentType.Invoice, first.BillNo);
        var ownIrn = Irn.Compute(HqScenario.StoreGstin, date, EInvoiceDocumentType.Invoice, second.BillNo);
        await till.SyncAsync([first with { Irn = otherGstinIrn }, second with { Irn = ownIrn }]);

        var bills = await fixture.SettledAsync(till.TillId, 2);

        Assert.Equal("failed", bills[0].Status);
        Assert.Contains($"The till printed IRN {otherGstinIrn}", bills[0].LastError, StringComparison.Ordinal);
        Assert.Contains($"HQ computes {bills[0].Irn}", bills[0].LastError, StringComparison.Ordinal);
        using var irp = fixture.Irp.Client(HqScenario.StoreGstin);
        Assert.True((await irp.GetByDocumentAsync(EInvoiceDocumentType.Invoice, first.BillNo, date)).HasError(IrpErrorCodes.IrnNotFound));
        Assert.Equal(("registered", ownIrn), (bills[1].Status, bills[1].Irn));
    }

    [Fact]
    public async Task EInvoiceApi_RefusesATillToken()
    {
        var till = await fixture.EnrolTillAsync();
        using var client = fixture.Hq.CreateClient(till.Token);

        using var list = await client.GetAsync(new Uri("/api/v1/einvoices", UriKind.Relative));
        using var retry = await client.PostAsync(new Uri($"/api/v1/einvoices/{Guid.CreateVersion7()}/retry", UriKind.Relative), null);

        await Responses.ExpectProblemAsync(list, HttpStatusCode.Forbidden, fixture.Hq);
        await Responses.ExpectProblemAsync(retry, HttpStatusCode.Forbidden, fixture.Hq);
    }
}

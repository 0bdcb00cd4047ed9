// Proves the till learns its B2B sales' IRNs: the buyer's address reaches HQ, the IRP registers the bill, the
// irn_registered update is stored and the reprinted receipt carries HQ's IRN, AckNo, AckDt and signed QR, drawn as SVG
// by the till, and says it is cancelled once a manager cancels it at HQ; a parked e-invoice shows as needing attention; B2B bills sold offline print the IRN the portal later
// registers; a B2B return's credit note prints its CRN IRN and its reprint adds the registration. Real HQ and IRP
// processes; in-process till on a fake clock.
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts;
using TillSync.Contracts.EInvoicing;
using TillSync.Contracts.Sync;
using TillSync.Core.EInvoicing;
using TillSync.Testing;
using TillSync.Till.Receipts;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Updates;

public sealed class IrnUpdateTests
{
    private static readonly CustomerDto BuyerWithAddress = HqScenario.B2BIntraState with { Address1 = "4 MG Road", Location = "Bengaluru", Pin = 560001 };

    [Fact]
    public async Task RegisteredB2BSale_ReprintCarriesHqsIrnAckNoAndSignedQr_B2CSaleHasNone()
    {
        await using var online = await OnlineTill.StartAsync();
        var (shop, till, tick) = (online.Shop, online.Till, online.Tick);

        var b2b = await till.Api.SellAsync(Carts.PaidInCash([new CartLine("GHEE-1L", 1)], BuyerWithAddress));
        var b2c = await till.Api.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 1)]));
        Assert.Equal(IrnStatuses.Pending, b2b.Irn.Status);
        await till.Api.SyncNowAsync();
        var reprint = await Eventually.UntilAsync(() => till.Api.ReceiptAsync(b2b.ClientOrderId), r => r.Irn.Status == IrnStatuses.Registered,
            TimeSpan.FromSeconds(60), "the IRN to reach the till", shop.Hq, tick);

        // HQ parks a bill without the buyer's address before sending it, so "registered" also proves the address arrived.
        var atHq = await HqEInvoiceAsync(shop.Hq, b2b.ClientOrderId);
        Assert.Equal("registered", atHq.Status);
        Assert.Equal(Irn.Compute(HqScenario.StoreGstin, DateOnly.FromDateTime(b2b.CreatedAt.DateTime), EInvoiceDocumentType.Invoice, b2b.BillNo), reprint.Irn.Irn);
        Assert.Equal(atHq.Irn, reprint.Irn.Irn);
        Assert.Equal(atHq.AckNo?.ToString(CultureInfo.InvariantCulture), reprint.Irn.AckNo);
        Assert.Equal(atHq.AckDt, reprint.Irn.AckDt);
        Assert.Equal(atHq.SignedQrCode, reprint.Irn.SignedQr);
        using var local = new HttpClient { BaseAddress = till.Api.BaseAddress };
        using var qr = await local.GetAsync(new Uri($"/api/receipts/{b2b.ClientOrderId}/qr.svg", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", (await qr.Content.ReadAsStringAsync()).TrimStart(), StringComparison.Ordinal);
        Assert.Equal(IrnStatuses.NotApplicable, (await till.Api.ReceiptAsync(b2c.ClientOrderId)).Irn.Status);
        using var noQr = await local.GetAsync(new Uri($"/api/receipts/{b2c.ClientOrderId}/qr.svg", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, noQr.StatusCode);

        // A manager cancels the bill at HQ within the portal's 24 hours: the till's reprint says so.
        await CancelAtHqAsync(shop.Hq, b2b.ClientOrderId, new EInvoiceCancelRequest("2", "Wrong buyer"));

        var cancelledReprint = await Eventually.UntilAsync(() => till.Api.ReceiptAsync(b2b.ClientOrderId), r => r.Irn.Status == IrnStatuses.Cancelled,
            TimeSpan.FromSeconds(60), "the cancellation to reach the till", shop.Hq, tick);
        Assert.Equal(atHq.Irn, cancelledReprint.Irn.Irn);
    }

    [Fact]
    public async Task B2BSalesMadeOffline_SyncedLater_EachReceiptsPrintedIrnIsTheOneThePortalRegistered()
    {
        await using var online = await OnlineTill.StartAsync();
        var (irp, shop, till, time, tick) = (online.Irp, online.Shop, online.Till, online.Time, online.Tick);

        shop.Link.SetMode(LinkMode.Blackhole);
        var printed = new List<Receipt>();
        foreach (var sku in new[] { "GHEE-1L", "SOAP-125G", "RICE-5KG" })
        {
            printed.Add(await till.Api.SellAsync(Carts.PaidInCash([new CartLine(sku, 1)], BuyerWithAddress)));
            time.Advance(TimeSpan.FromMinutes(7));
        }

        Assert.All(printed, r => Assert.Equal(IrnStatuses.Pending, r.Irn.Status));
        Assert.Equal(printed.Count, printed.Select(r => r.Irn.Irn).Distinct().Count());
        Assert.Empty(await shop.HqOrdersAsync());

        shop.Link.SetMode(LinkMode.Pass);
        await till.Api.SyncNowAsync();
        using var portal = irp.Client(HqScenario.StoreGstin);
        foreach (var receipt in printed)
        {
            var reprint = await Eventually.UntilAsync(() => till.Api.ReceiptAsync(receipt.ClientOrderId), r => r.Irn.Status == IrnStatuses.Registered,
                TimeSpan.FromSeconds(90), $"the IRN of {receipt.BillNo} to reach the till", shop.Hq, tick);
            var atPortal = await portal.GetByDocumentAsync(EInvoiceDocumentType.Invoice, receipt.BillNo, DocumentDates.Of(receipt.CreatedAt));
            Assert.True(atPortal.Data is not null, $"the portal has no registration of {receipt.BillNo}");
            Assert.Equal(receipt.Irn.Irn, atPortal.Data.Irn);
            Assert.Equal(receipt.Irn.Irn, reprint.Irn.Irn);
            Assert.Equal(receipt.Irn.Irn, (await HqEInvoiceAsync(shop.Hq, receipt.ClientOrderId)).Irn);
        }
    }

    [Fact]
    public async Task B2BReturn_CreditNotePrintsItsIrnPending_ReprintCarriesTheRegistrationAndItsQr()
    {
        await using var online = await OnlineTill.StartAsync();
        var (shop, till, tick) = (online.Shop, online.Till, online.Tick);
        var sale = await till.Api.SellAsync(Carts.PaidInCash([new CartLine("GHEE-1L", 2)], BuyerWithAddress));

        var note = await till.Api.ReturnAsync(new TillSync.Till.Returns.ReturnRequest(new TillSync.Till.Returns.OriginalReference(SaleId: sale.ClientOrderId),
            [new TillSync.Till.Returns.ReturnLineRequest(1, 1, Contracts.Documents.ReturnConditions.Restock)], Contracts.Documents.ReturnReasons.Defective,
            new TillSync.Till.Returns.RefundRequest(Contracts.Documents.RefundMethods.Cash)));

        var irn = Irn.Compute(HqScenario.StoreGstin, DocumentDates.Of(note.CreatedAt), EInvoiceDocumentType.CreditNote, note.CreditNoteNo);
        Assert.Equal((irn, null), (note.Irn, note.Registration));
        await till.Api.SyncNowAsync();
        var reprint = await Eventually.UntilAsync(() => till.Api.CreditNoteAsync(note.DocumentId), n => n.Registration is not null,
            TimeSpan.FromSeconds(90), "the credit note's registration to reach the till", shop.Hq, tick);
        var atHq = await HqEInvoiceAsync(shop.Hq, note.DocumentId);
        Assert.Equal(("CRN", "registered", irn, sale.BillNo), (atHq.DocType, atHq.Status, atHq.Irn, atHq.OriginalDocNo));
        Assert.Equal((irn, atHq.AckNo?.ToString(CultureInfo.InvariantCulture), atHq.SignedQrCode),
            (reprint.Registration!.Irn, reprint.Registration.AckNo, reprint.Registration.SignedQr));
        using var local = new HttpClient { BaseAddress = till.Api.BaseAddress };
        using var qr = await local.GetAsync(new Uri($"/api/returns/{note.DocumentId}/qr.svg", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        Assert.StartsWith("<svg", (await qr.Content.ReadAsStringAsync()).TrimStart(), StringComparison.Ordinal);

        // A manager cancels the credit note's e-invoice at HQ within the portal's 24 hours: the till's reprint says so.
        await CancelAtHqAsync(shop.Hq, note.DocumentId, new EInvoiceCancelRequest("3", "Wrong credit note"));

        var cancelledReprint = await Eventually.UntilAsync(() => till.Api.CreditNoteAsync(note.DocumentId), n => n.Registration?.Status == IrnStatuses.Cancelled,
            TimeSpan.FromSeconds(60), "the credit note's cancellation to reach the till", shop.Hq, tick);
        Assert.Equal(irn, cancelledReprint.Registration!.Irn);
    }

    [Fact]
    public async Task B2BSaleWithABadPin_IsRefusedWithAReadableMessage_NothingIsRecorded()
    {
        await using var till = await LocalTill.CreateAsync();

        var (receipt, problem) = await till.Recorder.RecordAsync(
            Carts.PaidInCash([new CartLine("GHEE-1L", 1)], BuyerWithAddress with { Pin = 56_001 }), CancellationToken.None);

        Assert.Null(receipt);
        Assert.Equal("Buyer PIN 56001 is not a PIN code: it must be 6 digits, not starting with 0.", problem);
        Assert.Equal(0, await till.Outbox.CountAsync(CancellationToken.None));
    }

    // A real IRP and HQ, and an in-process till online on a fake clock an hour behind the portal's (so that no bill
    // carries a date the portal calls future); Tick moves the clock on while a test waits.
    private sealed record OnlineTill(IrpProcess Irp, TillScenario Shop, InProcessTill Till, FakeTimeProvider Time) : IAsyncDisposable
    {
        public Func<Task> Tick => () =>
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            return Task.CompletedTask;
        };

        public static async Task<OnlineTill> StartAsync()
        {
            var irp = await IrpProcess.StartAsync();
            var shop = await TillScenario.StartAsync(irp.Access);
            var time = new FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromHours(1));
            var online = new OnlineTill(irp, shop, await shop.StartInProcessTillAsync(time), time);
            await online.Till.Api.WaitOnlineAsync(betweenPolls: online.Tick);
            return online;
        }

        public async ValueTask DisposeAsync()
        {
            await Till.DisposeAsync();
            await Shop.DisposeAsync();
            await Irp.DisposeAsync();
        }
    }

    private static async Task<EInvoiceView> HqEInvoiceAsync(HqProcess hq, Guid clientOrderId)
    {
        using var client = hq.CreateClient(hq.AdminToken);
        return await Responses.ExpectAsync(await client.GetAsync(new Uri($"/api/v1/einvoices/{clientOrderId}", UriKind.Relative)),
            HttpStatusCode.OK, TillSyncJsonContext.Default.EInvoiceView, hq);
    }

    // A manager's cancel of document id's e-invoice at HQ, which must succeed.
    private static async Task CancelAtHqAsync(HqProcess hq, Guid id, EInvoiceCancelRequest request)
    {
        using var manager = hq.CreateClient(hq.AdminToken);
        using var cancel = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/einvoices/{id}/cancel", UriKind.Relative))
        {
            Content = System.Net.Http.Json.JsonContent.Create(request, TillSyncJsonContext.Default.EInvoiceCancelRequest),
        };
        cancel.Headers.Add(Contracts.Idempotency.IdempotencyKey.HeaderName, Contracts.Idempotency.IdempotencyKey.HeaderValue($"cancel-{id}"));
        using var cancelled = await manager.SendAsync(cancel);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
    }
}

// Proves e-way bills by IRN: a registered B2B invoice above ₹50,000 gets one from the real IRP simulator when a manager
// gives the transport details, asking again answers the same e-way bill (never a second), the IRP then refuses to cancel
// the invoice (2230, an active e-way bill), and bad requests — small bills, missing vehicle, unregistered bills, a till
// token — are refused with a problem and change nothing; with its answer dropped by a fault proxy, a retry with the same
// Idempotency-Key replays the first answer and raises nothing again.
using System.Net;
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Contracts.EInvoicing;
using TillSync.Contracts.Idempotency;
using TillSync.Testing;

namespace TillSync.Hq.Tests.EInvoicing;

public sealed class EwayBillTests(EInvoiceFixture fixture) : IClassFixture<EInvoiceFixture>
{
    private static readonly EwayBillOrder Lorry = new(DistanceKm: 320, VehicleNo: "KA01AB1234", TransporterName: "Speedy Roadways");

    [Fact]
    public async Task RegisteredBillAboveFiftyThousand_GetsOneEwayBill_AskingAgainAnswersTheSame()
    {
        var till = await fixture.EnrolTillAsync();
        // Seven gold coins at ₹7,500 and 3 %: about ₹54,075, above the e-way bill threshold.
        var order = till.Orders.Next([OrderFactory.Line("GOLD-COIN-1G", 7)], EInvoiceFixture.Buyer);
        await till.SyncOneAsync(order);
        var bill = Assert.Single(await fixture.SettledAsync(till.TillId, 1));
        Assert.Equal("registered", bill.Status);

        var first = await Responses.ExpectAsync(await RaiseAsync(order.ClientOrderId, Lorry), HttpStatusCode.OK, Json.EwayBillView, fixture.Hq);
        var again = await Responses.ExpectAsync(await RaiseAsync(order.ClientOrderId, Lorry), HttpStatusCode.OK, Json.EwayBillView, fixture.Hq);

        Assert.Equal(bill.Irn, first.Irn);
        Assert.InRange(first.EwbNo, 100_000_000_000, 999_999_999_999);
        Assert.Equal(first, again);
        Assert.Equal(first.EwbNo, (await fixture.FindAsync(order.ClientOrderId))!.EwbNo);
        using var irp = fixture.Irp.Client(HqScenario.StoreGstin);
        var atIrp = await irp.GetByIrnAsync(bill.Irn);
        Assert.Equal(first.EwbNo, atIrp.Data!.EwbNo);
        Assert.True((await irp.CancelAsync(bill.Irn)).HasError(Core.EInvoicing.IrpErrorCodes.ActiveEwayBill));
    }

    [Fact]
    public async Task PortalRefusesTheEwayBill_Is409WithItsCode_AndHqStoresNone()
    {
        var till = await fixture.EnrolTillAsync();
        var order = till.Orders.Next([OrderFactory.Line("GOLD-COIN-1G", 7)], EInvoiceFixture.Buyer);
        await till.SyncOneAsync(order);
        var bill = Assert.Single(await fixture.SettledAsync(till.TillId, 1));
        using var irp = fixture.Irp.Client(HqScenario.StoreGstin);
        Assert.Null((await irp.CancelAsync(bill.Irn)).ErrorDetails); // cancelled at the portal behind HQ's back

        var detail = await Responses.ExpectProblemAsync(await RaiseAsync(order.ClientOrderId, Lorry), HttpStatusCode.Conflict, fixture.Hq);

        Assert.Contains($"The portal refused the e-way bill of bill {bill.DocNo}: {Core.EInvoicing.IrpErrorCodes.IrnNotActive} ", detail, StringComparison.Ordinal);
        Assert.Null((await fixture.FindAsync(order.ClientOrderId))!.EwbNo);
    }

    [Fact]
    public async Task EwayBill_AnswerDroppedThenRetriedWithTheSameKey_RaisedOnceAndTheFirstAnswerReplayed()
    {
        var till = await fixture.EnrolTillAsync();
        var order = till.Orders.Next([OrderFactory.Line("GOLD-COIN-1G", 9)], EInvoiceFixture.Buyer);
        await till.SyncOneAsync(order);
        Assert.Equal("registered", Assert.Single(await fixture.SettledAsync(till.TillId, 1)).Status);
        await using var proxy = FaultProxy.Start(fixture.Hq.BaseAddress);
        var path = $"/api/v1/einvoices/{order.ClientOrderId}/eway-bill";
        var key = IdempotencyKey.New();

        proxy.DropResponses(1, path);
        await Assert.ThrowsAsync<HttpRequestException>(() => RaiseAsync(order.ClientOrderId, Lorry, key: key, through: proxy.Address));
        var dropped = Assert.Single(proxy.Exchanges, e => e.Dropped);
        using var retry = await RaiseAsync(order.ClientOrderId, Lorry, key: key, through: proxy.Address);

        Assert.Equal(200, dropped.StatusCode);
        Assert.Equal(dropped.ResponseBody, await retry.Content.ReadAsStringAsync());
        Assert.Equal(["true"], retry.Headers.GetValues(IdempotencyKey.ReplayedHeaderName));
        var raised = System.Text.Json.JsonSerializer.Deserialize(dropped.ResponseBody, Json.EwayBillView)!;
        Assert.Equal(raised.EwbNo, (await fixture.FindAsync(order.ClientOrderId))!.EwbNo);
        Assert.Single(await fixture.AuditAsync("einvoice.eway_bill"), e => e.Detail.Contains(order.BillNo, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BillUnderFiftyThousand_IsRefusedWith400()
    {
        var till = await fixture.EnrolTillAsync();
        var order = till.Orders.Next([OrderFactory.Line("SOAP-125G", 2)], EInvoiceFixture.Buyer);
        await till.SyncOneAsync(order);
        await fixture.SettledAsync(till.TillId, 1);

        var detail = await Responses.ExpectProblemAsync(await RaiseAsync(order.ClientOrderId, Lorry), HttpStatusCode.BadRequest, fixture.Hq);

        Assert.Contains("50,000", detail, StringComparison.Ordinal);
        Assert.Null((await fixture.FindAsync(order.ClientOrderId))!.EwbNo);
    }

    public static TheoryData<string, int, string, string?> BadOrders => new()
    {
        { "distance", 5000, "1", "KA01AB1234" },
        { "mode", 100, "9", "KA01AB1234" },
        { "no vehicle on road", 100, "1", null },
        { "vehicle number", 100, "1", "12-XYZ" },
    };

    [Theory]
    [MemberData(nameof(BadOrders))]
    public async Task BadTransportDetails_Return400AndRaiseNothing(string defect, int distanceKm, string mode, string? vehicleNo)
    {
        var till = await fixture.EnrolTillAsync();
        var order = till.Orders.Next([OrderFactory.Line("GOLD-COIN-1G", 8)], EInvoiceFixture.Buyer);
        await till.SyncOneAsync(order);
        await fixture.SettledAsync(till.TillId, 1);

        await Responses.ExpectProblemAsync(await RaiseAsync(order.ClientOrderId, new EwayBillOrder(distanceKm, mode, vehicleNo)), HttpStatusCode.BadRequest, fixture.Hq);

        Assert.True((await fixture.FindAsync(order.ClientOrderId))!.EwbNo is null, defect);
    }

    [Fact]
    public async Task UnknownOrder_Returns404_TillToken_Returns403()
    {
        var till = await fixture.EnrolTillAsync();

        await Responses.ExpectProblemAsync(await RaiseAsync(Guid.CreateVersion7(), Lorry), HttpStatusCode.NotFound, fixture.Hq);
        await Responses.ExpectProblemAsync(await RaiseAsync(Guid.CreateVersion7(), Lorry, till.Token), HttpStatusCode.Forbidden, fixture.Hq);
    }

    private static TillSyncJsonContext Json => TillSyncJsonContext.Default;

    private async Task<HttpResponseMessage> RaiseAsync(Guid clientOrderId, EwayBillOrder order, string? token = null, string? key = null, Uri? through = null)
    {
        using var client = fixture.Hq.CreateIsolatedClient(token ?? fixture.Hq.AdminToken);
        client.BaseAddress = through ?? client.BaseAddress;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/einvoices/{clientOrderId}/eway-bill", UriKind.Relative))
        {
            Content = JsonContent.Create(order, Json.EwayBillOrder),
        };
        if (key is not null)
        {
            request.Headers.Add(IdempotencyKey.HeaderName, IdempotencyKey.HeaderValue(key));
        }

        return await client.SendAsync(request);
    }
}

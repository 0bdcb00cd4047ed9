// Proves a manager's cancellation of an e-way bill against real HQ and IRP processes: the e-invoice's cancel is refused
// while the e-way bill is active (2230), the e-way bill is cancelled (shown with when and why, audited, replayed under
// its key), and then the e-invoice's cancel succeeds; bad input changes nothing; an answer lost after the portal
// cancelled is found by sending the same request again; after 24 hours the portal refuses (315) and HQ passes it on; a
// cancelled e-way bill is followed by a fresh one, which the bill then holds.
using System.Globalization;
using System.Net;
using TillSync.Contracts;
using TillSync.Contracts.EInvoicing;
using TillSync.Contracts.Sync;
using TillSync.Core.EInvoicing;
using TillSync.Testing;

namespace TillSync.Hq.Tests.EInvoicing;

public sealed class EwayBillCancelTests(EInvoiceFixture fixture) : IClassFixture<EInvoiceFixture>
{
    private static readonly EwayBillOrder Lorry = new(DistanceKm: 320, VehicleNo: "KA01AB1234", TransporterName: "Speedy Roadways");

    [Fact]
    public async Task EInvoiceCancel_RefusedWithAnActiveEwayBill_ThenTheEwayBillCancelled_ThenTheEInvoiceCancelSucceeds()
    {
        var (order, bill, ewbNo) = await RegisteredWithEwayBillAsync(7);
        var key = Guid.NewGuid().ToString("N");

        using var refused = await fixture.CancelAsync(order.ClientOrderId, "3", "Order cancelled by the buyer");
        var cancelled = await ReadAsync(await fixture.CancelEwayBillAsync(order.ClientOrderId, "2", "Buyer called the order off", key));
        var replay = await ReadAsync(await fixture.CancelEwayBillAsync(order.ClientOrderId, "2", "Buyer called the order off", key));
        var invoiceCancelled = await ReadAsync(await fixture.CancelAsync(order.ClientOrderId, "3", "Order cancelled by the buyer"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(IrpErrorCodes.ActiveEwayBill, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("registered", cancelled.Status);
        Assert.Equal(ewbNo, cancelled.EwbNo);
        Assert.Equal("2", cancelled.EwbCancelReason);
        Assert.Equal("Buyer called the order off", cancelled.EwbCancelRemark);
        Assert.True(IrpTimes.TryParse(cancelled.EwbCancelledAt, out _), cancelled.EwbCancelledAt);
        Assert.Equal(cancelled, replay);
        Assert.Equal("cancelled", invoiceCancelled.Status);
        Assert.Equal(cancelled.EwbCancelledAt, invoiceCancelled.EwbCancelledAt);
        using var irp = fixture.Irp.Client(HqScenario.StoreGstin);
        var atIrp = (await irp.GetByIrnAsync(bill.Irn)).Data!;
        Assert.Equal(IrnDetails.Cancelled, atIrp.Status);
        Assert.Null(atIrp.EwbNo);
        Assert.Single(await fixture.AuditAsync("einvoice.eway_bill_cancel"), e => e.Detail.Contains(order.BillNo, StringComparison.Ordinal));

        using var again = await fixture.CancelEwayBillAsync(order.ClientOrderId, "2", "Buyer called the order off");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("was cancelled at the portal", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5", "A remark", "reason must be NIC's e-way bill code")]
    [InlineData("2", "  ", "remark must be 1 to 50")]
    [InlineData("2", "This remark is longer than the fifty characters NIC keeps", "remark must be 1 to 50")]
    public async Task CancelEwayBill_BadReasonOrRemark_Answers400AndChangesNothing(string reason, string remark, string message)
    {
        var (order, _, ewbNo) = await RegisteredWithEwayBillAsync(8);

        using var response = await fixture.CancelEwayBillAsync(order.ClientOrderId, reason, remark);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = (await fixture.FindAsync(order.ClientOrderId))!;
        Assert.Equal(ewbNo, stored.EwbNo);
        Assert.Null(stored.EwbCancelledAt);
    }

    [Fact]
    public async Task CancelEwayBill_NoEwayBillUnknownOrderOrTillToken_Answers409Or404Or403()
    {
        var till = await fixture.EnrolTillAsync();
        var order = till.Orders.Next([OrderFactory.Line("GOLD-COIN-1G", 7)], EInvoiceFixture.Buyer);
        await till.SyncOneAsync(order);
        Assert.Equal("registered", Assert.Single(await fixture.SettledAsync(till.TillId, 1)).Status);

        var none = await Responses.ExpectProblemAsync(
            await fixture.CancelEwayBillAsync(order.ClientOrderId, "1", "Raised twice"), HttpStatusCode.Conflict, fixture.Hq);
        await Responses.ExpectProblemAsync(await fixture.CancelEwayBillAsync(Guid.CreateVersion7(), "1", "Raised twice"), HttpStatusCode.NotFound, fixture.Hq);
        await Responses.ExpectProblemAsync(
            await fixture.CancelEwayBillAsync(order.ClientOrderId, "1", "Raised twice", token: till.Token), HttpStatusCode.Forbidden, fixture.Hq);

        Assert.Contains("has no e-way bill to cancel", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelEwayBill_AnswerLostAfterThePortalCancelled_TheSameRequestAgainFindsItCancelled()
    {
        var (order, bill, _) = await RegisteredWithEwayBillAsync(9);
        using var irp = fixture.Irp.Client(HqScenario.StoreGstin);
        var key = Guid.NewGuid().ToString("N");

        await irp.SetFaultsAsync(0, 0, commitThenTimeoutRate: 1);
        HttpStatusCode lost;
        try
        {
            using var first = await fixture.CancelEwayBillAsync(order.ClientOrderId, "1", "Raised twice", key);
            lost = first.StatusCode;
        }
        finally
        {
            await irp.SetFaultsAsync(0, 0, 0);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost);
        Assert.Null((await irp.GetByIrnAsync(bill.Irn)).Data!.EwbNo);
        Assert.Null((await fixture.FindAsync(order.ClientOrderId))!.EwbCancelledAt);
        var found = await ReadAsync(await fixture.CancelEwayBillAsync(order.ClientOrderId, "1", "Raised twice", key));
        Assert.Equal("1", found.EwbCancelReason);
        Assert.NotNull(found.EwbCancelledAt);
    }

    [Fact]
    public async Task EwayBill_CancelledForAWrongVehicle_IsRaisedAfresh_TheBillHoldsTheNewOne_OnlyOneActive()
    {
        var (order, bill, first) = await RegisteredWithEwayBillAsync(8);
        await ReadAsync(await fixture.CancelEwayBillAsync(order.ClientOrderId, "3", "Wrong vehicle keyed in"));

        using var fresh = await fixture.RaiseEwayBillAsync(order.ClientOrderId, Lorry with { VehicleNo = "KA05MN4321" });
        var second = await Responses.ExpectAsync(fresh, HttpStatusCode.OK, TillSyncJsonContext.Default.EwayBillView, fixture.Hq);
        using var asked = await fixture.RaiseEwayBillAsync(order.ClientOrderId, Lorry);
        var held = await Responses.ExpectAsync(asked, HttpStatusCode.OK, TillSyncJsonContext.Default.EwayBillView, fixture.Hq);

        Assert.NotEqual(first, second.EwbNo);
        Assert.Equal(second, held);
        var stored = (await fixture.FindAsync(order.ClientOrderId))!;
        Assert.Equal((second.EwbNo, (string?)null, (string?)null, (string?)null), (stored.EwbNo, stored.EwbCancelledAt, stored.EwbCancelReason, stored.EwbCancelRemark));
        using var irp = fixture.Irp.Client(HqScenario.StoreGstin);
        Assert.Equal(second.EwbNo, (await irp.GetByIrnAsync(bill.Irn)).Data!.EwbNo);
        Assert.Single(await fixture.AuditAsync("einvoice.eway_bill"),
            e => e.Detail.Contains(string.Create(CultureInfo.InvariantCulture, $"e-way bill {second.EwbNo} for bill {order.BillNo}"), StringComparison.Ordinal)
                && e.Detail.EndsWith(string.Create(CultureInfo.InvariantCulture, $"replacing cancelled e-way bill {first}"), StringComparison.Ordinal));
        // The fresh one is active: the invoice cannot be cancelled under it (2230).
        using var refused = await fixture.CancelAsync(order.ClientOrderId, "3", "Order cancelled by the buyer");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(IrpErrorCodes.ActiveEwayBill, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<(OrderDto Order, EInvoiceView Bill, long EwbNo)> RegisteredWithEwayBillAsync(int goldCoins)
    {
        var till = await fixture.EnrolTillAsync();
        // Seven or more gold coins at ₹7,500 and 3 %: above the e-way bill threshold of ₹50,000.
        var order = till.Orders.Next([OrderFactory.Line("GOLD-COIN-1G", goldCoins)], EInvoiceFixture.Buyer);
        await till.SyncOneAsync(order);
        var bill = Assert.Single(await fixture.SettledAsync(till.TillId, 1));
        Assert.Equal("registered", bill.Status);
        using var raised = await fixture.RaiseEwayBillAsync(order.ClientOrderId, Lorry);
        var ewayBill = await Responses.ExpectAsync(raised, HttpStatusCode.OK, TillSyncJsonContext.Default.EwayBillView, fixture.Hq);
        return (order, bill, ewayBill.EwbNo);
    }

    private async Task<EInvoiceView> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return await Responses.ExpectAsync(response, HttpStatusCode.OK, TillSyncJsonContext.Default.EInvoiceView, fixture.Hq);
        }
    }
}

// Its own HQ and simulator: the test moves the portal's clock past the 24 hours.
public sealed class EwayBillCancelWindowTests(EInvoiceFixture fixture) : IClassFixture<EInvoiceFixture>
{
    [Fact]
    public async Task CancelEwayBill_AfterTwentyFourHours_IsRefusedWith315_AndStaysActive()
    {
        var till = await fixture.EnrolTillAsync();
        var order = till.Orders.Next([OrderFactory.Line("GOLD-COIN-1G", 7)], EInvoiceFixture.Buyer);
        await till.SyncOneAsync(order);
        Assert.Equal("registered", Assert.Single(await fixture.SettledAsync(till.TillId, 1)).Status);
        using var raised = await fixture.RaiseEwayBillAsync(order.ClientOrderId, new EwayBillOrder(DistanceKm: 900, VehicleNo: "KA01AB1234"));
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        using var irp = fixture.Irp.Client(HqScenario.StoreGstin);
        await irp.AdvanceClockAsync(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        var detail = await Responses.ExpectProblemAsync(
            await fixture.CancelEwayBillAsync(order.ClientOrderId, "3", "Wrong vehicle keyed in"), HttpStatusCode.Conflict, fixture.Hq);

        Assert.Contains(IrpErrorCodes.EwayBillCancelWindowPassed, detail, StringComparison.Ordinal);
        Assert.Null((await fixture.FindAsync(order.ClientOrderId))!.EwbCancelledAt);
    }
}

// Proves a manager's cancellation of a registered e-invoice against real HQ and IRP processes: within 24 hours the
// portal cancels it and HQ shows it cancelled everywhere (e-invoices API, orders API, the till's feed, the audit log);
// the same request again replays, another is refused; bad input and unregistered bills change nothing; an answer lost
// after the portal cancelled is found by sending the same request again; after 24 hours, or with an active e-way bill,
// the portal refuses with its code and HQ passes it on with the bill still registered.
using System.Net;
using TillSync.Contracts;
using TillSync.Contracts.EInvoicing;
using TillSync.Contracts.Tills;
using TillSync.Core.EInvoicing;
using TillSync.Testing;

namespace TillSync.Hq.Tests.EInvoicing;

public sealed class EInvoiceCancelTests(EInvoiceFixture fixture) : IClassFixture<EInvoiceFixture>
{
    [Fact]
    public async Task Cancel_WithinTwentyFourHours_IsCancelledAtThePortalAndShownSoEverywhere()
    {
        var till = await fixture.EnrolTillAsync();
        var sale = till.Orders.Next([OrderFactory.Line("GHEE-1L", 1)], EInvoiceFixture.Buyer);
        await till.SyncAsync([sale]);
        var registered = Assert.Single(await fixture.SettledAsync(till.TillId, 1));
        Assert.Equal("registered", registered.Status);
        var key = Guid.NewGuid().ToString("N");

        var cancelled = await ReadAsync(await fixture.CancelAsync(sale.ClientOrderId, "2", "Wrong buyer GSTIN keyed in", key));
        var replay = await ReadAsync(await fixture.CancelAsync(sale.ClientOrderId, "2", "Wrong buyer GSTIN keyed in", key));

        Assert.Equal("cancelled", cancelled.Status);
        Assert.Equal("2", cancelled.CancelReason);
        Assert.Equal("Wrong buyer GSTIN keyed in", cancelled.CancelRemark);
        Assert.True(IrpTimes.TryParse(cancelled.CancelledAt, out _), cancelled.CancelledAt);
        Assert.Equal(cancelled, replay);
        Assert.Equal("cancelled", (await fixture.FindAsync(sale.ClientOrderId))!.Status);
        using var irp = fixture.Irp.Client(HqScenario.StoreGstin);
        Assert.Equal(IrnDetails.Cancelled, (await irp.GetByIrnAsync(registered.Irn)).Data!.Status);
        Assert.Equal("cancelled", (await new ManagerClient(fixture.Hq).GetOrderAsync(sale.ClientOrderId)).EInvoiceStatus);
        var feed = (await till.UpdatesAsync()).Updates.Where(u => u.ClientOrderId == sale.ClientOrderId).Select(u => u.Kind);
        Assert.Equal([TillUpdateKinds.IrnRegistered, TillUpdateKinds.IrnCancelled], feed);
        Assert.Single(await fixture.AuditAsync("einvoice.cancel"), e => e.Detail.Contains(sale.BillNo, StringComparison.Ordinal));

        using var again = await fixture.CancelAsync(sale.ClientOrderId, "2", "Wrong buyer GSTIN keyed in");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("was cancelled at the portal", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9", "A remark", "reason must be NIC's code")]
    [InlineData("2", "  ", "remark must be 1 to 100")]
    public async Task Cancel_BadReasonOrRemark_Answers400AndChangesNothing(string reason, string remark, string message)
    {
        var till = await fixture.EnrolTillAsync();
        var sale = till.Orders.Next([OrderFactory.Line("SOAP-125G", 2)], EInvoiceFixture.Buyer);
        await till.SyncAsync([sale]);
        await fixture.SettledAsync(till.TillId, 1);

        using var response = await fixture.CancelAsync(sale.ClientOrderId, reason, remark);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("registered", (await fixture.FindAsync(sale.ClientOrderId))!.Status);
    }

    [Fact]
    public async Task Cancel_ParkedBill_Answers409()
    {
        var till = await fixture.EnrolTillAsync();
        var noAddress = till.Orders.Next([OrderFactory.Line("RICE-5KG", 1)], HqScenario.B2BIntraState);
        await till.SyncAsync([noAddress]);
        await fixture.SettledAsync(till.TillId, 1);

        using var response = await fixture.CancelAsync(noAddress.ClientOrderId, "3", "Order cancelled by the buyer");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("only a registered e-invoice can be cancelled", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("failed", (await fixture.FindAsync(noAddress.ClientOrderId))!.Status);
    }

    [Fact]
    public async Task Cancel_AnswerLostAfterThePortalCancelled_TheSameRequestAgainFindsItCancelled()
    {
        var till = await fixture.EnrolTillAsync();
        var sale = till.Orders.Next([OrderFactory.Line("COLA-750ML", 2)], EInvoiceFixture.Buyer);
        await till.SyncAsync([sale]);
        var registered = Assert.Single(await fixture.SettledAsync(till.TillId, 1));
        using var irp = fixture.Irp.Client(HqScenario.StoreGstin);
        var key = Guid.NewGuid().ToString("N");

        await irp.SetFaultsAsync(0, 0, commitThenTimeoutRate: 1);
        HttpStatusCode lost;
        try
        {
            using var first = await fixture.CancelAsync(sale.ClientOrderId, "1", "Billed twice", key);
            lost = first.StatusCode;
        }
        finally
        {
            await irp.SetFaultsAsync(0, 0, 0);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost);
        Assert.Equal(IrnDetails.Cancelled, (await irp.GetByIrnAsync(registered.Irn)).Data!.Status);
        Assert.Equal("registered", (await fixture.FindAsync(sale.ClientOrderId))!.Status);
        var found = await ReadAsync(await fixture.CancelAsync(sale.ClientOrderId, "1", "Billed twice", key));
        Assert.Equal("cancelled", found.Status);
        Assert.Equal("1", found.CancelReason);
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
public sealed class EInvoiceCancelWindowTests(EInvoiceFixture fixture) : IClassFixture<EInvoiceFixture>
{
    [Fact]
    public async Task Cancel_AfterTwentyFourHoursOrWithAnEwayBill_IsRefusedWithThePortalsCode_AndTheBillStaysRegistered()
    {
        var till = await fixture.EnrolTillAsync();
        var sale = till.Orders.Next([OrderFactory.Line("GHEE-1L", 1)], EInvoiceFixture.Buyer);
        // Worth more than ₹50,000, so it can carry an e-way bill.
        var consignment = till.Orders.Next([OrderFactory.Line("RICE-5KG", 200)], EInvoiceFixture.Buyer);
        await till.SyncAsync([sale, consignment]);
        var bills = await fixture.SettledAsync(till.TillId, 2);
        Assert.All(bills, b => Assert.Equal("registered", b.Status));
        using var irp = fixture.Irp.Client(HqScenario.StoreGstin);
        Assert.Equal(IrpStatus.Success, (await irp.EwayBillAsync(bills.Single(b => b.ClientOrderId == consignment.ClientOrderId).Irn)).Status);

        using var withEwayBill = await fixture.CancelAsync(consignment.ClientOrderId, "3", "Order cancelled by the buyer");
        await irp.AdvanceClockAsync(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        using var late = await fixture.CancelAsync(sale.ClientOrderId, "2", "Wrong quantity keyed in");

        Assert.Equal(HttpStatusCode.Conflict, withEwayBill.StatusCode);
        var ewayDetail = await withEwayBill.Content.ReadAsStringAsync();
        Assert.Contains(IrpErrorCodes.ActiveEwayBill, ewayDetail, StringComparison.Ordinal);
        Assert.Contains("Cancel its e-way bill first", ewayDetail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains(IrpErrorCodes.CancelWindowPassed, await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.All(await fixture.ListAsync(till.TillId), b => Assert.Equal("registered", b.Status));
    }
}

// Proves HQ's own count of a shift from the documents it holds, over HTTP on SQLite or PostgreSQL (TILLSYNC_TEST_STORE):
// the listing shows HQ's figures beside the till's and flags a difference, and a day's sales split by cashier, tender, hour.
using System.Net;
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Shifts;

public sealed class ShiftRecountTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task Shifts_HqCountsTheShiftsOwnSales_AndFlagsATillThatCountedOtherwise()
    {
        var cashier = (await fixture.Manager.ListStaffAsync()).Single(s => s.Name == SeededStaff.Cashier.Name).StaffId;
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var shifts = new ShiftFactory(till.Orders, cashier);
        var open = shifts.Open();
        var cashSale = Paid(till.Orders.NextWalkIn([OrderFactory.Line("RICE-5KG", 1)]), PaymentMethods.Cash, cashier);
        var upiSale = Paid(till.Orders.NextWalkIn([OrderFactory.Line("GHEE-1L", 1)]), PaymentMethods.Upi, cashier);
        var pickup = shifts.Move(open, CashReasons.PickupToSafe, 50_000);
        var right = new ShiftExpectedDto(200_000, cashSale.Totals.TotalPaise, 0, 0, 50_000, 0, upiSale.Totals.TotalPaise);
        var close = shifts.Close(open, right, [new(50_000, 3)], upiSlipsPaise: upiSale.Totals.TotalPaise);
        var second = shifts.Open();
        var wrongClose = shifts.Close(second, right, [new(50_000, 4)]); // claims the first shift's takings

        var reply = await till.SyncDocumentsAsync([open, TillClient.SaleDocument(cashSale), TillClient.SaleDocument(upiSale), pickup, close, second, wrongClose]);

        Assert.All(reply.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        var listed = await fixture.Manager.ShiftsAsync($"tillId={till.TillId}");
        Assert.Equal([open.DocumentId, second.DocumentId], listed.Select(s => s.ShiftId));
        Assert.Equal(right, listed[0].HqExpected);
        Assert.False(listed[0].ExpectedDiffers);
        Assert.Equal(new ShiftExpectedDto(200_000, 0, 0, 0, 0, 0, 0), listed[1].HqExpected);
        Assert.True(listed[1].ExpectedDiffers);

        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);
        var day = cashSale.CreatedAt.ToOffset(TimeSpan.FromMinutes(330));
        var breakdown = await client.GetFromJsonAsync($"/api/v1/shifts/sales?tillId={till.TillId}&date={day:yyyy-MM-dd}", TillSyncJsonContext.Default.SalesBreakdown);
        Assert.Equal((2, cashSale.Totals.TotalPaise + upiSale.Totals.TotalPaise), (breakdown!.Sales, breakdown.TotalPaise));
        Assert.Equal([(PaymentMethods.Cash, cashSale.Totals.TotalPaise), (PaymentMethods.Upi, upiSale.Totals.TotalPaise)],
            breakdown.ByTender.Select(t => (t.Method, t.AmountPaise)));
        Assert.Equal((SeededStaff.Cashier.Name, 2), (Assert.Single(breakdown.ByCashier).Name, breakdown.ByCashier[0].Sales));
        Assert.Equal(2, breakdown.ByHour.Sum(h => h.Sales));
    }

    [Fact]
    public async Task SalesBreakdown_LeavesOutARejectedOrder()
    {
        var cashier = (await fixture.Manager.ListStaffAsync()).Single(s => s.Name == SeededStaff.Cashier.Name).StaffId;
        var till = await fixture.EnrolTillAsync();
        var good = Paid(till.Orders.Next([OrderFactory.Line("RICE-5KG", 1)]), PaymentMethods.Cash, cashier);
        var overpaid = Paid(till.Orders.Next([OrderFactory.Line("SOAP-125G", 1)]), PaymentMethods.Upi, cashier);
        overpaid = overpaid with { Payments = [new PaymentDto(PaymentMethods.Upi, overpaid.Totals.TotalPaise + 100)] };

        var reply = await till.SyncAsync([good, overpaid]);

        Assert.Equal([SyncStatus.Created, SyncStatus.Rejected], reply.Results.Select(r => r.Status));
        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);
        var day = good.CreatedAt.ToOffset(TimeSpan.FromMinutes(330));
        var breakdown = await client.GetFromJsonAsync($"/api/v1/shifts/sales?tillId={till.TillId}&date={day:yyyy-MM-dd}", TillSyncJsonContext.Default.SalesBreakdown);
        Assert.Equal((1, good.Totals.TotalPaise), (breakdown!.Sales, breakdown.TotalPaise));
        Assert.Equal([(PaymentMethods.Cash, good.Totals.TotalPaise)], breakdown.ByTender.Select(t => (t.Method, t.AmountPaise)));
        Assert.Equal(1, Assert.Single(breakdown.ByCashier).Sales);
    }

    [Fact]
    public async Task SalesBreakdown_WithoutADay_Is400()
    {
        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);

        using var response = await client.GetAsync(new Uri("/api/v1/shifts/sales", UriKind.Relative));

        Assert.Contains("date is required", await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, fixture.Hq), StringComparison.Ordinal);
    }

    private static OrderDto Paid(OrderDto order, string method, long cashierId) =>
        order with { Payments = [new PaymentDto(method, order.Totals.TotalPaise)], CashierId = cashierId };
}

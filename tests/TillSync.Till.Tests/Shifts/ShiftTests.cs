// Proves the till's side of shifts over its local API on a real HQ's snapshot: no sale or return outside an open shift,
// open / cash / close each idempotent on its request id, the Z report's figures from the shift's own documents, Z numbers
// consecutive, a restart resuming the open shift, and a shift left open past its IST business day warning. In-process
// tills on a fake clock where time matters; every shift document reaches HQ once.
using System.Net;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using TillSync.Till.Outbox;
using TillSync.Till.Sales;
using TillSync.Till.Shifts;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Shifts;

public sealed class ShiftTests
{
    [Fact]
    public async Task Sale_WithNoShiftOpen_Is409AndRecordsNothing()
    {
        await using var shop = await TillScenario.StartAsync();
        await using var till = await shop.StartInProcessTillAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        await till.Api.WaitOnlineAsync();
        var cashier = (await till.Api.StaffAsync()).Single(s => s.Name == SeededStaff.Cashier.Name);
        await till.Api.LogInAsync(cashier.StaffId, SeededStaff.Cashier.Pin!);

        var sale = await till.Api.PostSaleWithoutLoginAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 1)]));
        var cash = await till.Api.MoveCashRawAsync(new CashMovementRequest(Guid.CreateVersion7(), CashReasons.PickupToSafe, 50_000));
        var close = await till.Api.CloseShiftRawAsync(new CloseShiftRequest(Guid.CreateVersion7(), [], 0, 0));

        Assert.Contains("No shift is open", await Responses.ExpectProblemAsync(sale, HttpStatusCode.Conflict, till), StringComparison.Ordinal);
        await Responses.ExpectProblemAsync(cash, HttpStatusCode.Conflict, till);
        await Responses.ExpectProblemAsync(close, HttpStatusCode.Conflict, till);
        Assert.Empty(await till.Api.SalesAsync());
        Assert.False((await till.Api.StatusAsync()).ShiftOpen);
        Assert.Equal(0, (await till.Api.StatusAsync()).QueueDepth);
    }

    [Fact]
    public async Task Shift_OpenCashAndCloseRetried_EachRecordsOneDocument_AndTheZReportAddsUp()
    {
        await using var shop = await TillScenario.StartAsync();
        await using var till = await shop.StartInProcessTillAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        await till.Api.WaitOnlineAsync();
        var cashier = (await till.Api.StaffAsync()).Single(s => s.Name == SeededStaff.Cashier.Name);
        await till.Api.LogInAsync(cashier.StaffId, SeededStaff.Cashier.Pin!);
        var open = new OpenShiftRequest(Guid.CreateVersion7(), [new(50_000, 3), new(10_000, 5)]); // ₹2,000

        var opened = await till.Api.OpenShiftAsync(open);
        var openedAgain = await till.Api.OpenShiftAsync(open);
        var secondOpen = await till.Api.OpenShiftRawAsync(open with { RequestId = Guid.CreateVersion7() });
        var cashSale = await till.Api.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 1)]));
        var upiLines = new List<CartLine> { new("GHEE-1L", 1) };
        var upiSale = await till.Api.SellAsync(new SaleRequest(upiLines, [new Tender(PaymentMethods.Upi, Carts.ExpectedTotals(upiLines).TotalPaise)]));
        var pickup = new CashMovementRequest(Guid.CreateVersion7(), CashReasons.PickupToSafe, 50_000, "to the safe");
        var moved = await till.Api.MoveCashAsync(pickup);
        var movedAgain = await till.Api.MoveCashAsync(pickup);
        var reused = await till.Api.MoveCashRawAsync(pickup with { AmountPaise = 60_000 });
        var x = await till.Api.XReportAsync();
        var expectedCash = 200_000 + cashSale.Totals.TotalPaise - 50_000;
        var close = new CloseShiftRequest(Guid.CreateVersion7(), Count(expectedCash - 10_000), 0, upiSale.Totals.TotalPaise);
        var z = await till.Api.CloseShiftAsync(close);
        var zAgain = await till.Api.CloseShiftAsync(close);
        await till.Api.OpenShiftAsync(new OpenShiftRequest(Guid.CreateVersion7(), [new(50_000, 4)]));
        var second = await till.Api.CloseShiftAsync(new CloseShiftRequest(Guid.CreateVersion7(), [new(50_000, 4)], 0, 0));

        Assert.Equal(opened.Shift!.ShiftId, openedAgain.Shift!.ShiftId);
        Assert.Equal(200_000, opened.FloatPaise);
        await Responses.ExpectProblemAsync(secondOpen, HttpStatusCode.Conflict, till);
        Assert.Equal(moved.DocumentId, movedAgain.DocumentId);
        await Responses.ExpectProblemAsync(reused, HttpStatusCode.UnprocessableEntity, till);
        Assert.Equal((2, expectedCash, 1), (x.SaleCount, x.ExpectedCashPaise, x.CashMovements.Count));
        Assert.Null(x.Close);
        Assert.Equal(ShiftFigures.NoVoids, x.Voids);
        Assert.Equal(upiSale.Totals.TotalPaise, x.Expected.UpiPaise);
        Assert.Equal(JsonOf(z), JsonOf(zAgain));
        Assert.Equal((1L, 2L), (z.Close!.ZNumber, second.Close!.ZNumber));
        Assert.Equal([("cash", expectedCash, Denominations.TotalPaise(close.CashCounted) - expectedCash), ("card", 0, 0), ("upi", upiSale.Totals.TotalPaise, 0)],
            z.Close.Tenders.Select(t => (t.Tender, t.ExpectedPaise, t.VariancePaise)));
        Assert.Equal(SeededStaff.Cashier.Name, Assert.Single(z.SalesByCashier).Name);
        Assert.Equal(JsonOf(z), JsonOf(await till.Api.ZReportAsync(z.ShiftId)));
        Assert.Null((await till.Api.ShiftAsync()).Shift);
        // open, 2 sales, pickup, close; open, close: seven documents, each at HQ once.
        await till.Api.SyncNowAsync();
        await till.Api.WaitDrainedAsync();
        var atHq = await shop.Manager.ShiftsAsync($"tillId={shop.Till.TillId}");
        Assert.Equal(7, await till.Service<DocumentOutbox>().CountAsync(CancellationToken.None));
        Assert.Equal([(1L, Denominations.TotalPaise(close.CashCounted) - expectedCash, 50_000L), (2L, 0L, 0L)], atHq.Select(s => (s.ZNumber!.Value, s.CashVariancePaise!.Value, s.CashOutPaise)));
    }

    [Fact]
    public async Task Shift_TillRestart_ResumesTheOpenShift()
    {
        await using var shop = await TillScenario.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var till = await shop.StartInProcessTillAsync(time);
        await till.Api.WaitOnlineAsync();
        await till.Api.LogInSeededCashierAsync();
        var before = (await till.Api.ShiftAsync()).Shift!;
        await till.Api.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 1)]));

        await till.DisposeAsync();
        await using var restarted = await shop.StartInProcessTillAsync(time);
        var after = (await restarted.Api.ShiftAsync()).Shift;
        await restarted.Api.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 1)]));

        Assert.Equal(JsonOf(before), JsonOf(after));
        Assert.Equal(2, (await restarted.Api.XReportAsync()).SaleCount);
    }

    [Fact]
    public async Task Shift_OpenPastItsBusinessDay_WarnsOnStatusAndShift()
    {
        await using var shop = await TillScenario.StartAsync();
        // 22:00 IST: two hours and a minute later is the next business day.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 22, 0, 0, TimeSpan.FromHours(5.5)));
        await using var till = await shop.StartInProcessTillAsync(time);
        await till.Api.WaitOnlineAsync();
        await till.Api.LogInSeededCashierAsync();
        var sameDay = await till.Api.StatusAsync();

        time.Advance(TimeSpan.FromMinutes(121));

        Assert.Equal((true, null), (sameDay.ShiftOpen, sameDay.ShiftWarning));
        Assert.Contains("past its business day", (await till.Api.StatusAsync()).ShiftWarning, StringComparison.Ordinal);
        Assert.Contains("past its business day", (await till.Api.ShiftAsync()).Warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShiftRequests_BadInput_Are400AndRecordNothing()
    {
        await using var shop = await TillScenario.StartAsync();
        await using var till = await shop.StartInProcessTillAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        await till.Api.WaitOnlineAsync();
        var cashier = (await till.Api.StaffAsync()).Single(s => s.Name == SeededStaff.Cashier.Name);
        await till.Api.LogInAsync(cashier.StaffId, SeededStaff.Cashier.Pin!);

        var badNote = await till.Api.OpenShiftRawAsync(new OpenShiftRequest(Guid.CreateVersion7(), [new(70_000, 1)]));
        var twice = await till.Api.OpenShiftRawAsync(new OpenShiftRequest(Guid.CreateVersion7(), [new(50_000, 1), new(50_000, 2)]));
        await till.Api.OpenShiftAsync(new OpenShiftRequest(Guid.CreateVersion7(), [new(50_000, 4)]));
        var badReason = await till.Api.MoveCashRawAsync(new CashMovementRequest(Guid.CreateVersion7(), "lunch", 1_000));
        var zero = await till.Api.MoveCashRawAsync(new CashMovementRequest(Guid.CreateVersion7(), CashReasons.PettyCash, 0));
        var negativeSlips = await till.Api.CloseShiftRawAsync(new CloseShiftRequest(Guid.CreateVersion7(), [], -1, 0));

        Assert.Contains("not a count of an Indian note or coin", await Responses.ExpectProblemAsync(badNote, HttpStatusCode.BadRequest, till), StringComparison.Ordinal);
        Assert.Contains("at most once", await Responses.ExpectProblemAsync(twice, HttpStatusCode.BadRequest, till), StringComparison.Ordinal);
        await Responses.ExpectProblemAsync(badReason, HttpStatusCode.BadRequest, till);
        await Responses.ExpectProblemAsync(zero, HttpStatusCode.BadRequest, till);
        await Responses.ExpectProblemAsync(negativeSlips, HttpStatusCode.BadRequest, till);
        Assert.Empty((await till.Api.XReportAsync()).CashMovements);
        Assert.Equal(1, await till.Service<DocumentOutbox>().CountAsync(CancellationToken.None)); // the shift_open alone
    }

    // Records with lists compare by reference: compare what the API sends instead.
    private static string JsonOf<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, TillApi.JsonOptions);

    // A count of `paise` in ₹500 notes and ₹1 coins (to the rupee below).
    private static List<DenominationCountDto> Count(long paise) =>
        [new(50_000, (int)(paise / 50_000)), new(100, (int)(paise % 50_000 / 100))];
}

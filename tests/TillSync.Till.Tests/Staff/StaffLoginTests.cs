// Proves PIN login at the till over its local API, on a real HQ's snapshot: nothing is recorded without a logged-in
// cashier, five wrong PINs lock a cashier (across a restart) until a supervisor unlocks them, login works with HQ
// unreachable, the till locks after idling, and each document names the cashier logged in when it was saved — at HQ too.
using System.Net;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Staff;
using TillSync.Testing;
using TillSync.Till.Staff;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Staff;

public sealed class StaffLoginTests
{
    [Fact]
    public async Task Sale_WithNoCashierLoggedIn_Is401AndRecordsNothing()
    {
        await using var shop = await TillScenario.StartAsync();
        await using var till = await shop.StartInProcessTillAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        await till.Api.WaitOnlineAsync();

        var response = await till.Api.PostSaleWithoutLoginAsync(new Carts(1).Next());

        var detail = await Responses.ExpectProblemAsync(response, HttpStatusCode.Unauthorized, till);
        Assert.Contains("log in with your PIN", detail, StringComparison.Ordinal);
        Assert.Null((await till.Api.SessionAsync()).Cashier);
        Assert.Empty(await till.Api.SalesAsync());
    }

    [Fact]
    public async Task Login_FiveWrongPins_LocksTheCashierAcrossARestartUntilASupervisorUnlocks()
    {
        await using var shop = await TillScenario.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var till = await shop.StartInProcessTillAsync(time);
        await till.Api.WaitOnlineAsync();
        var staff = await till.Api.StaffAsync();
        var cashier = staff.Single(s => s.Name == SeededStaff.Cashier.Name).StaffId;
        var supervisor = staff.Single(s => s.Name == SeededStaff.Supervisor.Name).StaffId;
        var otherCashier = staff.Single(s => s.Name == SeededStaff.OtherCashier.Name).StaffId;

        var wrong = new List<string>();
        for (var i = 0; i < StaffLogin.WrongPinsMax - 1; i++)
        {
            wrong.Add(await Responses.ExpectProblemAsync(await till.Api.LogInRawAsync(cashier, "0000"), HttpStatusCode.Forbidden, till));
        }

        var fifth = await till.Api.LogInRawAsync(cashier, "0000");
        await Responses.ExpectProblemAsync(fifth, (HttpStatusCode)423, till);
        await till.DisposeAsync();
        till = await shop.StartInProcessTillAsync(time);
        await using var restarted = till;
        var lockedAfterRestart = (await till.Api.StaffAsync()).Single(s => s.StaffId == cashier).Locked;
        var rightPinWhileLocked = await till.Api.LogInRawAsync(cashier, SeededStaff.Cashier.Pin!);
        var byCashier = await till.Api.UnlockRawAsync(cashier, otherCashier, SeededStaff.OtherCashier.Pin!);
        var wrongSupervisorPin = await till.Api.UnlockRawAsync(cashier, supervisor, "1111");
        var unlocked = await till.Api.UnlockRawAsync(cashier, supervisor, SeededStaff.Supervisor.Pin!);

        Assert.Equal("Wrong PIN. 4 tries left before this staff member is locked on this till.", wrong[0]);
        Assert.Contains("1 try left", wrong[^1], StringComparison.Ordinal);
        await Responses.ExpectProblemAsync(rightPinWhileLocked, (HttpStatusCode)423, till);
        Assert.True(lockedAfterRestart);
        await Responses.ExpectProblemAsync(byCashier, HttpStatusCode.Forbidden, till);
        await Responses.ExpectProblemAsync(wrongSupervisorPin, HttpStatusCode.Forbidden, till);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.False((await till.Api.StaffAsync()).Single(s => s.StaffId == cashier).Locked);
        Assert.Equal(cashier, (await till.Api.LogInAsync(cashier, SeededStaff.Cashier.Pin!)).Cashier!.StaffId);
    }

    [Fact]
    public async Task Login_WithHqUnreachable_WorksFromTheSnapshot_AndEachDocumentNamesItsCashier()
    {
        await using var shop = await TillScenario.StartAsync();
        await using var till = await shop.StartInProcessTillAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        await till.Api.WaitOnlineAsync();
        var staff = await till.Api.StaffAsync();
        var first = staff.Single(s => s.Name == SeededStaff.Cashier.Name);
        var second = staff.Single(s => s.Name == SeededStaff.OtherCashier.Name);
        var carts = new Carts(7);

        shop.Link.SetMode(LinkMode.Refuse);
        await till.Api.LogInAsync(first.StaffId, SeededStaff.Cashier.Pin!);
        var before = await till.Api.SellAsync(carts.Next());
        await till.Api.LogInAsync(second.StaffId, SeededStaff.OtherCashier.Pin!);
        var after = await till.Api.SellAsync(carts.Next());
        shop.Link.SetMode(LinkMode.Pass);
        await till.Api.SyncNowAsync();
        await till.Api.WaitDrainedAsync();

        var orders = await shop.HqOrdersAsync();
        Assert.Equal([(before.ClientOrderId, first.StaffId, first.Name), (after.ClientOrderId, second.StaffId, second.Name)],
            orders.Select(o => (o.ClientOrderId, o.Order.CashierId!.Value, o.Cashier!)));
    }

    [Fact]
    public async Task Session_IdleFor5Minutes_LocksAndTheNextSaleIs401()
    {
        await using var shop = await TillScenario.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var till = await shop.StartInProcessTillAsync(time);
        await till.Api.WaitOnlineAsync();
        var cashier = (await till.Api.StaffAsync()).Single(s => s.Name == SeededStaff.Cashier.Name);
        await till.Api.LogInAsync(cashier.StaffId, SeededStaff.Cashier.Pin!);

        time.Advance(CashierSession.IdleLockDefault - TimeSpan.FromSeconds(1));
        var stillIn = (await till.Api.SessionAsync()).Cashier;
        await till.Api.SellAsync(new Carts(3).Next());
        time.Advance(CashierSession.IdleLockDefault);
        var locked = await till.Api.SessionAsync();
        var refused = await till.Api.PostSaleWithoutLoginAsync(new Carts(4).Next());

        Assert.Equal(cashier.StaffId, stillIn?.StaffId);
        Assert.Null(locked.Cashier);
        Assert.Equal((int)CashierSession.IdleLockDefault.TotalSeconds, locked.IdleLockSeconds);
        await Responses.ExpectProblemAsync(refused, HttpStatusCode.Unauthorized, till);
        Assert.Single(await till.Api.SalesAsync());
    }

    [Fact]
    public async Task Staff_ListedForTheLoginScreen_HasNoPinOrHash()
    {
        await using var shop = await TillScenario.StartAsync();
        await using var till = await shop.StartInProcessTillAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        await till.Api.WaitOnlineAsync();
        using var http = new HttpClient { BaseAddress = till.Api.BaseAddress };

        var json = await http.GetStringAsync(new Uri("/api/staff", UriKind.Relative));

        Assert.Contains(SeededStaff.Cashier.Name, json, StringComparison.Ordinal);
        Assert.Contains(StaffRoles.Supervisor, json, StringComparison.Ordinal);
        Assert.All(SeededStaff.All, s => Assert.DoesNotContain(s.Pin!, json, StringComparison.Ordinal));
        Assert.DoesNotContain("pinHash", json, StringComparison.OrdinalIgnoreCase);
    }
}

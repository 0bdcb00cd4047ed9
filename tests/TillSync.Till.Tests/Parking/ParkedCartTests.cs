// Proves parked carts over the till's local API on a real HQ's snapshot: several park at once, a retried park or resume
// answers the same cart and parks nothing more, another body under a used id and a bad line are refused and park nothing,
// nothing parks without a cashier, parked carts survive a restart and never reach HQ, and the Z report lists those left.
using System.Net;
using Microsoft.Extensions.Time.Testing;
using TillSync.Testing;
using TillSync.Till.Parking;
using TillSync.Till.Sales;
using TillSync.Till.Shifts;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Parking;

public sealed class ParkedCartTests
{
    [Fact]
    public async Task Park_SeveralRetriedAndRefused_SurviveARestart_ResumeOnce_AndTheZReportListsTheRest()
    {
        await using var shop = await TillScenario.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var till = await shop.StartInProcessTillAsync(time);
        await till.Api.WaitOnlineAsync();
        var withoutCashier = await till.Api.ParkRawAsync(new ParkRequest(Guid.CreateVersion7(), [new("RICE-5KG", 1)]));
        await till.Api.LogInSeededCashierAsync();
        var rice = new ParkRequest(Guid.CreateVersion7(), [new("RICE-5KG", 2), new("SOAP-125G", 1)], "  blue shirt  ");
        var ghee = new ParkRequest(Guid.CreateVersion7(), [new("GHEE-1L", 1)]);

        var parked = await till.Api.ParkAsync(rice);
        var parkedAgain = await till.Api.ParkAsync(rice);
        await till.Api.ParkAsync(ghee);
        time.Advance(TimeSpan.FromSeconds(1));
        var reused = await till.Api.ParkRawAsync(rice with { Lines = [new("RICE-5KG", 3)] });
        var badQty = await till.Api.ParkRawAsync(new ParkRequest(Guid.CreateVersion7(), [new("RICE-5KG", 0)]));
        var empty = await till.Api.ParkRawAsync(new ParkRequest(Guid.CreateVersion7(), []));

        await Responses.ExpectProblemAsync(withoutCashier, HttpStatusCode.Unauthorized, till);
        Assert.Equal((rice.RequestId, "blue shirt", SeededStaff.Cashier.Name), (parked.ParkId, parked.Note, parked.ParkedBy));
        Assert.Equal(JsonOf(parked), JsonOf(parkedAgain));
        await Responses.ExpectProblemAsync(reused, HttpStatusCode.UnprocessableEntity, till);
        Assert.Contains("Line 1", await Responses.ExpectProblemAsync(badQty, HttpStatusCode.BadRequest, till), StringComparison.Ordinal);
        await Responses.ExpectProblemAsync(empty, HttpStatusCode.BadRequest, till);
        Assert.Equal([rice.RequestId, ghee.RequestId], (await till.Api.ParkedAsync()).Select(c => c.ParkId));

        await till.DisposeAsync();
        await using var restarted = await shop.StartInProcessTillAsync(time);
        await restarted.Api.LogInSeededCashierAsync();
        var afterRestart = await restarted.Api.ParkedAsync();
        var resumed = await restarted.Api.ResumeRawAsync(rice.RequestId);
        var resumedAgain = await restarted.Api.ResumeRawAsync(rice.RequestId);
        var unknown = await restarted.Api.ResumeRawAsync(Guid.CreateVersion7());

        Assert.Equal([(rice.RequestId, 2), (ghee.RequestId, 1)], afterRestart.Select(c => (c.ParkId, c.Lines.Count)));
        Assert.Equal([new ParkedLine("RICE-5KG", 2), new ParkedLine("SOAP-125G", 1)], afterRestart[0].Lines);
        var cart = await Responses.ExpectAsync(resumed, HttpStatusCode.OK, TillSync.Till.Web.TillJsonContext.Default.ParkedCart, restarted);
        var cartAgain = await Responses.ExpectAsync(resumedAgain, HttpStatusCode.OK, TillSync.Till.Web.TillJsonContext.Default.ParkedCart, restarted);
        Assert.NotNull(cart.ResumedAt);
        Assert.Equal(JsonOf(cart), JsonOf(cartAgain));
        await Responses.ExpectProblemAsync(unknown, HttpStatusCode.NotFound, restarted);
        Assert.Equal([ghee.RequestId], (await restarted.Api.ParkedAsync()).Select(c => c.ParkId));

        await restarted.Api.SellAsync(Carts.PaidInCash([.. cart.Lines.Select(l => new CartLine(l.Sku, l.Qty))]));
        var z = await restarted.Api.CloseShiftAsync(new CloseShiftRequest(Guid.CreateVersion7(), [new(50_000, 4)], 0, 0));

        Assert.Equal([ghee.RequestId], z.ParkedCarts!.Select(c => c.ParkId));
        Assert.Equal([ghee.RequestId], (await restarted.Api.ZReportAsync(z.ShiftId)).ParkedCarts!.Select(c => c.ParkId));
        await restarted.Api.WaitDrainedAsync();
        var atHq = await shop.HqOrdersAsync();
        Assert.Single(atHq); // the sale of the resumed cart; parking sent nothing
    }

    private static string JsonOf<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, TillApi.JsonOptions);
}

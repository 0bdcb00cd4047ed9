// Proves kill -9 of the till while it syncs shift and cash documents loses none and books none twice: three shifts with
// pickups, sales and blind counts made with HQ down, then the till process SIGKILLed at seeded random moments while it
// drains (its batches in flight), restarted each time; HQ then holds each shift once, its Z numbers 1 to 3, its own count
// agreeing with the till's, and each pickup and variance journal entry once.
using TillSync.Contracts.Documents;
using TillSync.Testing;
using TillSync.Till.Shifts;
using TillSync.Till.Tests.Harness;
using Xunit.Abstractions;

namespace TillSync.Till.Tests.Shifts;

public sealed class ShiftCrashTests(ITestOutputHelper log)
{
    private const int Shifts = 3;
    private const int SalesPerShift = 40;
    private const int KillRounds = 5;

    [Fact]
    public async Task Drain_ShiftDocumentsWithTheTillKilledWhileSyncing_ReachHqOnce()
    {
        await using var shop = await TillScenario.StartAsync();
        var till = await shop.StartTillProcessAsync();
        await till.Api.WaitOnlineAsync();
        var seed = Environment.GetEnvironmentVariable("TILLSYNC_SEED") is { Length: > 0 } replay ? int.Parse(replay, System.Globalization.CultureInfo.InvariantCulture) : Random.Shared.Next();
        var random = new Random(seed);
        var carts = new Carts(seed);
        log.WriteLine($"seed {seed} (TILLSYNC_SEED={seed} replays the choices)");
        shop.Hq.KillHard();

        var zReports = new List<ShiftReport>();
        for (var shift = 0; shift < Shifts; shift++)
        {
            await till.Api.LogInSeededCashierAsync(); // opens the shift with the harness's float
            for (var i = 0; i < SalesPerShift; i++)
            {
                await till.Api.SellAsync(carts.Next());
                if (i % 15 == 14)
                {
                    await till.Api.MoveCashAsync(new CashMovementRequest(Guid.CreateVersion7(), CashReasons.PickupToSafe, 10_000 * (shift + 1)));
                }
            }

            var expectedCash = (await till.Api.XReportAsync()).ExpectedCashPaise;
            zReports.Add(await till.Api.CloseShiftAsync(new CloseShiftRequest(Guid.CreateVersion7(), [new(100, (int)(expectedCash / 100) - 100 * shift)], 0, 0)));
        }

        await shop.StartHqAgainAsync();
        for (var round = 1; round <= KillRounds; round++)
        {
            await till.RestartAsync();
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 400))); // a seeded moment of the drain, not a wait for it
            till.KillHard();
            log.WriteLine($"round {round}: HQ holds {(await shop.Manager.GetTillAsync(shop.Till.TillId)).NextSeq - 1} documents");
        }

        await till.RestartAsync();
        await till.Api.WaitDrainedAsync(TimeSpan.FromSeconds(60));

        var atHq = await shop.Manager.ShiftsAsync($"tillId={shop.Till.TillId}");
        Assert.Equal(zReports.Select(z => (z.ShiftId, z.Close!.ZNumber, z.Close.Tenders[0].VariancePaise, z.Expected.CashOutPaise)),
            atHq.Select(s => (s.ShiftId, s.ZNumber!.Value, s.CashVariancePaise!.Value, s.CashOutPaise)));
        Assert.All(atHq, s => Assert.False(s.ExpectedDiffers, $"HQ counted {s.HqExpected} where the till expected {s.Expected}"));
        var journal = await new LedgerClient(shop.Hq).JournalAsync();
        var refs = journal.Where(e => e.Kind is "cash_movement" or "cash_variance").Select(e => e.Ref).ToList();
        Assert.Equal(refs.Distinct().Count(), refs.Count);
        // The pickups, and the variance of each shift not counted exactly.
        Assert.Equal(Shifts * (SalesPerShift / 15) + zReports.Count(z => z.Close!.Tenders[0].VariancePaise != 0), refs.Count);
    }
}

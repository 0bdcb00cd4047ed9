// Proves a stock receipt is applied once however often HQ is SIGKILLed under it: each receipt is sent, HQ is killed at a
// random moment (before, during or after its commit), restarted on the same database, and the manager's client retries
// with the same Idempotency-Key until it has an answer; on-hand, the journal and the audit log then count each receipt once.
using System.Net;
using TillSync.Contracts.Idempotency;
using TillSync.Testing;
using Xunit.Abstractions;

namespace TillSync.Hq.Tests.Idempotency;

public sealed class KilledWriteTests(ITestOutputHelper log)
{
    private const int Receipts = 6;
    private const int AttemptsMax = 5;

    [Fact]
    public async Task StockReceipts_HqKilledUnderEachAndRetried_EachCountedOnce()
    {
        await using var hq = await HqProcess.StartAsync();
        await HqScenario.SetUpAsync(hq);
        var manager = new ManagerClient(hq);
        var seed = Environment.TickCount;
        var random = new Random(seed);
        log.WriteLine($"store {TestStore.Name}, seed {seed}");
        var onHandBefore = await manager.OnHandAsync("RICE-5KG");
        var before = await ManagerFootprint.CaptureAsync(hq);
        var received = 0;

        for (var round = 1; round <= Receipts; round++)
        {
            var write = ManagerWrite.All["stock receipt"](round);
            var key = IdempotencyKey.New();
            var delay = TimeSpan.FromMilliseconds(random.Next(0, 120));
            var sent = write.SendAsync(hq.BaseAddress, hq.AdminToken, key);
            await Task.WhenAny(sent, Task.Delay(delay));
            hq.KillHard();
            var outcome = await OutcomeAsync(sent);
            await hq.StartAgainAsync();

            var attempts = 0;
            HttpResponseMessage? answer = null;
            while (answer is null && ++attempts <= AttemptsMax)
            {
                answer = await TrySendAsync(write, hq, key);
            }

            Assert.NotNull(answer);
            using (answer)
            {
                Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
                log.WriteLine($"round {round}: killed after {delay.TotalMilliseconds} ms, {outcome}; retry answered {(int)answer.StatusCode}"
                    + (answer.Headers.Contains(IdempotencyKey.ReplayedHeaderName) ? " (replayed)" : " (applied now)"));
            }

            received += round;
        }

        var after = await ManagerFootprint.CaptureAsync(hq);
        Assert.Equal(onHandBefore + received, await manager.OnHandAsync("RICE-5KG"));
        Assert.Equal(Enumerable.Repeat("stock.receipt", Receipts), after.ActionsSince(before).Where(a => a != "admin-token.set"));
        Assert.Equal(before.JournalEntries + Receipts, after.JournalEntries);
    }

    private static async Task<string> OutcomeAsync(Task<HttpResponseMessage> sent)
    {
        try
        {
            using var response = await sent;
            return $"answered {(int)response.StatusCode} before the kill";
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            return "no answer";
        }
    }

    private static async Task<HttpResponseMessage?> TrySendAsync(ManagerWrite write, HqProcess hq, string key)
    {
        try
        {
            return await write.SendAsync(hq.BaseAddress, hq.AdminToken, key);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}

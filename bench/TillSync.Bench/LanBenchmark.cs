using System.Diagnostics;
using System.Globalization;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using TillSync.Till.Sales;

namespace TillSync.Bench;

/// <summary>"A sale at till A is visible at till B" over the store LAN (issue 25: p99 ≤ 2 s): two real <c>tillsync till</c>
/// processes on loopback, peers of each other, HQ unreachable (<see cref="StoreLan"/>). For each of N sales, one after
/// another, the time from A's answer to the sale until B's <c>GET /api/peers</c> shows it holds A's entry, polled every
/// <see cref="PollEvery"/> (which bounds the figures' resolution).</summary>
internal static class LanBenchmark
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(5);

    public static async Task<int> RunAsync(int sales)
    {
        await using var lan = await StoreLan.StartAsync();
        var sale = new SaleRequest([new CartLine("RICE-5KG", 1)], [new Tender(PaymentMethods.Cash, 10_000_000)]);
        // One sale unmeasured: both tills' first exchange and the JIT.
        var warm = await lan.A.Api.SellAsync(sale);
        await StoreLan.WaitHeldAsync(lan.B, lan.TillA.TillId, warm.TillSeq);
        var millis = new List<double>(sales);
        for (var i = 0; i < sales; i++)
        {
            var receipt = await lan.A.Api.SellAsync(sale);
            var clock = Stopwatch.StartNew();
            while (!(await StoreLan.PeersAsync(lan.B)).Held.Any(h => h.TillId == lan.TillA.TillId && h.TillSeq >= receipt.TillSeq))
            {
                await Task.Delay(PollEvery);
            }

            millis.Add(clock.Elapsed.TotalMilliseconds);
        }

        millis.Sort();
        double At(double q) => millis[Math.Min(millis.Count - 1, (int)Math.Ceiling(q * millis.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| sale at A visible at B ({sales} sales, loopback, HQ unreachable) | {At(0.5):0.0} | {At(0.99):0.0} | {millis[^1]:0.0} |"));
        return 0;
    }
}

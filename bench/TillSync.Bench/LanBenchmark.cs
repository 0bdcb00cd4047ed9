using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using TillSync.Till.Peers;
using TillSync.Till.Sales;

namespace TillSync.Bench;

/// <summary>"A sale at till A is visible at till B" over the store LAN (issue 25: p99 ≤ 2 s): two real <c>tillsync till</c>
/// processes, peers of each other, HQ unreachable — on loopback (<see cref="StoreLan"/>), or with <c>--netns</c> each in a
/// network namespace of its own joined by veth pairs to a bridge (<see cref="NamespacedStoreLan"/>). For each of N sales,
/// one after another, the time from A's answer to the sale until B's <c>GET /api/peers</c> shows it holds A's entry,
/// polled every <see cref="PollEvery"/> (which bounds the figures' resolution).</summary>
internal static class LanBenchmark
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(5);

    public static async Task<int> RunAsync(int sales, bool namespaces)
    {
        Console.WriteLine($"Machine: {Machine.Describe()}; load average {Machine.LoadAverage()}");
        if (namespaces)
        {
            await using var lan = await NamespacedStoreLan.StartAsync();
            await MeasureAsync(sales, lan.A, lan.B, lan.TillA.TillId, "a network namespace per till, veths to a bridge");
        }
        else
        {
            await using var lan = await StoreLan.StartAsync();
            await MeasureAsync(sales, lan.A.Api, lan.B.Api.BaseAddress, lan.TillA.TillId, "loopback");
        }

        Console.WriteLine($"Load average after: {Machine.LoadAverage()}");
        return 0;
    }

    private static async Task MeasureAsync(int sales, TillApi a, Uri b, long tillAId, string network)
    {
        using var peersOfB = new HttpClient { BaseAddress = b, Timeout = Patience.Request };
        async Task<bool> HeldAtBAsync(long tillSeq) =>
            (await peersOfB.GetFromJsonAsync("/api/peers", PeerJsonContext.Default.PeerStatusView))!.Held.Any(h => h.TillId == tillAId && h.TillSeq >= tillSeq);

        var sale = new SaleRequest([new CartLine("RICE-5KG", 1)], [new Tender(PaymentMethods.Cash, 10_000_000)]);
        // One sale unmeasured: both tills' first exchange and the JIT.
        var warm = await a.SellAsync(sale);
        await Eventually.UntilAsync(() => HeldAtBAsync(warm.TillSeq), held => held, Patience.Exchanges, $"till B holds till A's entry {warm.TillSeq}");
        var millis = new List<double>(sales);
        for (var i = 0; i < sales; i++)
        {
            var receipt = await a.SellAsync(sale);
            var clock = Stopwatch.StartNew();
            while (!await HeldAtBAsync(receipt.TillSeq))
            {
                // A till that died mid-run must end the bench (and so remove its namespaces), not hang it.
                if (clock.Elapsed > Patience.Exchanges)
                {
                    throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                        $"till B did not hold till A's entry {receipt.TillSeq} within {Patience.Exchanges.TotalSeconds:0} s"));
                }

                await Task.Delay(PollEvery);
            }

            millis.Add(clock.Elapsed.TotalMilliseconds);
        }

        millis.Sort();
        double At(double q) => millis[Math.Min(millis.Count - 1, (int)Math.Ceiling(q * millis.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| sale at A visible at B ({sales} sales, {network}, HQ unreachable) | {At(0.5):0.0} | {At(0.99):0.0} | {millis[^1]:0.0} |"));
    }
}

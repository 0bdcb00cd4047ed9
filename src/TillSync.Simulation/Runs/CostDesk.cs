using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts;
using TillSync.Contracts.Catalog;
using TillSync.Simulation.Nodes;
using TillSync.Simulation.Shop;

namespace TillSync.Simulation.Runs;

/// <summary>The manager changing products' costs in HQ's catalogue (<c>POST /api/v1/products</c>, the price as the
/// catalogue desk last set it) on the simulated clock, racing the tills' syncs: sales billed before the change reach HQ
/// after it, oversold stock waits for its review, and a till offline for hours sells on. HQ revalues the stock on hand in
/// the change's transaction (ADR 0024), which <c>inventory_at_cost</c> checks at the end: the inventory account = Σ on-hand ×
/// cost. Now and then a change goes out again with the same Idempotency-Key, as a manager whose answer was lost resends
/// it, and once in a while the manager saves a product with its cost unchanged; neither may revalue anything. Every
/// decision comes from its own seeded <see cref="Random"/>, so the rest of a seed's shop is drawn as before this desk.</summary>
public sealed class CostDesk(FakeTimeProvider clock, Random random, Timeline queue, Trace trace, HqNode hq, CatalogueDesk catalogue)
{
    // About one cost change every three hours of the shop's day.
    private static readonly TimeSpan ChangeIntervalMean = TimeSpan.FromHours(3);
    private const double ResentShare = 0.2;
    private const double UnchangedShare = 0.1;

    private int _changes;
    private int _resent;
    private int _unchanged;

    /// <summary>What the desk did, by name, in report order.</summary>
    public IEnumerable<(string What, int Count)> Counts =>
    [
        ("costs: cost changed at HQ", _changes),
        ("costs: change resent with its Idempotency-Key", _resent),
        ("costs: product saved with its cost unchanged", _unchanged),
    ];

    /// <summary>Schedules the first change.</summary>
    public void Open() => queue.Schedule(Now + Exponential(ChangeIntervalMean), SimEventKind.PriceChange, ChangeAsync);

    private DateTimeOffset Now => clock.GetUtcNow();

    private TimeSpan Exponential(TimeSpan mean) => mean * -Math.Log(1 - random.NextDouble());

    // The cost of one to three products moves by −20 % to +25 %, to the paisa; nothing while HQ is down (the page does
    // not load).
    private async Task ChangeAsync()
    {
        if (hq.IsUp)
        {
            var unchanged = random.NextDouble() < UnchangedShare;
            var changed = Enumerable.Range(0, random.Next(1, 4)).Select(_ => SimCatalog.Products[random.Next(SimCatalog.Products.Count)].Sku)
                .Distinct(StringComparer.Ordinal).Select(catalogue.Product)
                .Select(p => unchanged ? p : p with { CostPaise = Math.Max(100, checked(p.CostPaise * random.Next(80, 126) / 100)) })
                .ToList();
            var key = hq.NextOperationKey();
            await UpsertAsync(changed, key);
            if (random.NextDouble() < ResentShare)
            {
                await UpsertAsync(changed, key);
                _resent++;
            }

            foreach (var product in changed)
            {
                catalogue.Adopt(product);
            }

            _changes += unchanged ? 0 : changed.Count;
            _unchanged += unchanged ? changed.Count : 0;
            trace.Add(Now, string.Create(CultureInfo.InvariantCulture,
                $"cost {(unchanged ? "saved unchanged" : "change")} at HQ: {string.Join(", ", changed.Select(p => $"{p.Sku} {p.CostPaise}p"))}"));
        }

        queue.Schedule(Now + Exponential(ChangeIntervalMean), SimEventKind.PriceChange, ChangeAsync);
    }

    private async Task UpsertAsync(IReadOnlyList<ProductDto> products, string key)
    {
        using var response = await hq.ManagerSendAsync(HttpMethod.Post, "/api/v1/products",
            JsonContent.Create(products, TillSyncJsonContext.Default.IReadOnlyListProductDto), key, CancellationToken.None);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"HQ refused a simulated cost change: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
        }
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts;
using TillSync.Contracts.Pricing;
using TillSync.Simulation.Nodes;
using TillSync.Simulation.Shop;

namespace TillSync.Simulation.Runs;

/// <summary>The manager running promotions at HQ (<c>POST /api/v1/promotions</c>, <c>POST /api/v1/promotions/{id}/end</c>;
/// docs/pricing.md, "Promotions") on the simulated clock while the tills sell: a scheduled price, a buy-N-get-M or a
/// bill-value discount every half hour or so while the shop sells, some starting later, three in five ended early within
/// hours. Each create and end races the tills' syncs: a till cut off, or between two syncs, keeps selling under a
/// promotion HQ has ended, and HQ must commit those sales quietly (<c>promotions_judged_by_the_till</c>). The tills learn
/// of them in their snapshots and deltas and apply them offline. Draws from its own seeded <see cref="Random"/>, so the
/// shop's stream is drawn as before.</summary>
public sealed class PromotionDesk(FakeTimeProvider clock, Random random, Timeline queue, Trace trace, HqNode hq)
{
    // A promotion every half hour or so while the shop sells: a busy seed sells its orders in a few hours.
    private static readonly TimeSpan CreateIntervalMean = TimeSpan.FromMinutes(30);

    // An early end comes within this of the create (or before the promotion runs out), while the tills still sell.
    private static readonly TimeSpan EndWithin = TimeSpan.FromHours(3);
    private static readonly TimeSpan HqDownDelay = TimeSpan.FromMinutes(5);

    // Of the promotions created, the share the manager ends before they run out.
    private const double EndsEarlyShare = 0.6;

    // The wholesale lots' product takes no line promotion, so that a lot stays above the e-way bill's ₹50,000
    // (WholesaleDesk); a bill-value discount takes at most ₹150 off it.
    private const string WholesaleSku = "GHEE-1L";
    private const long BillOffPaiseMax = 15_000;

    private readonly Dictionary<string, int> _counts = [];
    private int _created;
    private Func<bool> _shopClosed = () => false;

    /// <summary>What the desk did, by name, in report order.</summary>
    public IEnumerable<(string What, int Count)> Counts => _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value));

    /// <summary>Schedules the first promotion; none is created once <paramref name="shopClosed"/> says every sale is
    /// recorded (a run that waits days for a till to come back would otherwise pile up promotions nobody sells under).</summary>
    public void Open(Func<bool> shopClosed)
    {
        _shopClosed = shopClosed;
        queue.Schedule(Now + Exponential(CreateIntervalMean), SimEventKind.Promotion, CreateAsync);
    }

    private DateTimeOffset Now => clock.GetUtcNow();

    private TimeSpan Exponential(TimeSpan mean) => mean * -Math.Log(1 - random.NextDouble());

    private async Task CreateAsync()
    {
        if (_shopClosed())
        {
            return;
        }

        if (!hq.IsUp)
        {
            queue.Schedule(Now + HqDownDelay, SimEventKind.Promotion, CreateAsync);
            return;
        }

        var request = NextRequest();
        using var response = await hq.ManagerSendAsync(HttpMethod.Post, "/api/v1/promotions",
            JsonContent.Create(request, TillSyncJsonContext.Default.PromotionRequest), CancellationToken.None);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"HQ refused a simulated promotion: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var created = (await response.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.PromotionDto))!;
        Count($"promotion: {created.Kind} created at HQ");
        trace.Add(Now, string.Create(CultureInfo.InvariantCulture,
            $"promotion {created.Id} {created.Kind} at HQ: {string.Join(",", created.Skus)} {created.ValidFrom:HH:mm}–{created.ValidTo:dd HH:mm}"));
        if (random.NextDouble() < EndsEarlyShare)
        {
            var endAt = Now + ((created.ValidTo - Now < EndWithin ? created.ValidTo - Now : EndWithin) * random.NextDouble());
            queue.Schedule(endAt, SimEventKind.Promotion, () => EndAsync(created.Id));
        }

        queue.Schedule(Now + Exponential(CreateIntervalMean), SimEventKind.Promotion, CreateAsync);
    }

    private async Task EndAsync(long id)
    {
        if (!hq.IsUp)
        {
            queue.Schedule(Now + HqDownDelay, SimEventKind.Promotion, () => EndAsync(id));
            return;
        }

        using var response = await hq.ManagerSendAsync(HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"/api/v1/promotions/{id}/end"),
            new StringContent("{}", Encoding.UTF8, "application/json"), CancellationToken.None);
        // 409: the promotion ran out while HQ was down and the manager waited.
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Conflict))
        {
            throw new InvalidOperationException($"HQ refused to end simulated promotion {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var ended = response.StatusCode == HttpStatusCode.OK;
        Count(ended ? "promotion: ended early at HQ" : "promotion: already over when the manager ended it");
        trace.Add(Now, string.Create(CultureInfo.InvariantCulture, $"promotion {id} {(ended ? "ended early at HQ" : "already over")}"));
    }

    // One promotion of a random kind, starting now or within the hour and running 1 to 24 hours (some long enough to outlast
    // a till's outage of hours, so that a till cut off sells under one HQ ended), on the shelf goods.
    private PromotionRequest NextRequest()
    {
        var from = Now + TimeSpan.FromMinutes(random.Next(0, 61));
        var to = from + TimeSpan.FromHours(random.Next(1, 25));
        var name = string.Create(CultureInfo.InvariantCulture, $"Sim offer {++_created}");
        var goods = SimCatalog.Products.Where(p => p.Sku != WholesaleSku).ToList();
        switch (random.Next(3))
        {
            case 0:
                // 5 to 25 % below the catalogue's first price, to the rupee; after a price cut the till may find it no lower and skip it.
                var product = goods[random.Next(goods.Count)];
                return new PromotionRequest(name, PromotionKinds.ScheduledPrice, null, from, to, [product.Sku],
                    PricePaise: Math.Max(100, product.PricePaise * random.Next(75, 96) / 100 / 100 * 100));
            case 1:
                var packed = goods.Where(p => !SimCatalog.IsLoose(p.Unit)).ToList();
                var skus = Enumerable.Range(0, random.Next(1, 4)).Select(_ => packed[random.Next(packed.Count)].Sku).Distinct(StringComparer.Ordinal).ToList();
                return new PromotionRequest(name, PromotionKinds.BuyGet, null, from, to, skus, BuyQty: random.Next(1, 4), GetQty: 1);
            default:
                var thresholdPaise = random.Next(5, 21) * 10_000L;
                return random.NextDouble() < 0.5
                    ? new PromotionRequest(name, PromotionKinds.BillValue, null, from, to, null, ThresholdPaise: thresholdPaise, OffPaise: random.Next(2, 16) * 1_000L)
                    : new PromotionRequest(name, PromotionKinds.BillValue, null, from, to, null, ThresholdPaise: thresholdPaise, OffBp: random.Next(2, 11) * 100,
                        CapPaise: BillOffPaiseMax);
        }
    }

    private void Count(string what) => _counts[what] = _counts.GetValueOrDefault(what) + 1;
}

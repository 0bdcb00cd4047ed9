using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Tills;
using TillSync.Core.Pricing;
using TillSync.Simulation.Nodes;
using TillSync.Simulation.Shop;
using TillSync.Till.Receipts;
using TillSync.Till.Sales;

namespace TillSync.Simulation.Runs;

/// <summary>The manager changing prices in HQ's catalogue (<c>POST /api/v1/products</c>) while the tills sell from the
/// catalogue they last fetched: between their syncs, while documents billed at the old price are still on their way, and
/// while a till is cut off for hours or days. The desk notes the price each sale was billed at, from the till's own
/// catalogue at that moment, for the <c>billed_price_kept</c> invariant; every decision comes from its seeded
/// <see cref="Random"/>.</summary>
public sealed class CatalogueDesk(FakeTimeProvider clock, Random random, Trace trace, HqNode hq)
{
    private readonly Dictionary<string, ProductDto> _products = SimCatalog.Products.ToDictionary(p => p.Sku, StringComparer.Ordinal);
    private readonly List<PriceChange> _changes = [];
    private readonly Dictionary<Guid, BilledSale> _billed = [];
    private int _billedStale;

    /// <summary>Every price change at HQ, in order.</summary>
    public IReadOnlyList<PriceChange> Changes => _changes;

    /// <summary>Each sale rung up (an exchange's new sale too), by its id.</summary>
    public IReadOnlyDictionary<Guid, BilledSale> Sales => _billed;

    /// <summary>What the desk did, by name, in report order.</summary>
    public IEnumerable<(string What, int Count)> Counts =>
    [
        ("catalogue: price changed at HQ", _changes.Count),
        ("catalogue: sale billed at a price HQ had since changed", _billedStale),
    ];

    /// <summary>The product as HQ's catalogue holds it now (the manager's page shows it so).</summary>
    public ProductDto Product(string sku) => _products[sku];

    /// <summary>Takes in a change another desk made at HQ (<see cref="CostDesk"/>), so that a later price change sends it
    /// as it stands.</summary>
    public void Adopt(ProductDto product) => _products[product.Sku] = product;

    /// <summary>The manager changes the price of one to three products by −20 % to +25 %, to the rupee; nothing while HQ is down.</summary>
    public async Task ChangePricesAsync(CancellationToken cancellationToken)
    {
        if (!hq.IsUp)
        {
            return;
        }

        var changed = Enumerable.Range(0, random.Next(1, 4)).Select(_ => SimCatalog.Products[random.Next(SimCatalog.Products.Count)].Sku)
            .Distinct(StringComparer.Ordinal).Select(sku => _products[sku])
            .Select(p => p with { PricePaise = Math.Max(100, p.PricePaise * random.Next(80, 126) / 100 / 100 * 100) })
            .ToList();
        await Manager.UpsertProductsAsync(hq, changed, cancellationToken);
        foreach (var product in changed)
        {
            _products[product.Sku] = product;
            _changes.Add(new PriceChange(clock.GetUtcNow(), product.Sku, product.PricePaise));
        }

        trace.Add(clock.GetUtcNow(), string.Create(CultureInfo.InvariantCulture,
            $"price change at HQ: {string.Join(", ", changed.Select(p => $"{p.Sku} {p.PricePaise}p"))}"));
    }

    /// <summary>Notes the prices <paramref name="till"/>'s catalogue held for the goods on <paramref name="receipt"/>: the
    /// catalogue's, or the scheduled price of a promotion of its snapshot that priced the line.</summary>
    public void Rang(TillNode till, Receipt receipt)
    {
        var snapshot = till.Snapshot!;
        var prices = snapshot.Products.ToDictionary(p => p.Sku, p => p.PricePaise, StringComparer.Ordinal);
        var billed = receipt.Lines.GroupBy(l => l.Sku, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ScheduledPricePaise(snapshot, g.First()) ?? prices[g.Key], StringComparer.Ordinal);
        var stale = billed.Keys.Any(sku => _products[sku].PricePaise != prices[sku]);
        _billedStale += stale ? 1 : 0;
        _billed[receipt.ClientOrderId] = new BilledSale(till.Number, billed, stale);
    }

    // The price of the scheduled-price promotion of the snapshot that priced the line, or null.
    private static long? ScheduledPricePaise(TillSnapshot snapshot, ReceiptLine line) =>
        line.Promotion is { } claimed && SnapshotPromotions.ById(snapshot, claimed.PromotionId) is { Kind: PromotionKind.ScheduledPrice } promotion
            ? promotion.PricePaise
            : null;
}

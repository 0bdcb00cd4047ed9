// Proves issue 21's acceptance for the catalogue by delta: a till holding a 50,000-SKU catalogue hears of one price change
// as a delta of a few hundred bytes on the wire (counted at the link between till and HQ) and sells at the new price.
// Real HQ, an in-process till on a fake clock, and the fault proxy as the link.
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using TillSync.Till.Catalog;
using TillSync.Till.Sales;
using TillSync.Till.Sync;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Sync;

public sealed class CatalogueByDeltaTests
{
    private const int CatalogueSkus = 50_000;
    private const int DeltaWireBytesMax = 1_000;

    [Fact]
    public async Task OnePriceChange_ReachesAFiftyThousandSkuTillAsAFewHundredBytes_AndSells()
    {
        await using var shop = await TillScenario.StartAsync();
        for (var first = 0; first < CatalogueSkus; first += Core.Limits.ProductUpsertMax)
        {
            await shop.Manager.UpsertProductsAsync([.. Enumerable.Range(first, Core.Limits.ProductUpsertMax).Select(Product)]);
        }

        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var till = await shop.StartInProcessTillAsync(time);
        await till.Api.WaitOnlineAsync();
        await till.Api.LogInSeededCashierAsync();
        await till.Api.WaitDrainedAsync();
        var snapshots = till.Service<SnapshotStore>();
        Assert.True(snapshots.Current!.Products.Count > CatalogueSkus, $"the till holds {snapshots.Current.Products.Count} products");
        var wholeBytes = shop.Link.Exchanges.LastOrDefault(e => e.Path == "/api/v1/till/snapshot")?.ResponseBytes;

        // The cashier's login (a shift document) moved HQ's nextSeq since the whole snapshot: the till's next refresh brings
        // that, with HQ's signed statement (ADR 0016). The price change below is measured from there, as a selling till
        // holding an up-to-date version meets it.
        var refreshesBefore = shop.Link.Exchanges.Count(e => e.Path.StartsWith("/api/v1/till/snapshot/changes", StringComparison.Ordinal));
        time.Advance(SyncAgent.SnapshotRefreshInterval);
        await till.Api.SyncNowAsync();
        await Eventually.UntilAsync(() => Task.FromResult(shop.Link.Exchanges.Count(e => e.Path.StartsWith("/api/v1/till/snapshot/changes", StringComparison.Ordinal))),
            n => n > refreshesBefore, Patience.Exchanges, "the till to refresh its snapshot after the login's sync", till);

        var changed = Product(4_242) with { PricePaise = 12_345 };
        await shop.Manager.UpsertProductsAsync([changed]);
        var exchangesBefore = shop.Link.Exchanges.Count;
        time.Advance(SyncAgent.SnapshotRefreshInterval);
        await till.Api.SyncNowAsync();
        await Eventually.UntilAsync(() => Task.FromResult(snapshots.Current!.Products.Single(p => p.Sku == changed.Sku).PricePaise),
            price => price == changed.PricePaise, Patience.Exchanges, "the till to hear of the new price", till);
        var receipt = await till.Api.SellAsync(new SaleRequest([new CartLine(changed.Sku, 2)], [new Tender(PaymentMethods.Cash, 100_000)]));

        var fetch = Assert.Single(shop.Link.Exchanges.Skip(exchangesBefore), e => e.Path.StartsWith("/api/v1/till/snapshot", StringComparison.Ordinal));
        Assert.StartsWith("/api/v1/till/snapshot/changes?since=", fetch.Path, StringComparison.Ordinal);
        Assert.Equal(200, fetch.StatusCode);
        Assert.True(fetch.ResponseBytes is > 0 and < DeltaWireBytesMax,
            $"the delta took {fetch.ResponseBytes} bytes on the wire (the whole snapshot {wholeBytes})");
        Assert.Equal((12_345L, 24_690L), (Assert.Single(receipt.Lines).UnitPricePaise, receipt.Totals.TotalPaise - receipt.Totals.RoundOffPaise));
    }

    private static ProductDto Product(int i) => new(
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"SKU-{i:D5}"),
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Product number {i} 500 g"), "3401", "PCS", 1_800, 10_000 + i, 8_000,
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"89{i:D11}"), 10_000 + i, TaxInclusive: true);
}

// Proves the catalogue upsert: products land in a till's snapshot with price, rate, HSN and on-hand; an upsert by
// SKU updates in place; an invalid product refuses the whole array with a 400 problem and stores none of it.
using System.Net;
using TillSync.Contracts;
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Stock;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Catalog;

public sealed class ProductTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task Products_Upserted_AppearInSnapshotWithOnHand()
    {
        var till = await fixture.EnrolTillAsync();

        var snapshot = await till.SnapshotAsync();

        foreach (var product in HqScenario.Products)
        {
            var listed = Assert.Single(snapshot.Products, p => p.Sku == product.Sku);
            Assert.Equal(product.Name, listed.Name);
            Assert.Equal(product.Hsn, listed.Hsn);
            Assert.Equal(product.Unit, listed.Unit);
            Assert.Equal(product.GstRateBp, listed.GstRateBp);
            Assert.Equal(product.PricePaise, listed.PricePaise);
            Assert.Equal(product.Barcode, listed.Barcode);
            Assert.Equal((product.MrpPaise, product.TaxInclusive), (listed.MrpPaise, listed.TaxInclusive));
            Assert.Equal(await fixture.Manager.OnHandAsync(product.Sku), listed.OnHand);
        }
    }

    [Fact]
    public async Task ProductPages_InSkuOrder_FoundBySkuNameHsnOrBarcode_WildcardsLiteral_BadQueriesRefused()
    {
        var prefix = $"PG{Guid.CreateVersion7().ToString("N")[^6..].ToUpperInvariant()}";
        var products = Enumerable.Range(1, 5).Select(i => new ProductDto(
            $"{prefix}-{i}", $"Paged Jaggery {prefix} {i}", i == 3 ? "17013100" : "0902", "PCS", 500, 10_000 + i, 8_000, i == 4 ? $"89{prefix[2..]}04" : null,
            TaxInclusive: true)).ToList();
        await fixture.Manager.UpsertProductsAsync(products);
        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);
        async Task<ProductPage> PageAsync(string query) => await Responses.ExpectAsync(
            await client.GetAsync(new Uri($"/api/v1/products/page?{query}", UriKind.Relative)), HttpStatusCode.OK, TillSyncJsonContext.Default.ProductPage, fixture.Hq);

        var pages = new List<ProductPage> { await PageAsync($"q={prefix.ToLowerInvariant()}&limit=2") };
        while (pages[^1].NextAfter is { } after)
        {
            pages.Add(await PageAsync($"q={prefix.ToLowerInvariant()}&limit=2&after={Uri.EscapeDataString(after)}"));
        }

        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(products, pages.SelectMany(p => p.Items));
        Assert.Equal($"{prefix}-2", pages[0].NextAfter);
        Assert.Equal([$"{prefix}-3"], (await PageAsync("q=170131")).Items.Where(p => p.Sku.StartsWith(prefix, StringComparison.Ordinal)).Select(p => p.Sku));
        Assert.Equal([$"{prefix}-4"], (await PageAsync($"q=89{prefix[2..]}04")).Items.Select(p => p.Sku));
        Assert.Equal([$"{prefix}-5"], (await PageAsync($"q={Uri.EscapeDataString($"jaggery {prefix.ToLowerInvariant()} 5")}")).Items.Select(p => p.Sku));
        // LIKE's wildcards in a search are matched as typed: "%" and "_" find no product here.
        Assert.Empty((await PageAsync($"q={Uri.EscapeDataString(prefix[..3] + "%")}")).Items);
        Assert.Empty((await PageAsync($"q={Uri.EscapeDataString(prefix + "_1")}")).Items);
        var whole = await PageAsync("limit=500");
        Assert.Equal(whole.Items.Select(p => p.Sku).Order(StringComparer.Ordinal), whole.Items.Select(p => p.Sku));

        foreach (var query in new[] { "limit=0", "limit=501", $"q={new string('x', 65)}" })
        {
            var detail = await Responses.ExpectProblemAsync(
                await client.GetAsync(new Uri($"/api/v1/products/page?{query}", UriKind.Relative)), HttpStatusCode.BadRequest, fixture.Hq);
            Assert.Contains("limit must be 1 to 500, and q and after at most 64 characters.", detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Products_UpsertSameSku_UpdatesInPlace()
    {
        var sku = $"TEA-{Guid.CreateVersion7().ToString("N")[^6..].ToUpperInvariant()}";
        var tea = new ProductDto(sku, "Assam Tea 250 g", "0902", "PCS", 500, 14_000, 11_000, null);
        Assert.Equal(1, (await fixture.Manager.UpsertProductsAsync([tea])).Upserted);
        await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest([new StockReceiptLine(sku, 12)]));

        var repriced = tea with { PricePaise = 15_500, Name = "Assam Tea 250 g (new pack)" };
        Assert.Equal(1, (await fixture.Manager.UpsertProductsAsync([repriced])).Upserted);

        var till = await fixture.EnrolTillAsync();
        var listed = Assert.Single((await till.SnapshotAsync()).Products, p => p.Sku == sku);
        Assert.Equal(15_500, listed.PricePaise);
        Assert.Equal("Assam Tea 250 g (new pack)", listed.Name);
        Assert.Equal(12m, listed.OnHand);
    }

    [Fact]
    public async Task Products_CreatedWithoutFooting_AreInclusive_UpdatedWithoutIt_KeepTheirs()
    {
        var suffix = Guid.CreateVersion7().ToString("N")[^6..].ToUpperInvariant();
        // ₹10.00 at 18 % with an MRP of ₹10.00: inclusive it is at the MRP; before tax it would be ₹11.80, above it.
        var shelf = new ProductDto($"SHELF-{suffix}", "Shelf soap 75 g", "3401", "PCS", 1_800, 1_000, 700, null, MrpPaise: 1_000);
        var trade = new ProductDto($"TRADE-{suffix}", "Trade soap 75 g", "3401", "PCS", 1_800, 1_000, 700, null, TaxInclusive: false);
        Assert.Equal(2, (await fixture.Manager.UpsertProductsAsync([shelf, trade])).Upserted);

        // Updates that do not say the footing: each keeps the one it has.
        Assert.Equal(2, (await fixture.Manager.UpsertProductsAsync(
            [shelf with { PricePaise = 950 }, trade with { PricePaise = 1_100, TaxInclusive = null }])).Upserted);

        var listed = (await fixture.Manager.ProductsAsync()).Where(p => p.Sku.EndsWith(suffix, StringComparison.Ordinal))
            .ToDictionary(p => p.Sku, p => (p.PricePaise, p.TaxInclusive));
        Assert.Equal((950L, (bool?)true), listed[shelf.Sku]);
        Assert.Equal((1_100L, (bool?)false), listed[trade.Sku]);
        var snapshot = await (await fixture.EnrolTillAsync()).SnapshotAsync();
        Assert.True(Assert.Single(snapshot.Products, p => p.Sku == shelf.Sku).TaxInclusive);
        Assert.False(Assert.Single(snapshot.Products, p => p.Sku == trade.Sku).TaxInclusive);

        // The MRP is checked on the footing kept: the exclusive product's ₹11.00 is ₹12.98 with tax, above an MRP of ₹11.00.
        var response = await fixture.Manager.UpsertProductsRawAsync([trade with { PricePaise = 1_100, TaxInclusive = null, MrpPaise = 1_100 }]);
        var detail = await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, fixture.Hq);
        Assert.Equal($"products[0] (SKU '{trade.Sku}'): the price with tax ₹12.98 is above the MRP ₹11.00; nothing may be sold above its MRP.", detail);
        Assert.Null(Assert.Single(await fixture.Manager.ProductsAsync(), p => p.Sku == trade.Sku).MrpPaise);
    }

    [Fact]
    public async Task Products_AboveTheirMrp_AreRefusedWithTheFigures()
    {
        var sku = $"JAM-{Guid.CreateVersion7().ToString("N")[^6..].ToUpperInvariant()}";
        var jam = new ProductDto(sku, "Mixed fruit jam 500 g", "2007", "PCS", 1_200, 16_000, 12_000, null, MrpPaise: 15_000, TaxInclusive: true);

        var response = await fixture.Manager.UpsertProductsRawAsync([jam]);

        var detail = await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, fixture.Hq);
        Assert.Contains("the price with tax ₹160.00 is above the MRP ₹150.00", detail, StringComparison.Ordinal);
        Assert.Equal(1, (await fixture.Manager.UpsertProductsAsync([jam with { PricePaise = 15_000 }])).Upserted);
    }

    [Fact]
    public async Task Products_NewProductWithoutStock_HasZeroOnHand()
    {
        var sku = $"SALT-{Guid.CreateVersion7().ToString("N")[^6..].ToUpperInvariant()}";
        await fixture.Manager.UpsertProductsAsync([new ProductDto(sku, "Iodised Salt 1 kg", "2501", "PCS", 0, 2_800, 2_000, null)]);

        Assert.Equal(0m, await fixture.Manager.OnHandAsync(sku));
        var till = await fixture.EnrolTillAsync();
        Assert.Equal(0m, Assert.Single((await till.SnapshotAsync()).Products, p => p.Sku == sku).OnHand);
    }

    public static TheoryData<string> InvalidProducts => ["sku_lowercase", "sku_sql", "hsn_letters", "rate_over_100_percent", "price_negative", "name_empty", "name_with_escape",
        "above_mrp_inclusive", "above_mrp_with_tax", "mrp_negative"];

    [Theory]
    [MemberData(nameof(InvalidProducts))]
    public async Task Products_OneInvalid_Returns400AndStoresNone(string defect)
    {
        var suffix = Guid.CreateVersion7().ToString("N")[^6..].ToUpperInvariant();
        var good = new ProductDto($"GOOD-{suffix}", "Good product", "3401", "PCS", 1_800, 1_000, 800, null, TaxInclusive: false);
        var bad = new ProductDto($"BAD-{suffix}", "Bad product", "3401", "PCS", 1_800, 1_000, 800, null, TaxInclusive: false);
        bad = defect switch
        {
            "sku_lowercase" => bad with { Sku = $"bad-{suffix}".ToLowerInvariant() },
            "sku_sql" => bad with { Sku = "X'; DROP TABLE products;--" },
            "hsn_letters" => bad with { Hsn = "ABCD" },
            "rate_over_100_percent" => bad with { GstRateBp = 10_001 },
            "price_negative" => bad with { PricePaise = -1 },
            "name_empty" => bad with { Name = "" },
            "name_with_escape" => bad with { Name = "Bad \u001b[2J product" },
            "above_mrp_inclusive" => bad with { TaxInclusive = true, MrpPaise = 999 },
            // ₹10.00 before 18 % is ₹11.80 to the customer: above an MRP of ₹11.79.
            "above_mrp_with_tax" => bad with { MrpPaise = 1_179 },
            "mrp_negative" => bad with { MrpPaise = -1 },
            _ => throw new ArgumentOutOfRangeException(nameof(defect), defect, null),
        };

        var response = await fixture.Manager.UpsertProductsRawAsync([good, bad]);

        await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, fixture.Hq);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Manager.GetStockRawAsync(good.Sku)).StatusCode);
        var till = await fixture.EnrolTillAsync();
        Assert.DoesNotContain((await till.SnapshotAsync()).Products, p => p.Sku == good.Sku || p.Sku == bad.Sku);
        await HqState.AssertHealthyAsync(fixture.Hq);
    }
}

// Proves that a change of a product's cost revalues the stock on hand in the change's transaction (ADR 0024): one entry
// per store holding stock, on-hand × (new − old) between assets:inventory and expenses:revaluation — up, down, negative
// on-hand (oversold offline) and several stores; nothing for the same cost, for no stock, for a retry with the same
// Idempotency-Key or for a refused import; a CSV import revalues every cost it changes. After every step the inventory
// account equals Σ on-hand × cost over every store and SKU, read straight from HQ's database, and the maintained balances
// equal a full scan (GET /api/v1/ledger/check).
using System.Net;
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Contracts.Accounting;
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Idempotency;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Sync;
using TillSync.Hq.Tests.Accounting;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Catalog;

public sealed class CostRevaluationTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private LedgerClient Ledger => new(fixture.Hq);

    [Fact]
    public async Task CostChange_RevaluesEachStoresStock_UpDownAndOversold()
    {
        var secondStoreId = await CostBooks.AddStoreAsync(fixture.Hq);
        var product = NewProduct("DAL", costPaise: 10_000);
        await fixture.Manager.UpsertProductsAsync([product]);
        await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest([new StockReceiptLine(product.Sku, 10)]));
        await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest([new StockReceiptLine(product.Sku, 4)], secondStoreId));

        // Up ₹25.50 a unit: store 1's ten units gain ₹255.00, store 2's four ₹102.00.
        await fixture.Manager.UpsertProductsAsync([product with { CostPaise = 12_550 }]);
        Assert.Equal([(1L, 25_500L), (secondStoreId, 10_200L)], await RevaluationsAsync(product.Sku));

        // Down ₹35.50: the ten lose ₹355.00, the four ₹142.00.
        await fixture.Manager.UpsertProductsAsync([product with { CostPaise = 9_000 }]);
        Assert.Equal([(1L, 25_500L), (secondStoreId, 10_200L), (1L, -35_500L), (secondStoreId, -14_200L)], await RevaluationsAsync(product.Sku));

        // The same cost again (a price change only) revalues nothing.
        await fixture.Manager.UpsertProductsAsync([product with { CostPaise = 9_000, PricePaise = 16_000 }]);
        Assert.Equal(4, (await RevaluationsAsync(product.Sku)).Count);

        // Oversold offline: a sale of 13 leaves store 1 at −3. The sale took the 13 out at ₹90.00; when the cost rises to
        // ₹100.00 the −3 are revalued too (Dr revaluation ₹30.00, Cr inventory), so that the receipt that later brings
        // them back at ₹100.00 leaves the account at Σ on-hand × cost.
        var till = await fixture.EnrolTillAsync();
        Assert.Equal(SyncStatus.Created, (await till.SyncOneAsync(till.Orders.Next([HqScenario.LineOf(product with { PricePaise = 16_000 }, 13)]))).Status);
        await fixture.Manager.UpsertProductsAsync([product with { CostPaise = 10_000, PricePaise = 16_000 }]);
        var entries = await EntriesAsync(product.Sku);
        Assert.Equal([new PostingView("assets:inventory", -3_000), new PostingView("expenses:revaluation", 3_000)], entries[^2].Postings);
        Assert.Equal([new PostingView("assets:inventory", 4_000), new PostingView("expenses:revaluation", -4_000)], entries[^1].Postings);
        Assert.Equal("revaluation", entries[^1].Kind);
        Assert.Contains($"{product.Sku} -3 on hand from 90.00 to 100.00", entries[^2].Description, StringComparison.Ordinal);

        await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest([new StockReceiptLine(product.Sku, 3)]));
        await CostBooks.AssertInventoryAtCostAsync(fixture.Hq, Ledger);
    }

    [Fact]
    public async Task CostChange_OfAProductWithoutStock_OrNew_PostsNothing()
    {
        var product = NewProduct("SALT", costPaise: 2_000);
        await fixture.Manager.UpsertProductsAsync([product]);
        await fixture.Manager.UpsertProductsAsync([product with { CostPaise = 2_500 }]);

        Assert.Empty(await RevaluationsAsync(product.Sku));
        await CostBooks.AssertInventoryAtCostAsync(fixture.Hq, Ledger);
    }

    [Fact]
    public async Task CostChange_RetriedWithTheSameKey_RevaluesOnce()
    {
        var product = NewProduct("OIL", costPaise: 15_000);
        await fixture.Manager.UpsertProductsAsync([product]);
        await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest([new StockReceiptLine(product.Sku, 7)]));
        var key = IdempotencyKey.HeaderValue(IdempotencyKey.New());

        var first = await UpsertWithKeyAsync([product with { CostPaise = 16_000 }], key);
        var again = await UpsertWithKeyAsync([product with { CostPaise = 16_000 }], key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", Assert.Single(again.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal([(1L, 7_000L)], await RevaluationsAsync(product.Sku));
        await CostBooks.AssertInventoryAtCostAsync(fixture.Hq, Ledger);
    }

    [Fact]
    public async Task Import_ChangingManyCosts_RevaluesEach_AndARefusedFileRevaluesNothing()
    {
        var (tea, jam, rice) = (NewProduct("TEA", 11_000), NewProduct("JAM", 12_000), NewProduct("RICE", 28_000));
        await fixture.Manager.UpsertProductsAsync([tea, jam, rice]);
        await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest(
            [new StockReceiptLine(tea.Sku, 5), new StockReceiptLine(jam.Sku, 2), new StockReceiptLine(rice.Sku, 3)]));
        var before = await Ledger.TrialBalanceAsync();

        var refused = await fixture.Manager.ImportProductsRawAsync(Csv((tea.Sku, "120"), (jam.Sku, "not money")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Books.AssertSame(before, await Ledger.TrialBalanceAsync());

        var imported = await fixture.Manager.ImportProductsRawAsync(Csv((tea.Sku, "120"), (jam.Sku, "110.50"), (rice.Sku, "280")));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        // Tea +₹10.00 × 5, jam −₹9.50 × 2, rice unchanged: one entry for the store, +₹50.00 − ₹19.00 = ₹31.00.
        var entry = Assert.Single(await EntriesAsync(tea.Sku));
        Assert.Equal([new PostingView("assets:inventory", 3_100), new PostingView("expenses:revaluation", -3_100)], entry.Postings);
        Assert.Contains(jam.Sku, entry.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(rice.Sku, entry.Description, StringComparison.Ordinal);
        await CostBooks.AssertInventoryAtCostAsync(fixture.Hq, Ledger);
    }

    [Fact]
    public async Task CostChanges_RacingTillsSellingTheSameGoods_KeepInventoryAtCost()
    {
        // Three tills sell two products in batches while the manager changes both costs again and again. On PostgreSQL
        // the batches and the changes run in parallel; a sale valued at the old cost must be counted in the change's
        // on-hand, or valued at the new cost (ADR 0024).
        var (tea, jam) = (NewProduct("TEA", 10_000), NewProduct("JAM", 7_000));
        await fixture.Manager.UpsertProductsAsync([tea, jam]);
        await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest([new StockReceiptLine(tea.Sku, 100), new StockReceiptLine(jam.Sku, 100)]));
        var tills = new List<TillClient>();
        for (var i = 0; i < 3; i++)
        {
            tills.Add(await fixture.EnrolTillAsync());
        }

        var selling = tills.Select(async till =>
        {
            for (var batch = 0; batch < 8; batch++)
            {
                var orders = Enumerable.Range(0, 3).Select(n => till.Orders.Next(
                    [HqScenario.LineOf(tea, 1 + n), HqScenario.LineOf(jam, 2)])).ToList();
                Assert.All((await till.SyncAsync(orders)).Results, r => Assert.Equal(SyncStatus.Created, r.Status));
            }
        });
        var changing = Task.Run(async () =>
        {
            for (var change = 1; change <= 8; change++)
            {
                await fixture.Manager.UpsertProductsAsync([tea with { CostPaise = 10_000 + (change * 137) }, jam with { CostPaise = 7_000 - (change * 61) }]);
            }
        });
        await Task.WhenAll([.. selling, changing]);

        Assert.NotEmpty(await RevaluationsAsync(jam.Sku));
        await CostBooks.AssertInventoryAtCostAsync(fixture.Hq, Ledger);
    }

    [Fact]
    public async Task Journal_OfKindRevaluation_ListsEveryRevaluationAndNothingElse_AnUnknownKindIs400()
    {
        var product = NewProduct("GUR", costPaise: 5_000);
        await fixture.Manager.UpsertProductsAsync([product]);
        await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest([new StockReceiptLine(product.Sku, 6)]));
        await fixture.Manager.UpsertProductsAsync([product with { CostPaise = 5_500 }]);

        var page = await Responses.ExpectAsync(await Ledger.GetRawAsync("/api/v1/ledger/journal?kind=revaluation&limit=1000"), HttpStatusCode.OK,
            TillSyncJsonContext.Default.JournalPage, fixture.Hq);
        Assert.Equal((await Ledger.JournalAsync()).Where(e => e.Kind == "revaluation").Select(e => e.Ref), page.Entries.Select(e => e.Ref));
        Assert.Contains(page.Entries, e => e.Description.Contains(product.Sku, StringComparison.Ordinal)
            && e.Postings.SequenceEqual([new PostingView("assets:inventory", 3_000), new PostingView("expenses:revaluation", -3_000)]));

        var detail = await Responses.ExpectProblemAsync(await Ledger.GetRawAsync("/api/v1/ledger/journal?kind=revalued"), HttpStatusCode.BadRequest, fixture.Hq);
        Assert.Contains("revaluation", detail, StringComparison.Ordinal);
    }

    private static ProductDto NewProduct(string stem, long costPaise) =>
        new($"{stem}-{Guid.CreateVersion7().ToString("N")[^6..].ToUpperInvariant()}", $"Test {stem}", "0902", "PCS", 500, 20_000, costPaise, null);

    private static string Csv(params (string Sku, string CostRupees)[] rows) =>
        "sku,name,hsn,unit,gst_rate_percent,price_rupees,cost_rupees,mrp_rupees,tax_inclusive,barcode\n"
        + string.Concat(rows.Select(r => $"{r.Sku},Test,0902,PCS,5,200,{r.CostRupees},,no,\n"));

    private async Task<HttpResponseMessage> UpsertWithKeyAsync(IReadOnlyList<ProductDto> products, string key)
    {
        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/products")
        {
            Content = JsonContent.Create(products, TillSyncJsonContext.Default.IReadOnlyListProductDto),
        };
        request.Headers.Add(IdempotencyKey.HeaderName, key);
        return await client.SendAsync(request);
    }

    // The revaluation entries naming the SKU, in posting order.
    private async Task<List<JournalEntryView>> EntriesAsync(string sku) =>
        [.. (await Ledger.JournalAsync()).Where(e => e.Kind == "revaluation" && e.Description.Contains(sku, StringComparison.Ordinal))];

    // Store and the inventory posting of each revaluation entry naming the SKU.
    private async Task<List<(long StoreId, long InventoryPaise)>> RevaluationsAsync(string sku) =>
        [.. (await EntriesAsync(sku)).Select(e => (e.StoreId, e.Postings.Single(p => p.Account == "assets:inventory").AmountPaise))];
}

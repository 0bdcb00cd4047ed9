// Property (issue 19): whatever mix of sales, returns (restocked and damaged), receipts and count adjustments in two
// stores, resolved shortfalls (every action, transfers from the other store too) and cost changes — some sent while a
// till's batch syncs, so that on PostgreSQL the change races the batch's stock moves — reaches HQ, the inventory account
// equals Σ on-hand × cost per store and SKU, the maintained balances equal a full scan, and the hledger export passes
// `hledger check --strict`. Each generated case runs against one real HQ process over HTTP.
using CsCheck;
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Sync;
using TillSync.Hq.Tests.Catalog;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Accounting;

public sealed class InventoryAtCostPropertyTests(HqFixture fixture) : IClassFixture<HqFixture>, IAsyncLifetime
{
    private enum Step { Sell = 1, Return, Receipt, Adjustment, Resolution, CostChange, CostChangeWhileSyncing }

    private sealed record Op(Step Step, int Count, int Pick);

    private static readonly Gen<Op> OpGen = Gen.Select(Gen.Int[1, 7], Gen.Int[1, 5], Gen.Int[0, 1_000], (step, count, pick) => new Op((Step)step, count, pick));

    private static readonly string[] Resolutions =
        [ResolutionActions.WriteOff, ResolutionActions.TransferIn, ResolutionActions.CreditNote, ResolutionActions.Backorder];

    // Goods sold by the unit, so that Σ on-hand × cost is a whole number of paise to compare exactly.
    private static readonly IReadOnlyList<ProductDto> Units = [.. HqScenario.Products.Where(p => p.Unit != "KGS")];

    private readonly string _files = TempDirectory.Create("inventory-at-cost");
    private readonly Dictionary<string, ProductDto> _catalogue = Units.ToDictionary(p => p.Sku, StringComparer.Ordinal);
    private readonly List<OrderDto> _sold = [];
    private TillClient? _till;
    private ReturnFactory? _returns;
    private long _secondStoreId;

    public async Task InitializeAsync()
    {
        _secondStoreId = await CostBooks.AddStoreAsync(fixture.Hq);
        await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest([.. Units.Select(p => new StockReceiptLine(p.Sku, 50))], _secondStoreId, "opening stock"));
        _till = new TillClient(fixture.Hq, (await fixture.EnrolTillAsync(version: SyncVersion.V2)).Enrolment, SyncVersion.V2);
        _returns = new ReturnFactory(_till.Orders, _till.BillPrefix);
    }

    public Task DisposeAsync() => TempDirectory.DeleteAsync(_files);

    [Fact]
    public async Task AnyMixWithCostChanges_InventoryEqualsOnHandAtCost_AndTheJournalChecks()
    {
        var ledger = new LedgerClient(fixture.Hq);
        await OpGen.Array[1, 10].SampleAsync(async ops =>
        {
            foreach (var op in ops)
            {
                await ApplyAsync(op);
            }

            await CostBooks.AssertInventoryAtCostAsync(fixture.Hq, ledger);
        }, iter: 12, threads: 1);

        Assert.Contains(await ledger.JournalAsync(), e => e.Kind == "revaluation");
        var file = Path.Combine(_files, "books.journal");
        await File.WriteAllTextAsync(file, await ledger.HledgerAsync());
        var (exitCode, output) = await Hledger.RunAsync(file, "check", "--strict");
        Assert.True(exitCode == 0, $"hledger check --strict failed ({exitCode}):\n{output}");
    }

    private async Task ApplyAsync(Op op)
    {
        var product = Units[op.Pick % Units.Count];
        var storeId = op.Pick % 2 == 0 ? 1 : _secondStoreId;
        switch (op.Step)
        {
            case Step.Sell:
                await SellAsync(op);
                break;
            case Step.Return when _sold.Count > 0:
                var original = _sold[op.Pick % _sold.Count];
                var line = op.Pick % original.Lines.Count;
                var document = _returns!.Next(original, _till!.TillId, [(line + 1, Math.Min(1m, original.Lines[line].Qty), op.Pick % 3 == 0 ? "damaged" : "restock")]);
                Assert.All((await _till.SyncDocumentsAsync([document])).Results, r => Assert.Equal(SyncStatus.Created, r.Status));
                break;
            case Step.Receipt:
                await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest([new StockReceiptLine(product.Sku, op.Count)], storeId));
                break;
            case Step.Adjustment:
                await fixture.Manager.AdjustStockAsync(new StockAdjustmentRequest(
                    [new StockAdjustmentLine(product.Sku, op.Pick % 3 == 0 ? op.Count : -op.Count)], "count", storeId));
                break;
            case Step.Resolution:
                await OversellAndResolveAsync(product, op);
                break;
            case Step.CostChange:
                await ChangeCostAsync(op);
                break;
            case Step.CostChangeWhileSyncing:
                await Task.WhenAll(SellAsync(op), ChangeCostAsync(op));
                break;
        }
    }

    // One to three units of one to three products, in the default store.
    private async Task SellAsync(Op op)
    {
        var lines = Enumerable.Range(0, 1 + (op.Pick % 3)).Select(i => _catalogue[Units[(op.Pick + i) % Units.Count].Sku])
            .Select(p => HqScenario.LineOf(p, 1 + ((op.Pick + op.Count) % 3))).ToList();
        var sale = _till!.Orders.Build(_till.Orders.NextSeq++, lines);
        Assert.All((await _till.SyncDocumentsAsync([TillClient.SaleDocument(sale)])).Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        _sold.Add(sale);
    }

    // The cost of one or two products moves by −30 % to +30 %, to the paisa.
    private async Task ChangeCostAsync(Op op)
    {
        var changed = Enumerable.Range(0, 1 + (op.Count % 2)).Select(i => _catalogue[Units[(op.Pick + 3 * i) % Units.Count].Sku])
            .DistinctBy(p => p.Sku)
            .Select(p => p with { CostPaise = Math.Max(1, p.CostPaise * (70 + (op.Pick % 61)) / 100 + op.Count) }).ToList();
        await fixture.Manager.UpsertProductsAsync(changed);
        foreach (var p in changed)
        {
            _catalogue[p.Sku] = p;
        }
    }

    // A default-store sale beyond on-hand opens a shortfall; a manager resolves it with any action.
    private async Task OversellAndResolveAsync(ProductDto product, Op op)
    {
        var sale = _till!.Orders.Build(_till.Orders.NextSeq++,
            [HqScenario.LineOf(_catalogue[product.Sku], Math.Max(0, await fixture.Manager.OnHandAsync(product.Sku)) + op.Count)]);
        Assert.All((await _till.SyncDocumentsAsync([TillClient.SaleDocument(sale)])).Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        _sold.Add(sale);
        var review = Assert.Single((await fixture.Manager.ListReviewsAsync($"status=open&kind=stock_short&sku={product.Sku}&order=newest&limit=200")).Items,
            r => r.ClientOrderId == sale.ClientOrderId);
        var action = Resolutions[op.Pick % Resolutions.Length];
        var fromStore = action == ResolutionActions.TransferIn && op.Pick % 2 == 0 ? _secondStoreId : (long?)null;
        await fixture.Manager.ResolveAsync(review.ReviewId,
            new ReviewResolutionRequest(action, "inventory property", Guid.CreateVersion7(), Qty: 1 + (op.Pick % op.Count), FromStoreId: fromStore));
    }
}

// Proves manager stock adjustments and the stock views: a signed adjustment with a reason moves on-hand by exactly its
// quantity and shows in the SKU's movement history with running on-hand; bad adjustments change nothing; the on-hand
// listing filters by text and by "below zero".
using System.Net;
using TillSync.Contracts.Stock;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Stock;

public sealed class StockAdjustmentTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task Adjustment_SignedQuantities_MoveOnHandAndShowInHistory()
    {
        var product = await fixture.Manager.AddProductAsync(openingStock: 10);

        var adjustment = await fixture.Manager.AdjustStockAsync(new StockAdjustmentRequest(
            [new StockAdjustmentLine(product.Sku, -2.5m), new StockAdjustmentLine(product.Sku, 1)], "count after stock-take"));

        Assert.True(adjustment.AdjustmentId > 0);
        Assert.Equal(8.5m, await fixture.Manager.OnHandAsync(product.Sku));
        var history = await fixture.Manager.MovementsAsync(product.Sku);
        Assert.Equal([("receipt", 10m, 10m), ("adjustment", -2.5m, 7.5m), ("adjustment", 1m, 8.5m)], history.Select(m => (m.Kind, m.Qty, m.OnHandAfter)));
        Assert.All(history.Skip(1), m => Assert.Equal(adjustment.AdjustmentId, m.AdjustmentId));
        // Each movement says why and who: the adjustment's reason, the receipt's note, the manager who recorded them.
        Assert.Equal([("opening", "admin"), ("count after stock-take", "admin"), ("count after stock-take", "admin")], history.Select(m => (m.Note, m.By)));
    }

    public static TheoryData<string> BadAdjustments => ["no_reason", "blank_reason", "qty_zero", "unknown_sku", "four_decimals", "no_lines", "reason_with_line_break"];

    [Theory]
    [MemberData(nameof(BadAdjustments))]
    public async Task Adjustment_Invalid_Returns400AndChangesNothing(string defect)
    {
        var product = await fixture.Manager.AddProductAsync(openingStock: 10);
        var line = new StockAdjustmentLine(product.Sku, -1);
        var request = defect switch
        {
            "no_reason" => new StockAdjustmentRequest([line], ""),
            "blank_reason" => new StockAdjustmentRequest([line], "  "),
            "qty_zero" => new StockAdjustmentRequest([line, line with { Qty = 0 }], "x"),
            "unknown_sku" => new StockAdjustmentRequest([line, new StockAdjustmentLine("NO-SUCH-SKU", 1)], "x"),
            "four_decimals" => new StockAdjustmentRequest([line with { Qty = 0.0001m }], "x"),
            "no_lines" => new StockAdjustmentRequest([], "x"),
            "reason_with_line_break" => new StockAdjustmentRequest([line], "damaged\nFAKE AUDIT LINE"),
            _ => throw new ArgumentOutOfRangeException(nameof(defect), defect, null),
        };

        await Responses.ExpectProblemAsync(await fixture.Manager.AdjustStockRawAsync(request), HttpStatusCode.BadRequest, fixture.Hq);

        Assert.Equal(10m, await fixture.Manager.OnHandAsync(product.Sku));
        Assert.Single(await fixture.Manager.MovementsAsync(product.Sku));
    }

    [Fact]
    public async Task StockList_FiltersBelowZeroAndByText()
    {
        var short1 = await fixture.Manager.AddProductAsync(openingStock: 0);
        await fixture.Manager.AdjustStockAsync(new StockAdjustmentRequest([new StockAdjustmentLine(short1.Sku, -3)], "found damaged"));

        var negative = await fixture.Manager.ListStockAsync("negativeOnly=true&limit=500");
        var bySku = await fixture.Manager.ListStockAsync($"q={short1.Sku[..6]}&limit=500");

        var row = Assert.Single(negative.Items, i => i.Sku == short1.Sku);
        Assert.Equal(-3m, row.OnHand);
        Assert.All(negative.Items, i => Assert.True(i.OnHand < 0));
        Assert.Contains(bySku.Items, i => i.Sku == short1.Sku);
        Assert.DoesNotContain(bySku.Items, i => i.Sku == "RICE-5KG");
        Assert.Contains((await fixture.Manager.ListStockAsync("q=rice")).Items, i => i.Sku == "RICE-5KG");
    }
}

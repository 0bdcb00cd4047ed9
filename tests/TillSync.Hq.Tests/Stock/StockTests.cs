// Proves stock as a ledger: a receipt raises on-hand by exactly its quantity (whole units and grams), a sale
// lowers it, an oversell commits with a stock_short flag, and bad receipts are refused without a trace.
using System.Net;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Stock;

public sealed class StockTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task StockReceipt_RaisesOnHandByItsQuantity()
    {
        var riceBefore = await fixture.Manager.OnHandAsync("RICE-5KG");
        var sugarBefore = await fixture.Manager.OnHandAsync("SUGAR-LOOSE");

        var receipt = await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest(
            [new StockReceiptLine("RICE-5KG", 40), new StockReceiptLine("SUGAR-LOOSE", 25.125m)], Note: "supplier invoice 4471"));

        Assert.True(receipt.ReceiptId > 0);
        Assert.Equal(1, receipt.StoreId);
        Assert.Equal(2, receipt.Lines.Count);
        Assert.Equal(riceBefore + 40, await fixture.Manager.OnHandAsync("RICE-5KG"));
        Assert.Equal(sugarBefore + 25.125m, await fixture.Manager.OnHandAsync("SUGAR-LOOSE"));
    }

    [Fact]
    public async Task StockLevel_UnknownSku_Returns404Problem()
    {
        await Responses.ExpectProblemAsync(await fixture.Manager.GetStockRawAsync("NO-SUCH-SKU"), HttpStatusCode.NotFound, fixture.Hq);
    }

    public static TheoryData<string> BadReceipts => ["unknown_sku", "qty_zero", "qty_negative", "qty_four_decimals", "no_lines"];

    [Theory]
    [MemberData(nameof(BadReceipts))]
    public async Task StockReceipt_Invalid_Returns400AndChangesNothing(string defect)
    {
        var before = await fixture.Manager.OnHandAllAsync();
        IReadOnlyList<StockReceiptLine> lines = defect switch
        {
            "unknown_sku" => [new("RICE-5KG", 5), new("NO-SUCH-SKU", 5)],
            "qty_zero" => [new("RICE-5KG", 5), new("SOAP-125G", 0)],
            "qty_negative" => [new("RICE-5KG", 5), new("SOAP-125G", -5)],
            "qty_four_decimals" => [new("RICE-5KG", 5), new("SUGAR-LOOSE", 1.0001m)],
            "no_lines" => [],
            _ => throw new ArgumentOutOfRangeException(nameof(defect), defect, null),
        };

        var response = await fixture.Manager.ReceiveStockRawAsync(new StockReceiptRequest(lines));

        await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, fixture.Hq);
        Assert.Equal(before, await fixture.Manager.OnHandAllAsync());
    }

    [Fact]
    public async Task Sale_LowersOnHandByLineQuantities()
    {
        var till = await fixture.EnrolTillAsync();
        var order = till.Orders.Next([OrderFactory.Line("GHEE-1L", 2), OrderFactory.Line("SUGAR-LOOSE", 1.75m)]);
        var before = await fixture.Manager.OnHandAllAsync();

        Assert.Equal(SyncStatus.Created, (await till.SyncOneAsync(order)).Status);

        Assert.Equal(before["GHEE-1L"] - 2, await fixture.Manager.OnHandAsync("GHEE-1L"));
        Assert.Equal(before["SUGAR-LOOSE"] - 1.75m, await fixture.Manager.OnHandAsync("SUGAR-LOOSE"));
        Assert.Equal(before["RICE-5KG"], await fixture.Manager.OnHandAsync("RICE-5KG"));
    }

    [Fact]
    public async Task Sale_BeyondOnHand_CommitsWithStockShortFlag()
    {
        var till = await fixture.EnrolTillAsync();
        var onHand = await fixture.Manager.OnHandAsync("COLA-750ML");
        // Offline sales are facts: HQ commits the oversell, flags it, and on-hand goes negative (docs/reviews.md).
        var oversell = till.Orders.Next([OrderFactory.Line("COLA-750ML", onHand + 3)]);

        var result = await till.SyncOneAsync(oversell);

        Assert.Equal(SyncStatus.Created, result.Status);
        Assert.Equal([OrderFlags.StockShort], result.Flags);
        Assert.Equal(-3m, await fixture.Manager.OnHandAsync("COLA-750ML"));
        Assert.Equal([OrderFlags.StockShort], (await fixture.Manager.GetOrderAsync(oversell.ClientOrderId)).Flags);
        OrderAssert.Replays(result, await till.SyncOneAsync(oversell), SyncStatus.Duplicate);

        await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest([new StockReceiptLine("COLA-750ML", onHand + 3)], Note: "restock"));
        Assert.Equal(onHand, await fixture.Manager.OnHandAsync("COLA-750ML"));
    }
}

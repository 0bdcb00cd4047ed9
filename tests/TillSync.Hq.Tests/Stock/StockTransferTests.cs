// Proves stock transfers between stores (POST /api/v1/stock/transfers): on-hand falls in the sending store and rises in
// the receiving one by exactly the quantity, each store's history shows its adjustment, the books do not move, and a
// retry with the same Idempotency-Key moves the stock once; a bad transfer is a 400 problem and moves nothing.
using System.Net;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Stores;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Stock;

public sealed class StockTransferTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private static readonly StoreDto Branch = new("29AABCH1234K1ZN", "Hosur Road Provisions Private Limited", "3 Bannerghatta Road", "Bengaluru", 560076, "29",
        TradeName: "Hosur Road Provisions JP Nagar");

    [Fact]
    public async Task Transfer_MovesOnHandBetweenStores_OnceForOneKey_WithoutAJournalEntry()
    {
        var branch = await fixture.Manager.AddStoreAsync(Branch);
        var product = await fixture.Manager.AddProductAsync(openingStock: 10);
        var home = (await fixture.Manager.ListStockAsync("limit=1")).StoreId;
        var journalBefore = (await new LedgerClient(fixture.Hq).JournalAsync()).Count;
        var key = Guid.NewGuid().ToString();
        var transfer = new StockTransferRequest(home, branch, [new StockReceiptLine(product.Sku, 2.5m)], "challan 4471");

        var sent = await fixture.Manager.TransferStockAsync(transfer, key);
        var again = await fixture.Manager.TransferStockAsync(transfer, key);

        Assert.Equal((sent.OutAdjustmentId, sent.InAdjustmentId), (again.OutAdjustmentId, again.InAdjustmentId));
        Assert.Equal(7.5m, await fixture.Manager.OnHandAsync(product.Sku, home));
        Assert.Equal(2.5m, await fixture.Manager.OnHandAsync(product.Sku, branch));
        var history = await fixture.Manager.MovementsAsync(product.Sku);
        Assert.Equal([("receipt", 10m, 10m, (long?)null), ("adjustment", -2.5m, 7.5m, sent.OutAdjustmentId)],
            history.Select(m => (m.Kind, m.Qty, m.OnHandAfter, m.AdjustmentId)));
        Assert.Equal(journalBefore, (await new LedgerClient(fixture.Hq).JournalAsync()).Count);
        var audit = Assert.Single(await fixture.Manager.AuditAsync("stock.transfer"), e => e.Detail.Contains($"adjustment {sent.OutAdjustmentId})", StringComparison.Ordinal));
        Assert.EndsWith(": 1 lines: challan 4471", audit.Detail, StringComparison.Ordinal);
    }

    public static TheoryData<string> BadTransfers => ["same_store", "no_such_store", "unknown_sku", "qty_negative", "no_lines", "note_with_line_break"];

    [Theory]
    [MemberData(nameof(BadTransfers))]
    public async Task Transfer_Invalid_Returns400AndMovesNothing(string defect)
    {
        var branch = await fixture.Manager.AddStoreAsync(Branch);
        var product = await fixture.Manager.AddProductAsync(openingStock: 10);
        var home = (await fixture.Manager.ListStockAsync("limit=1")).StoreId;
        var line = new StockReceiptLine(product.Sku, 1);
        var transfer = defect switch
        {
            "same_store" => new StockTransferRequest(home, home, [line]),
            "no_such_store" => new StockTransferRequest(home, 999_999, [line]),
            "unknown_sku" => new StockTransferRequest(home, branch, [line, new StockReceiptLine("NO-SUCH-SKU", 1)]),
            "qty_negative" => new StockTransferRequest(home, branch, [line with { Qty = -1 }]),
            "no_lines" => new StockTransferRequest(home, branch, []),
            "note_with_line_break" => new StockTransferRequest(home, branch, [line], "challan\nFAKE AUDIT LINE"),
            _ => throw new ArgumentOutOfRangeException(nameof(defect), defect, null),
        };

        await Responses.ExpectProblemAsync(await fixture.Manager.TransferStockRawAsync(transfer), HttpStatusCode.BadRequest, fixture.Hq);

        Assert.Equal(10m, await fixture.Manager.OnHandAsync(product.Sku, home));
        Assert.Equal(0m, await fixture.Manager.OnHandAsync(product.Sku, branch));
    }
}

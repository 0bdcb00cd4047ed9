// Proves that when HQ commits a sync but its reply never reaches the till, the till resends the same ids, gets
// duplicate, clears its queue, and HQ holds one bill each with stock moved once. The fault proxy drops the replies.
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Till.Receipts;
using TillSync.Testing;
using TillSync.Till.Tests.Harness;
using Xunit.Abstractions;

namespace TillSync.Till.Tests.Sync;

public sealed class DroppedReplyTests(ITestOutputHelper log)
{
    private const int Sales = 6;
    private const int DroppedReplies = 3;

    [Fact]
    public async Task Sync_RepliesDroppedAfterHqCommitted_TillResendsGetsDuplicateAndClearsItsQueue()
    {
        await using var shop = await TillScenario.StartAsync();
        var till = await shop.StartTillProcessAsync();
        await till.Api.WaitOnlineAsync();
        var stockBefore = await shop.Manager.OnHandAllAsync();
        var carts = new Carts(Random.Shared.Next());
        log.WriteLine($"seed {carts.Seed}");

        shop.Link.DropResponses(DroppedReplies);
        var receipts = new List<Receipt>();
        for (var i = 0; i < Sales; i++)
        {
            receipts.Add(await till.Api.SellAsync(carts.Next()));
        }

        await till.Api.WaitDrainedAsync();

        var exchanges = shop.Link.Exchanges.Where(e => FaultProxy.IsSync(e.Path)).ToList();
        foreach (var exchange in exchanges)
        {
            log.WriteLine($"{exchange.StatusCode} dropped={exchange.Dropped}: {exchange.ResponseBody}");
        }

        // Every order whose 'created' was lost was sent again and answered 'duplicate' with the same bill.
        Assert.Equal(DroppedReplies, exchanges.Count(e => e.Dropped));
        var lost = exchanges.Where(e => e.Dropped).SelectMany(e => Results(e).Where(r => r.Status == SyncStatus.Created)).ToList();
        Assert.NotEmpty(lost);
        var replayed = exchanges.Where(e => !e.Dropped).SelectMany(Results).Where(r => r.Status == SyncStatus.Duplicate).ToList();
        foreach (var created in lost)
        {
            var duplicate = Assert.Single(replayed, r => r.DocumentId == created.DocumentId);
            Assert.True(duplicate.Replayed);
            Assert.Equal((created.Number, created.CommittedAt), (duplicate.Number, duplicate.CommittedAt));
        }

        Assert.DoesNotContain(exchanges.SelectMany(Results), r => r.Status is SyncStatus.Conflict or SyncStatus.Rejected);
        var orders = await shop.HqOrdersAsync();
        Assert.Equal(receipts.Select(r => (r.ClientOrderId, r.TillSeq, r.BillNo)), orders.Select(o => (o.ClientOrderId, o.TillSeq, o.Order.BillNo)));
        foreach (var receipt in receipts)
        {
            var order = await shop.Manager.GetOrderAsync(receipt.ClientOrderId);
            Assert.Equal(("committed", receipt.BillNo, receipt.Totals), (order.Status, order.Order.BillNo, order.Order.Totals));
        }

        Sold.AssertStockMovedOnce(stockBefore, await shop.Manager.OnHandAllAsync(), receipts);
        Assert.All(await till.Api.AllSalesAsync(), s => Assert.Equal("synced", s.SyncState));
        Assert.Empty(await till.Api.AttentionAsync());
    }

    private static IReadOnlyList<DocumentResult> Results(ProxyExchange exchange) =>
        exchange.StatusCode == 200
            ? JsonSerializer.Deserialize(exchange.ResponseBody, TillSyncJsonContext.Default.DocumentSyncResponse)!.Results
            : [];
}

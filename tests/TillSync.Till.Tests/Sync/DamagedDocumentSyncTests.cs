// Proves issue 20's "a till never wedges" end to end: one queued sale's stored JSON is corrupted in till.db while the till
// is stopped (a plain sqlite UPDATE, as a bad sector or a hand edit would leave it); started again, the till sends a
// damaged placeholder in its place, HQ records it as rejected (damaged_document) with a review item, the rest of the
// queue reaches HQ in tillSeq order, and the till lists the damaged sale under "needs attention". Real till and HQ
// processes with the fault proxy between them.
using Microsoft.Data.Sqlite;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Storage;
using TillSync.Testing;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Sync;

public sealed class DamagedDocumentSyncTests
{
    [Fact]
    public async Task QueuedSaleCorrupted_RestOfTheQueueReachesHqInOrder_AndTheSaleNeedsAttention()
    {
        await using var shop = await TillScenario.StartAsync();
        var till = await shop.StartTillProcessAsync();
        await till.Api.WaitOnlineAsync();
        shop.Link.SetMode(LinkMode.Refuse);
        var sales = new List<TillSync.Till.Receipts.Receipt>();
        for (var i = 1; i <= 4; i++)
        {
            sales.Add(await till.Api.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", i)])));
        }

        till.KillHard();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(till.DataDir, "till.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            Assert.Equal(1, await connection.Command("UPDATE documents SET body_json = replace(body_json, 'RICE-5KG', 'RICE-9KG') WHERE till_seq = 3")
                .ExecuteAsync(CancellationToken.None));
        }

        await till.RestartAsync();
        shop.Link.SetMode(LinkMode.Pass);
        await till.Api.WaitDrainedAsync();

        var orders = await shop.HqOrdersAsync();
        Assert.Equal([2L, 4, 5], orders.Select(o => o.TillSeq)); // in HQ's commit order, after the shift's open at 1
        Assert.Equal([sales[0].ClientOrderId, sales[2].ClientOrderId, sales[3].ClientOrderId], orders.Select(o => o.ClientOrderId));
        Assert.Equal(6, (await shop.Manager.GetTillAsync(shop.Till.TillId)).NextSeq);
        var review = Assert.Single((await shop.Manager.ListReviewsAsync($"kind={ReviewKinds.DamagedDocument}&tillId={shop.Till.TillId}")).Items);
        Assert.Equal((sales[1].ClientOrderId, sales[1].BillNo), (review.ClientOrderId, review.BillNo));
        var attention = Assert.Single(await till.Api.AttentionAsync());
        Assert.Equal((sales[1].ClientOrderId, "rejected", SyncReasons.DamagedDocument), (attention.DocumentId, attention.Status, attention.Reason));
        var status = await till.Api.StatusAsync();
        Assert.Equal(("online", 1), (status.SyncState, status.AttentionCount));
    }
}

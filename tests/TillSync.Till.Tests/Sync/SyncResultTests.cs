// Proves the till handles HQ's refusals per docs/sync.md: a rejected sale leaves the queue and shows under "needs
// attention" while the sales behind it drain; a conflict stays queued and shown. In-process tills on fake clocks, real HQ.
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using TillSync.Till.Receipts;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Sync;

public sealed class SyncResultTests
{
    [Fact]
    public async Task Rejected_SaleDatedTwoDaysAhead_LeavesTheQueueForAttentionAndTheRestDrain()
    {
        await using var shop = await TillScenario.StartAsync();
        // The shift opens while the till's clock is right, so that the sale is the only document HQ rejects.
        await using (var onTime = await shop.StartInProcessTillAsync(new FakeTimeProvider(DateTimeOffset.UtcNow)))
        {
            await onTime.Api.WaitOnlineAsync();
            await onTime.Api.LogInSeededCashierAsync();
            await onTime.Api.WaitDrainedAsync();
        }

        var ahead = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(2));
        Receipt poison;
        await using (var fastClockTill = await shop.StartInProcessTillAsync(ahead))
        {
            await fastClockTill.Api.WaitOnlineAsync();
            shop.Link.SetMode(LinkMode.Refuse);
            poison = await fastClockTill.Api.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 1)]));
        }

        // The clock is put right and the till restarted on the same file; three good sales queue behind the poison.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var till = await shop.StartInProcessTillAsync(time);
        var good = new List<Receipt>();
        for (var i = 0; i < 3; i++)
        {
            good.Add(await till.Api.SellAsync(Carts.PaidInCash([new CartLine("COLA-750ML", i + 1)])));
        }

        Assert.Equal(4, (await till.Api.StatusAsync()).QueueDepth);
        shop.Link.SetMode(LinkMode.Pass);
        await till.Api.SyncNowAsync();
        var drained = await till.Api.WaitDrainedAsync(betweenPolls: AdvanceOneSecond(time));

        Assert.Equal(1, drained.AttentionCount);
        var item = Assert.Single(await till.Api.AttentionAsync());
        Assert.Equal((poison.ClientOrderId, poison.BillNo, 2L, "rejected", SyncReasons.InvalidCreatedAt),
            (item.DocumentId, item.Number, item.TillSeq, item.Status, item.Reason));
        Assert.Contains("ahead of HQ's clock", item.Detail, StringComparison.Ordinal);
        Assert.Equal(["rejected", "synced", "synced", "synced"], (await till.Api.AllSalesAsync()).Select(s => s.SyncState));
        Assert.Equal("rejected", (await till.Api.ReceiptAsync(poison.ClientOrderId)).SyncState);

        var orders = await shop.HqOrdersAsync();
        Assert.Equal([2L, 3L, 4L, 5L], orders.Select(o => o.TillSeq)); // after the shift's open
        Assert.Equal(("rejected", SyncReasons.InvalidCreatedAt), (orders[0].Status, orders[0].Reason));
        Assert.Equal(good.Select(r => (r.ClientOrderId, "committed")), orders.Skip(1).Select(o => (o.ClientOrderId, o.Status)));
    }

    [Fact]
    public async Task Conflict_SaleNumberedFromARestoredTill_StaysQueuedForAttentionWhileLaterSalesSync()
    {
        await using var shop = await TillScenario.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var backup = TempDirectory.Create("till-backup");
        try
        {
            await using (var till = await shop.StartInProcessTillAsync(time))
            {
                await till.Api.WaitOnlineAsync();
                await till.Api.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 1)]));
                await till.Api.WaitDrainedAsync(betweenPolls: AdvanceOneSecond(time));
            }

            DatabaseFiles.Copy(shop.InProcessDataDir, backup, "till.db");
            await using (var till = await shop.StartInProcessTillAsync(time))
            {
                await till.Api.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 2)]));
                await till.Api.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 3)]));
                await till.Api.WaitDrainedAsync(betweenPolls: AdvanceOneSecond(time));
            }

            // The till's disk is restored from the backup taken after sale 1 and it sells once before it reaches HQ:
            // that sale reuses number 3 (after the shift's open and sale 1), which HQ already holds for another sale.
            DatabaseFiles.Copy(backup, shop.InProcessDataDir, "till.db");
            shop.Link.SetMode(LinkMode.Refuse);
            await using var restored = await shop.StartInProcessTillAsync(time);
            var reused = await restored.Api.SellAsync(Carts.PaidInCash([new CartLine("SOAP-125G", 1)]));
            Assert.Equal(3, reused.TillSeq);

            shop.Link.SetMode(LinkMode.Pass);
            await restored.Api.SyncNowAsync();
            var status = await restored.Api.WaitStatusAsync(s => s.AttentionCount == 1, "the conflict to show", betweenPolls: AdvanceOneSecond(time));
            Assert.Equal(1, status.QueueDepth);
            var item = Assert.Single(await restored.Api.AttentionAsync());
            Assert.Equal((reused.ClientOrderId, "conflict", SyncReasons.SeqReused), (item.DocumentId, item.Status, item.Reason));

            // The next sale takes a number after HQ's, syncs, and the conflict is still waiting for a person.
            var next = await restored.Api.SellAsync(Carts.PaidInCash([new CartLine("SOAP-125G", 2)]));
            Assert.Equal(5, next.TillSeq);
            await Eventually.UntilAsync(
                async () => (await restored.Api.ReceiptAsync(next.ClientOrderId)).SyncState, s => s == "synced", Patience.Exchanges,
                "the sale after the conflict to sync", restored, AdvanceOneSecond(time));
            status = await restored.Api.StatusAsync();
            Assert.Equal((1, reused.CreatedAt, 1), (status.QueueDepth, status.OldestUnsyncedAt, status.AttentionCount));
            var orders = await shop.HqOrdersAsync();
            Assert.Equal([2L, 3L, 4L, 5L], orders.Select(o => o.TillSeq));
            Assert.DoesNotContain(orders, o => o.ClientOrderId == reused.ClientOrderId);

            // HQ's fleet view shows the sale still waiting on the till, as reported with each contact.
            var view = await Eventually.UntilAsync(
                () => shop.Manager.GetTillAsync(shop.Till.TillId), t => t.QueueDepth == 1 && t.NextSeq == 6, Patience.Exchanges,
                "HQ's fleet view to show one sale waiting", shop.Hq, AdvanceOneSecond(time));
            Assert.Equal(reused.CreatedAt, view.OldestUnsyncedAt);
        }
        finally
        {
            await TempDirectory.DeleteAsync(backup);
        }
    }

    private static Func<Task> AdvanceOneSecond(FakeTimeProvider time) => () =>
    {
        time.Advance(TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    };
}

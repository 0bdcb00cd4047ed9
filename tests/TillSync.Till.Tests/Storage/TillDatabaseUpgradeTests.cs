// Proves a till.db written by version 3 — sales in one table with their order JSON and sync state, some still queued —
// upgrades in place when the new till starts: every sale becomes a sale document whose order is byte for byte the JSON
// version 3 stored, sync states and receipts are kept, the queued ones are the queue, and the numbers carry on (tillSeq
// and the bill series from the last bill printed). Builds the old file with version 3's own schema script.
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Storage;
using TillSync.Testing;
using TillSync.Till.Outbox;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Storage;

public sealed class TillDatabaseUpgradeTests
{
    private static readonly DateTimeOffset SoldAt = new(2026, 11, 28, 10, 0, 0, BillNumber.IstOffset);

    [Fact]
    public async Task Upgrade_Version3FileWithQueuedSales_KeepsEverySaleAndQueuesThePendingOnesAsTheyWere()
    {
        var dataDir = TempDirectory.Create("till-v3");
        var old = await Version3Till.WriteAsync(dataDir, SoldAt, [SyncStates.Synced, SyncStates.Pending, SyncStates.Conflict, SyncStates.Pending]);

        await using var till = await LocalTill.OpenAsync(dataDir, new FakeTimeProvider(SoldAt.AddHours(1)));

        await using (var connection = await till.Database.OpenAsync(CancellationToken.None))
        {
            Assert.Equal(7L, await connection.Command("PRAGMA user_version").ScalarAsync(CancellationToken.None));
            Assert.Equal(0L, await connection.Command("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sales_v3'").ScalarAsync(CancellationToken.None));
            var states = await connection.Command("SELECT sync_state, sync_reason FROM documents ORDER BY till_seq")
                .ListAsync(r => (r.GetString(0), r.NullableString(1)), CancellationToken.None);
            Assert.Equal([(SyncStates.Synced, null), (SyncStates.Pending, null), (SyncStates.Conflict, SyncReasons.SeqReused), (SyncStates.Pending, null)], states);
        }

        var batch = await till.Outbox.NextBatchAsync(CancellationToken.None);
        Assert.Equal([2L, 4L], batch.Select(b => b.TillSeq));
        foreach (var queued in batch)
        {
            var (orderJson, order) = old[(int)queued.TillSeq - 1];
            Assert.Null(queued.Damage);
            Assert.Equal($$"""{"kind":"sale","documentId":"{{order.ClientOrderId:D}}","tillSeq":{{queued.TillSeq}},"sale":{{orderJson}}}""", queued.Json);
            var document = JsonSerializer.Deserialize(queued.Json, TillSyncJsonContext.Default.TillDocumentDto)!;
            OrderAssert.Same(order, document.Sale!);
        }

        var reprint = await till.Sales.ReceiptAsync(old[2].Order.ClientOrderId, CancellationToken.None);
        Assert.Equal((old[2].Order.BillNo, SyncStates.Conflict, (string?)null), (reprint!.BillNo, reprint.SyncState, reprint.ReceiptCode));
        Assert.Equal(3, (await till.Outbox.StateAsync(CancellationToken.None)).QueueDepth);
    }

    [Fact]
    public async Task Upgrade_ThenSell_CarriesOnTheTillSeqAndTheBillSeries()
    {
        var dataDir = TempDirectory.Create("till-v3");
        await Version3Till.WriteAsync(dataDir, SoldAt, [SyncStates.Synced, SyncStates.Synced, SyncStates.Pending]);
        await using var till = await LocalTill.OpenAsync(dataDir, new FakeTimeProvider(SoldAt.AddHours(1)));
        await till.Snapshots.SaveAsync(LocalTill.Snapshot(3, till.Time.GetUtcNow()), CancellationToken.None); // HQ holds 1 and 2

        var next = await till.SellAsync(Carts.PaidInCash([new CartLine("MILK-500ML", 1)]));

        Assert.Equal((4L, $"{LocalTill.BillPrefix}/2627/000004"), (next.TillSeq, next.BillNo));
        Assert.NotNull(next.ReceiptCode);
    }

    [Fact]
    public async Task Upgrade_AFileAlreadyAtVersion4_ChangesNothing()
    {
        await using var till = await LocalTill.CreateAsync();
        var sold = await till.SellAsync(Carts.PaidInCash([new CartLine("MILK-500ML", 1)]));
        var before = await till.Outbox.NextBatchAsync(CancellationToken.None);

        await till.Database.EnsureSchemaAsync(CancellationToken.None);

        Assert.Equal(before, await till.Outbox.NextBatchAsync(CancellationToken.None));
        Assert.Equal(sold.BillNo, (await till.Sales.ReceiptAsync(sold.ClientOrderId, CancellationToken.None))!.BillNo);
    }
}

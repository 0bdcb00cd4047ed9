// Proves a till.db written by version 3 — sales in one table with their order JSON and sync state, some still queued —
// upgrades in place when the new till starts: every sale becomes a sale document whose order is byte for byte the JSON
// version 3 stored, sync states and receipts are kept, the queued ones are the queue, and the numbers carry on (tillSeq
// and the bill series from the last bill printed). Builds the old file with version 3's own schema script. And a till.db
// written by version 7 — sales with their own copy of the id and bill number, the counters in two tables — keeps every
// receipt and carries every counter on, its products gaining version 9's MRP and footing with their old meaning.
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Storage;
using TillSync.Testing;
using TillSync.Till.Outbox;
using TillSync.Contracts.Documents;
using TillSync.Till.Returns;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;
using TillSync.Till.Tests.Returns;

namespace TillSync.Till.Tests.Storage;

public sealed class TillDatabaseUpgradeTests
{
    private static readonly DateTimeOffset SoldAt = new(2026, 11, 28, 10, 0, 0, BillNumber.IstOffset);

    [Fact]
    public async Task Upgrade_Version3FileWithQueuedSales_KeepsEverySaleAndQueuesThePendingOnesAsTheyWere()
    {
        var dataDir = TempDirectory.Create("till-v3");
        var old = await OldTills.Version3Async(dataDir, SoldAt, [SyncStates.Synced, SyncStates.Pending, SyncStates.Conflict, SyncStates.Pending]);

        await using var till = await LocalTill.OpenAsync(dataDir, new FakeTimeProvider(SoldAt.AddHours(1)));

        await using (var connection = await till.Database.OpenAsync(CancellationToken.None))
        {
            Assert.Equal(12L, await connection.Command("PRAGMA user_version").ScalarAsync(CancellationToken.None));
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
        await OldTills.Version3Async(dataDir, SoldAt, [SyncStates.Synced, SyncStates.Synced, SyncStates.Pending]);
        await using var till = await LocalTill.OpenAsync(dataDir, new FakeTimeProvider(SoldAt.AddHours(1)));
        await till.Snapshots.SaveAsync(LocalTill.Snapshot(3, till.Time.GetUtcNow()), CancellationToken.None); // HQ holds 1 and 2

        var next = await till.SellAsync(Carts.PaidInCash([new CartLine("MILK-500ML", 1)]));

        Assert.Equal((4L, $"{LocalTill.BillPrefix}/2627/000004"), (next.TillSeq, next.BillNo));
        Assert.NotNull(next.ReceiptCode);
    }

    [Fact]
    public async Task Upgrade_Version7File_KeepsEveryReceiptAndCarriesOnEveryCounter()
    {
        var dataDir = TempDirectory.Create("till-v7");
        var old = await OldTills.Version7Async(dataDir, SoldAt, [SyncStates.Synced, SyncStates.Pending], lastBill: 12, lastCreditNote: 3);
        await using (var v7 = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataDir, "till.db")};Pooling=False"))
        {
            await v7.OpenAsync();
            await v7.Command("""
                INSERT INTO products (sku, name, hsn, unit, gst_rate_bp, price_paise, barcode, on_hand, search_text)
                VALUES ('RICE-5KG', 'Rice 5 kg', '1006', 'PCS', 500, 30000, NULL, '10', 'rice-5kg rice 5 kg')
                """).ExecuteAsync(CancellationToken.None);
        }

        await using var till = await LocalTill.OpenAsync(dataDir, new FakeTimeProvider(SoldAt.AddHours(1)));

        await using (var connection = await till.Database.OpenAsync(CancellationToken.None))
        {
            Assert.Equal(12L, await connection.Command("PRAGMA user_version").ScalarAsync(CancellationToken.None));
            Assert.Equal(0L, await connection.Command("""
                SELECT COUNT(*) FROM sqlite_master WHERE name IN ('counter', 'printed_counters', 'sales_v7', 'ix_documents_queue_age')
                """).ScalarAsync(CancellationToken.None));
            var counters = await connection.Command("SELECT name, last_value FROM counters ORDER BY name")
                .ListAsync(r => (r.GetString(0), r.GetInt64(1)), CancellationToken.None);
            Assert.Equal([(PrintedSeries.Bill, 12L), (PrintedSeries.CreditNote(SoldAt), 3L), (Counters.TillSeq, 2L)], counters);
            // Version 9's columns: the products of version 7's snapshot keep their meaning, no MRP and priced before tax.
            // Version 12's column: they are on sale, as their snapshot said.
            var footings = await connection.Command("SELECT DISTINCT mrp_paise IS NULL, tax_inclusive, retired FROM products")
                .ListAsync(r => (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)), CancellationToken.None);
            Assert.Equal([(1L, 0L, 0L)], footings);
        }

        foreach (var order in old)
        {
            Assert.Equal(order.BillNo, (await till.Sales.ReceiptAsync(order.ClientOrderId, CancellationToken.None))!.BillNo);
        }

        var recent = await till.Sales.RecentAsync(10, null, null, CancellationToken.None);
        Assert.Equal(old.Select(o => (o.ClientOrderId, o.BillNo)).Reverse(), recent.Select(r => (r.ClientOrderId, r.BillNo)));
        var (byBill, problem) = await till.Originals.FindAsync(new OriginalReference(BillNo: old[0].BillNo.ToLowerInvariant()), CancellationToken.None);
        Assert.True(byBill is not null, problem);
        Assert.Equal(old[0].ClientOrderId, byBill.SaleId);
        var queue = await till.Outbox.StateAsync(CancellationToken.None);
        Assert.Equal((1, SoldAt.AddMinutes(2)), (queue.QueueDepth, queue.OldestUnsyncedAt));

        await till.Snapshots.SaveAsync(LocalTill.Snapshot(3, till.Time.GetUtcNow()), CancellationToken.None); // HQ holds 1 and 2
        var next = await till.SellAsync(Carts.PaidInCash([new CartLine("MILK-500ML", 1)]));
        Assert.Equal((3L, $"{LocalTill.BillPrefix}/2627/000013"), (next.TillSeq, next.BillNo));
        var note = await ReturnRecorderTests.RecordAsync(till,
            ReturnRecorderTests.Return(new OriginalReference(SaleId: next.ClientOrderId), [new ReturnLineRequest(1, 1, ReturnConditions.Restock)]));
        Assert.Equal((4L, $"{LocalTill.BillPrefix}/{BillNumber.FinancialYear(note.CreatedAt)}/C00004"), (note.TillSeq, note.CreditNoteNo));
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

// A sync batch carrying sales and returns used to share-lock its products' rows in two statements, the sales' SKUs then
// the returns', so on PostgreSQL a cost change locking the same products in SKU order could hold a return's SKU and wait
// for a sale's while the batch waited for the return's: PostgreSQL aborted one of them and the till got a 503 (ADR 0024).
// Proves the batch now takes every cost row in one SKU order: a transaction standing in for a cost change locks product
// A, the batch (a sale of B, a return of a sale of A) is seen waiting for it, the transaction then locks B and commits,
// and the batch answers 200 with both documents created, once. On SQLite, whose writers never overlap, the batch commits.
using Npgsql;
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Regressions;

public sealed class MixedBatchDeadlockedWithACostChange(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task SaleOfBAndReturnOfA_WhileACostChangeHoldsAThenTakesB_CommitOnce()
    {
        // One suffix, so A sorts before B: the order a cost change of both locks them in.
        var suffix = Guid.CreateVersion7().ToString("N")[^6..].ToUpperInvariant();
        var (a, b) = (Product($"LOCKA-{suffix}"), Product($"LOCKB-{suffix}"));
        await fixture.Manager.UpsertProductsAsync([a, b]);
        await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest([new StockReceiptLine(a.Sku, 10), new StockReceiptLine(b.Sku, 10)]));
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var saleOfA = till.Orders.NextWalkIn([HqScenario.LineOf(a, 2)]);
        Assert.Equal(SyncStatus.Created, Assert.Single((await till.SyncDocumentsAsync([TillClient.SaleDocument(saleOfA)])).Results).Status);
        List<TillDocumentDto> batch =
        [
            TillClient.SaleDocument(till.Orders.NextWalkIn([HqScenario.LineOf(b, 3)])),
            new ReturnFactory(till.Orders, till.BillPrefix).Next(saleOfA, till.TillId, [(1, 2m, ReturnConditions.Restock)]),
        ];

        var reply = fixture.Hq.Postgres is { } postgres
            ? await SyncWhileACostChangeLocksAsync(postgres, till, batch, a.Sku, b.Sku)
            : await till.SyncDocumentsAsync(batch);

        Assert.All(reply.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        Assert.All((await till.SyncDocumentsAsync(batch)).Results, r => Assert.Equal(SyncStatus.Duplicate, r.Status));
        Assert.Equal(10m, await fixture.Manager.OnHandAsync(a.Sku));
        Assert.Equal(7m, await fixture.Manager.OnHandAsync(b.Sku));
    }

    // A cost change of A and B caught between its two row locks, played on its own connection: it holds A until the batch
    // is seen waiting for A, then locks B and commits. A batch that had share-locked B before asking for A closes a cycle
    // here, and PostgreSQL's deadlock detector fails the batch (a 503) or this transaction (a PostgresException).
    private async Task<DocumentSyncResponse> SyncWhileACostChangeLocksAsync(
        string postgres, TillClient till, IReadOnlyList<TillDocumentDto> batch, string skuA, string skuB)
    {
        await using var costChange = new NpgsqlConnection(postgres);
        await costChange.OpenAsync();
        await using var transaction = await costChange.BeginTransactionAsync();
        await LockProductAsync(costChange, transaction, skuA);
        var holderPid = costChange.ProcessID;

        var syncing = till.SyncDocumentsAsync(batch);
        await Eventually.UntilAsync(async () =>
        {
            Assert.False(syncing.IsCompleted, "the batch finished without waiting for product A's row, which a cost change held");
            return await BackendsWaitingForAsync(postgres, holderPid);
        }, waiting => waiting > 0, Patience.Exchanges, "the sync batch to wait for product A's row lock", fixture.Hq);

        await LockProductAsync(costChange, transaction, skuB);
        await transaction.CommitAsync();
        return await syncing;
    }

    private static async Task LockProductAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sku)
    {
        await using var command = new NpgsqlCommand("SELECT cost_paise FROM products WHERE sku = @sku FOR UPDATE", connection, transaction);
        command.Parameters.AddWithValue("sku", sku);
        Assert.NotNull(await command.ExecuteScalarAsync());
    }

    // Backends blocked by a lock that backend holderPid holds.
    private static async Task<long> BackendsWaitingForAsync(string postgres, int holderPid)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE @holder = ANY (pg_blocking_pids(pid))", connection);
        command.Parameters.AddWithValue("holder", holderPid);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static ProductDto Product(string sku) => new(sku, $"Test {sku}", "0902", "PCS", 500, 20_000, 12_000, null);
}

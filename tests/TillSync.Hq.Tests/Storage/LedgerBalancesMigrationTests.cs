// Proves migrations 0012 and 0015 backfill the same per-day and per-month balances HQ maintains as it posts: a real HQ
// records sales (either side of midnight IST and of a month's end), returns, receipts and resolutions; then the migration
// is undone and applied again, and the backfilled rows equal the maintained ones row for row, on the store the suite runs
// against (a real database).
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Sync;
using TillSync.Hq.Storage;
using TillSync.Storage;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Storage;

public sealed class LedgerBalancesMigrationTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Theory]
    [InlineData(12, new[] { "ledger_account_days", "ledger_days", "ledger_gst_days" })]
    [InlineData(15, new[] { "ledger_account_months", "ledger_months", "ledger_gst_months" })]
    public async Task Migration_Backfill_EqualsTheBalancesMaintainedWhilePosting(int version, string[] tables)
    {
        await RecordHistoryAsync();
        await using var database = fixture.Hq.Postgres is { } postgres ? HqDatabase.Postgres(postgres) : HqDatabase.Sqlite(fixture.Hq.DataDir);
        var maintained = await ReadAllAsync(database, tables);
        Assert.All(tables, t => Assert.NotEmpty(maintained[t]));

        // The migration undone and its own script run again, as the migrator ran it: the migrator itself applies only versions
        // above the newest applied, and later migrations exist.
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await using var transaction = await database.BeginWriteAsync(connection, CancellationToken.None);
            foreach (var table in tables)
            {
                await connection.Command($"DROP TABLE {table}", transaction).ExecuteAsync(CancellationToken.None);
            }

            await connection.Command(MigrationScript(database.Engine.Kind, version), transaction).ExecuteAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        var backfilled = await ReadAllAsync(database, tables);
        Assert.All(tables, t => Assert.Equal(maintained[t], backfilled[t]));
    }

    private async Task RecordHistoryAsync()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var returns = new ReturnFactory(till.Orders, till.BillPrefix);
        var ist = new TimeSpan(5, 30, 0);
        // The last is the first of December in IST and still November in UTC.
        var times = new[]
        {
            new DateTimeOffset(2026, 11, 27, 0, 5, 0, ist), new(2026, 11, 27, 23, 55, 0, ist), new(2026, 11, 28, 5, 29, 0, ist), new(2026, 12, 1, 0, 5, 0, ist),
        };
        var sales = times.SelectMany(at => new[]
        {
            till.Orders.Build(till.Orders.NextSeq++, till.Orders.RandomLines(), null, at),
            till.Orders.Build(till.Orders.NextSeq++, till.Orders.RandomLines(), HqScenario.B2BIntraState, at),
            till.Orders.Build(till.Orders.NextSeq++, till.Orders.RandomLines(), HqScenario.B2BInterState, at),
        }).ToList();
        var documents = sales.Select(TillClient.SaleDocument).ToList();
        documents.Add(returns.Next(sales[1], till.TillId, [(1, Math.Min(1m, sales[1].Lines[0].Qty), "restock")], createdAt: times[2]));
        documents.Add(returns.Next(sales[2], till.TillId, [(1, Math.Min(1m, sales[2].Lines[0].Qty), "damaged")], createdAt: times[1]));
        Assert.All((await till.SyncDocumentsAsync(documents)).Results, r => Assert.Equal(SyncStatus.Created, r.Status));

        var product = HqScenario.Products[0];
        await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest([new StockReceiptLine(product.Sku, 5)]));
        // Beyond on-hand, which an earlier case's shortfall may have left below zero.
        var oversold = till.Orders.Build(till.Orders.NextSeq++,
            [OrderFactory.Line(product.Sku, Math.Max(0, await fixture.Manager.OnHandAsync(product.Sku)) + 2)], null, times[0]);
        Assert.Equal(SyncStatus.Created, (await till.SyncDocumentsAsync([TillClient.SaleDocument(oversold)])).Results.Single().Status);
        var review = Assert.Single((await fixture.Manager.ListReviewsAsync($"status=open&kind=stock_short&sku={product.Sku}")).Items,
            r => r.ClientOrderId == oversold.ClientOrderId);
        await fixture.Manager.ResolveAsync(review.ReviewId, new ReviewResolutionRequest(ResolutionActions.CreditNote, "migration test", Guid.CreateVersion7(), 1));
    }

    // The SQL the migrator applies for version <paramref name="version"/> on <paramref name="engine"/>: the resource
    // embedded in HQ's assembly (Storage/Migrations/{engine}/NNNN_name.sql).
    private static string MigrationScript(StoreEngine engine, int version)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"TillSync.Hq.Storage.Migrations.{engine}.{version:0000}_";
        var name = Assert.Single(assembly.GetManifestResourceNames(), n => n.StartsWith(prefix, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    private static async Task<Dictionary<string, List<string>>> ReadAllAsync(HqDatabase database, string[] tables)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var rows = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            // Every column as text, in key order: a row's whole content, comparable between the two reads.
            var all = await connection.Command($"SELECT * FROM {table}").ListAsync(r => string.Join('|',
                Enumerable.Range(0, r.FieldCount).Select(i => Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))),
                CancellationToken.None);
            rows[table] = [.. all.Order(StringComparer.Ordinal)];
        }

        return rows;
    }
}

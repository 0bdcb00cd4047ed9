// The bench's set-based history (SetBasedReportHistory: INSERT … SELECT over the order numbers, balances by aggregate SQL)
// writes exactly what HQ's journal writer writes for the same history (ReportHistory): every journal and balance table
// is compared row by row on the store the suite runs against, and the maintained trial balance equals a full scan.
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Hq.Accounting;
using TillSync.Hq.Storage;
using TillSync.Storage;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Accounting;

public sealed class SetBasedReportHistoryTests : IAsyncLifetime
{
    // Every table either history writes, with the order that makes two copies comparable row by row.
    private static readonly string[] Tables =
    [
        "SELECT entry_no, entry_ref, store_id, kind, entry_date, description, posted_at FROM journal_entries ORDER BY entry_no",
        "SELECT entry_ref, posting_no, store_id, account, amount_paise FROM journal_postings ORDER BY entry_ref, posting_no",
        "SELECT * FROM ledger_account_days ORDER BY entry_date, store_id, account",
        "SELECT * FROM ledger_days ORDER BY entry_date, store_id",
        "SELECT * FROM ledger_gst_days ORDER BY entry_date, store_id, document, supply, inter_state, gst_rate_bp",
        "SELECT * FROM ledger_account_months ORDER BY entry_month, store_id, account",
        "SELECT * FROM ledger_months ORDER BY entry_month, store_id",
        "SELECT * FROM ledger_gst_months ORDER BY entry_month, store_id, document, supply, inter_state, gst_rate_bp",
    ];

    private readonly List<(string? Directory, string? Postgres, HqDatabase Database)> _databases = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (directory, postgres, database) in _databases)
        {
            await database.DisposeAsync();
            if (postgres is not null)
            {
                await TestStore.DropPostgresDatabaseAsync(postgres);
            }

            if (directory is not null)
            {
                await TempDirectory.DeleteAsync(directory);
            }
        }
    }

    [Theory]
    [InlineData(2_000, 400, 700)]     // across a financial year's start (April 2017) and month ends, in three chunks
    [InlineData(2_000, 3_652, 2_000)] // ten years with most days empty, in one chunk
    [InlineData(250, 30, 100)]        // a chunk boundary inside a cycle of 120 sales
    public async Task SetBasedHistory_WritesTheJournalWritersRows_AndBalancesEqualTheScan(int orders, int days, int ordersPerChunk)
    {
        var written = await NewDatabaseAsync();
        await ReportHistory.BuildAsync(written, orders, days, _ => { });
        var setBased = await NewDatabaseAsync();

        await SetBasedReportHistory.BuildAsync(setBased, orders, days, _ => { }, ordersPerChunk);

        foreach (var table in Tables)
        {
            var expected = await RowsAsync(written, table);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, await RowsAsync(setBased, table));
        }

        var ragged = new LedgerPeriod(ReportHistory.FirstDay.AddDays(14), ReportHistory.DayOf(orders - 1, orders, days).AddDays(-3), 2);
        foreach (var period in new[] { new LedgerPeriod(null, null, null), ragged })
        {
            var (maintained, scanned) = await TrialBalancesAsync(setBased, period);
            Assert.Equal(scanned, maintained);
            Assert.Contains("revenue:sales", maintained, StringComparison.Ordinal);
        }
    }

    private async Task<HqDatabase> NewDatabaseAsync()
    {
        var postgres = TestStore.IsPostgres ? await TestStore.CreatePostgresDatabaseAsync() : null;
        var directory = postgres is null ? TempDirectory.Create("history") : null;
        var database = postgres is null ? HqDatabase.Sqlite(directory!) : HqDatabase.Postgres(postgres);
        _databases.Add((directory, postgres, database));
        return database;
    }

    private static async Task<List<string>> RowsAsync(HqDatabase database, string query)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return await connection.Command(query).ListAsync(Row, CancellationToken.None);
    }

    private static string Row(DbDataReader reader) => string.Join('|', Enumerable.Range(0, reader.FieldCount)
        .Select(c => Convert.ToString(reader.GetValue(c), CultureInfo.InvariantCulture)));

    private static async Task<(string Maintained, string Scanned)> TrialBalancesAsync(HqDatabase database, LedgerPeriod period)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var snapshot = await database.BeginReadAsync(connection, CancellationToken.None);
        var maintained = await TrialBalance.LoadAsync(snapshot, period, CancellationToken.None);
        var scanned = await LedgerScan.TrialBalanceAsync(snapshot, period, CancellationToken.None);
        return (JsonSerializer.Serialize(maintained, TillSyncJsonContext.Default.TrialBalanceView),
            JsonSerializer.Serialize(scanned, TillSyncJsonContext.Default.TrialBalanceView));
    }
}

// Proves `tillsync till verify` on a real till.db written by the till's own document writer: a whole chain holds (exit 0,
// with a progress bar), a hand-edited entry is named by its tillSeq (exit 1), and a directory without a till says so.
using TillSync.Cli.Verbs;
using TillSync.Storage;
using TillSync.Testing;
using TillSync.Till.Outbox;
using TillSync.Till.Receipts;
using TillSync.Till.Storage;

namespace TillSync.Cli.Tests.Verbs;

public sealed class TillVerifyVerbTests
{
    [Fact]
    public async Task Verify_AWholeChain_HoldsAndExitsZero()
    {
        var dataDir = await TillWithDocumentsAsync(3);
        try
        {
            var progress = new StringWriter();
            var output = new StringWriter();

            var exit = await TillSyncCommand.Create(output, progress).Parse(["till", "verify", "--data", dataDir]).InvokeAsync();

            Assert.Equal(0, exit);
            Assert.Contains("till verify: 3 documents, 3 chained; every link holds.", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("HQ's statement: none kept yet", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("verifying [##############################] 3/3", progress.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await DeleteAsync(dataDir);
        }
    }

    [Fact]
    public async Task Verify_AnEditedEntry_IsNamedAndExitsOne()
    {
        var dataDir = await TillWithDocumentsAsync(3);
        try
        {
            var database = new TillDatabase(dataDir);
            await using (var connection = await database.OpenAsync(CancellationToken.None))
            {
                await connection.Command("""
                    UPDATE documents SET body_json = replace(body_json, '"T07/', '"T08/'), body_sha256 = 'edited' WHERE till_seq = 2
                    """).ExecuteAsync(CancellationToken.None);
            }

            var (exit, output) = await InProcessCli.RunAsync("till", "verify", "--data", dataDir);

            Assert.Equal(TillVerifyVerb.BrokenExitCode, exit);
            Assert.Contains("till verify: the chain breaks at tillSeq 2 (edited): the document at tillSeq 2 does not give its chain hash", output, StringComparison.Ordinal);
        }
        finally
        {
            await DeleteAsync(dataDir);
        }
    }

    [Fact]
    public async Task Verify_ADirectoryWithoutATill_SaysSo()
    {
        var dataDir = TempDirectory.Create("till-verify-empty");
        try
        {
            var (exit, output) = await InProcessCli.RunAsync("till", "verify", "--data", dataDir);

            Assert.Equal(TillVerifyVerb.NothingToCheckExitCode, exit);
            Assert.Contains("holds no till (till.db and receipt-key.pem)", output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(dataDir, "till.db")));
        }
        finally
        {
            await TempDirectory.DeleteAsync(dataDir);
        }
    }

    // A till's data directory with its key and `count` sale documents written by the till's own writer, as a till would.
    private static async Task<string> TillWithDocumentsAsync(int count)
    {
        var dataDir = TempDirectory.Create("till-verify");
        var database = new TillDatabase(dataDir);
        await database.EnsureSchemaAsync(CancellationToken.None);
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await connection.Command("INSERT INTO counters (name, last_value) VALUES (@name, 0)").With("@name", Counters.TillSeq).ExecuteAsync(CancellationToken.None);
        }

        using var key = ReceiptKey.LoadOrCreate(dataDir);
        await using var writer = new DocumentWriter(database, key);
        var orders = new OrderFactory("T07");
        for (var i = 0; i < count; i++)
        {
            await writer.WriteAsync(async transaction =>
            {
                var seq = await transaction.NextSeqAsync(CancellationToken.None);
                var order = orders.Next() with { TillSeq = seq };
                await transaction.AddAsync(TillClient.SaleDocument(order), order.BillNo, order.CreatedAt, order.Totals.TotalPaise, CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
                return seq;
            }, CancellationToken.None);
        }

        database.ClearPool();
        return dataDir;
    }

    private static async Task DeleteAsync(string dataDir)
    {
        new TillDatabase(dataDir).ClearPool();
        await TempDirectory.DeleteAsync(dataDir);
    }
}

// Proves the till's write-ahead log is copied into till.db beside the sales, not inside them: the writer's connection
// leaves checkpoints to a backstop far above SQLite's 1,000 pages, no sale checkpoints before the writer's background
// checkpoint runs, and that checkpoint moves the log into the file. Real till.db files in temp dirs.
using TillSync.Till.Sales;
using TillSync.Till.Storage;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Storage;

public sealed class WalCheckpointTests
{
    private static readonly SaleRequest Rice = Carts.PaidInCash([new CartLine("RICE-5KG", 1)]);

    [Fact]
    public async Task WriterConnection_CheckpointsItselfOnlyAtTheBackstop()
    {
        await using var till = await LocalTill.CreateAsync();

        var pages = await till.Writer.WriteAsync(t => t.ScalarAsync("PRAGMA wal_autocheckpoint", CancellationToken.None), CancellationToken.None);

        Assert.Equal((long)WalCheckpointer.WriterBackstopPages, pages);
    }

    [Fact]
    public async Task Sales_CheckpointInTheBackgroundEveryFewDocuments_NeverInsideASale()
    {
        await using var till = await LocalTill.CreateAsync();
        var fileBefore = new FileInfo(till.Database.FilePath).Length;

        for (var i = 1; i < WalCheckpointer.DocumentsPerCheckpoint; i++)
        {
            await till.SellAsync(Rice);
        }

        // Every page these sales wrote is still in the log: no sale checkpointed.
        Assert.Equal(fileBefore, new FileInfo(till.Database.FilePath).Length);

        await till.SellAsync(Rice);
        await till.Writer.DisposeAsync(); // waits for the checkpoint that sale started

        Assert.True(new FileInfo(till.Database.FilePath).Length > fileBefore, "the background checkpoint copied the log into till.db");
        Assert.Equal(WalCheckpointer.DocumentsPerCheckpoint, (await till.Outbox.NextBatchAsync(CancellationToken.None)).Count);
    }
}

using Microsoft.Data.Sqlite;
using TillSync.Storage;

namespace TillSync.Till.Storage;

/// <summary>Copies the till's write-ahead log back into <c>till.db</c> off the sale path. Left to SQLite, the commit that
/// takes the log past 1,000 pages does that copy and its <c>fsync</c> itself, inside whichever sale it happens to be
/// (bench/RESULTS.md: over 1 % of sales, and most of the sale's p99). Instead the document writer's connection only
/// checkpoints as a backstop (<see cref="WriterBackstopPages"/>), and after every <see cref="DocumentsPerCheckpoint"/>
/// documents this runs a <c>PASSIVE</c> checkpoint on a connection of its own, beside the next sales: it takes no write
/// lock, so a sale never waits for it.</summary>
public sealed class WalCheckpointer(TillDatabase database, ILogger? logger)
{
    /// <summary>How many documents are written between two checkpoints: a few hundred log pages, well under the backstop.</summary>
    public const int DocumentsPerCheckpoint = 32;

    /// <summary>The log size, in pages, at which the writer's own commit checkpoints after all: reached only if these
    /// checkpoints keep failing or cannot keep up, so the log stays bounded either way.</summary>
    public const int WriterBackstopPages = 10_000;

    private int _documents;
    private Task _running = Task.CompletedTask;

    /// <summary>Counts a written document and starts a checkpoint every <see cref="DocumentsPerCheckpoint"/> documents,
    /// unless one is still running. Called in the writer's turn, one call at a time.</summary>
    public void DocumentWritten()
    {
        if (++_documents < DocumentsPerCheckpoint || !_running.IsCompleted)
        {
            return;
        }

        _documents = 0;
        _running = Task.Run(CheckpointAsync);
    }

    /// <summary>Waits for a running checkpoint to end.</summary>
    public Task StoppedAsync() => _running;

    private async Task CheckpointAsync()
    {
        try
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await connection.Command("PRAGMA wal_checkpoint(PASSIVE)").ExecuteAsync(CancellationToken.None);
        }
        catch (SqliteException exception)
        {
            // The next checkpoint tries again, and the writer's backstop keeps the log bounded meanwhile.
            logger?.LogWarning(exception, "A background checkpoint of the till's write-ahead log failed");
        }
    }
}

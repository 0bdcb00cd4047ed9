using System.Globalization;
using Microsoft.Data.Sqlite;
using TillSync.Storage;
using TillSync.Till.Storage;

namespace TillSync.Till.Mirror;

/// <summary>Keeps a copy of <c>till.db</c> in a second directory (<c>--mirror</c>: a USB stick, a share) current, so that
/// a till whose own disk dies still leaves its unsynced sales behind (docs/operations.md). It watches the database's
/// <c>PRAGMA data_version</c> on a connection of its own and, whenever a transaction has committed since its last copy,
/// writes a consistent copy with <c>VACUUM INTO</c> (one read transaction: the database as of one commit) to a file beside
/// the mirror, flushes it to the device and renames it over the mirror, so the mirror always opens and never holds half a
/// copy. It runs beside the sale, never inside it: a sale writes nothing more and waits for nothing, and the mirror trails
/// the last commit by about one <see cref="PollInterval"/> and one copy. Each copy is the whole database, so after a copy
/// the mirror waits at least as long as that copy took before the next: it spends at most half its time copying however
/// large <c>till.db</c> grows or however slow the stick is, and the mirror trails by more as it grows.</summary>
public sealed partial class DatabaseMirror(string mirrorDirectory, TillDatabase database, TimeProvider time, ILogger<DatabaseMirror> logger)
    : BackgroundService
{
    /// <summary>How often the mirror asks whether anything committed: a quarter of a second.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    // SQLite's primary result codes for a mirror that cannot be written: no permission, read-only, I/O error, disk full,
    // cannot open (the stick was pulled).
    private static readonly int[] UnwritableCodes = [3, 8, 10, 13, 14];

    /// <summary>The mirror's file: <c>till.db</c> in the mirror directory.</summary>
    public string MirrorFile { get; } = Path.Combine(Path.GetFullPath(mirrorDirectory), "till.db");

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var watch = await database.OpenAsync(stoppingToken);
        long? copiedVersion = null;
        string? failure = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var version = Convert.ToInt64(await watch.Command("PRAGMA data_version").ScalarAsync(stoppingToken), CultureInfo.InvariantCulture);
            var wait = PollInterval;
            if (version != copiedVersion)
            {
                var started = time.GetTimestamp();
                // A commit between reading the version and the copy is in the copy and, its version unseen, copied again:
                // a commit is never missed, at worst copied twice.
                var problem = await CopyAsync(watch, stoppingToken);
                if (problem is null)
                {
                    copiedVersion = version;
                }

                if (problem != failure)
                {
                    LogMirrorState(problem is null ? LogLevel.Information : LogLevel.Warning, MirrorFile, problem ?? "the mirror is current again");
                }

                failure = problem;
                wait = TimeSpan.FromTicks(Math.Max(PollInterval.Ticks, time.GetElapsedTime(started).Ticks));
            }

            await Task.Delay(wait, time, stoppingToken);
        }
    }

    // Writes the copy beside the mirror and renames it over; returns null, or why the mirror could not be written (the
    // till sells on either way, and the next commit tries again).
    private async Task<string?> CopyAsync(SqliteConnection watch, CancellationToken cancellationToken)
    {
        var partial = MirrorFile + ".partial";
        try
        {
            OwnerOnly.CreateDirectory(Path.GetDirectoryName(MirrorFile)!);
            File.Delete(partial);
            await SqliteBackup.CopyIntoAsync(watch, partial, cancellationToken);
            await UseRollbackJournalAsync(partial, cancellationToken);
            await using (var written = new FileStream(partial, FileMode.Open, FileAccess.ReadWrite))
            {
                written.Flush(flushToDisk: true);
            }

            File.Move(partial, MirrorFile, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException || (e is SqliteException s && UnwritableCodes.Contains(s.SqliteErrorCode)))
        {
            return e.Message;
        }
    }

    // The copy keeps the till's WAL mode; one who opens the mirror would leave a -wal file beside it that the next copy,
    // renamed into its place, must never read as its own. In rollback-journal mode a reader leaves nothing behind.
    private static async Task UseRollbackJournalAsync(string file, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await connection.Command("PRAGMA journal_mode = DELETE").ScalarAsync(cancellationToken);
    }

    [LoggerMessage(Message = "Till database mirror {MirrorFile}: {State}")]
    private partial void LogMirrorState(LogLevel level, string mirrorFile, string state);
}

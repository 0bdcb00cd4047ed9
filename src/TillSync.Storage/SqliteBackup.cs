using Microsoft.Data.Sqlite;

namespace TillSync.Storage;

/// <summary>Backs up and restores a SQLite store (HQ's <c>hq.db</c>, a till's <c>till.db</c>) as one file.
/// A backup is taken with <c>VACUUM INTO</c> on a connection of its own: one read transaction, so the copy is the
/// database as of one commit even while the server goes on writing, and compact. A restore replaces the database, and
/// the write-ahead log and shared memory beside it, with a backup that passes <c>PRAGMA integrity_check</c>; the server
/// must be stopped first (docs/operations.md).</summary>
public static class SqliteBackup
{
    /// <summary>Writes a consistent copy of <paramref name="databaseFile"/> to <paramref name="backupFile"/>, which must
    /// not exist (a backup never overwrites one), owner-only; checks it. Returns null, or why it could not.</summary>
    public static async Task<string?> BackupAsync(string databaseFile, string backupFile, CancellationToken cancellationToken)
    {
        if (File.Exists(backupFile))
        {
            return $"{backupFile} exists already; a backup never overwrites a file, so name a new one.";
        }

        if (!File.Exists(databaseFile))
        {
            return $"there is no database at {databaseFile}.";
        }

        await using (var connection = await OpenAsync(databaseFile, SqliteOpenMode.ReadWrite, cancellationToken))
        {
            await CopyIntoAsync(connection, backupFile, cancellationToken);
        }

        return await IntegrityProblemAsync(backupFile, cancellationToken);
    }

    /// <summary>Writes a consistent copy of the database <paramref name="connection"/> is open on (one read transaction:
    /// the database as of one commit) into <paramref name="file"/>, which must not exist. The file is created empty and
    /// owner-only first: <c>VACUUM INTO</c> fills an empty file, and the copy holds what the database holds.</summary>
    public static async Task CopyIntoAsync(SqliteConnection connection, string file, CancellationToken cancellationToken)
    {
        OwnerOnly.CreateFile(file);
        await connection.Command("VACUUM INTO @file").With("@file", Path.GetFullPath(file)).ExecuteAsync(cancellationToken);
    }

    /// <summary>Replaces <paramref name="databaseFile"/> with <paramref name="backupFile"/> once the backup passes its
    /// integrity check; the stale write-ahead log and shared memory go first, so that no frame of the replaced database
    /// is ever read into the restored one. Returns null, or why it could not (and then nothing was changed).</summary>
    public static async Task<string?> RestoreAsync(string backupFile, string databaseFile, CancellationToken cancellationToken)
    {
        if (!File.Exists(backupFile))
        {
            return $"there is no backup at {backupFile}.";
        }

        if (await IntegrityProblemAsync(backupFile, cancellationToken) is { } problem)
        {
            return problem;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(databaseFile))!;
        OwnerOnly.CreateDirectory(directory);
        var staging = databaseFile + ".restoring";
        File.Delete(staging);
        OwnerOnly.CreateFile(staging);
        await using (var source = File.OpenRead(backupFile))
        await using (var target = new FileStream(staging, FileMode.Truncate, FileAccess.Write))
        {
            await source.CopyToAsync(target, cancellationToken);
            target.Flush(flushToDisk: true);
        }

        File.Delete(databaseFile + "-wal");
        File.Delete(databaseFile + "-shm");
        File.Move(staging, databaseFile, overwrite: true);
        return null;
    }

    private static async Task<string?> IntegrityProblemAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(file, SqliteOpenMode.ReadOnly, cancellationToken);
            var verdict = (string?)await connection.Command("PRAGMA integrity_check").ScalarAsync(cancellationToken);
            return verdict == "ok" ? null : $"{file} fails SQLite's integrity check: {verdict}";
        }
        catch (SqliteException e)
        {
            return $"{file} is not a readable SQLite database: {e.Message}";
        }
    }

    private static async Task<SqliteConnection> OpenAsync(string file, SqliteOpenMode mode, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        await connection.Command("PRAGMA busy_timeout = 30000;").ExecuteAsync(cancellationToken);
        return connection;
    }
}

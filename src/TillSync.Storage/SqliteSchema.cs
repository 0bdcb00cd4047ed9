using System.Data.Common;
using System.Globalization;

namespace TillSync.Storage;

/// <summary>Schemas of the single-file SQLite stores (the till's, the IRP simulator's) that track their version in
/// <c>PRAGMA user_version</c>: a new or older file gets the whole (idempotent) schema script in one write
/// transaction; a file from a newer tillsync is refused rather than misread. A change the script cannot make idempotently
/// (moving rows between tables) is an <see cref="SqliteUpgrade"/> run in the same transaction.</summary>
public static class SqliteSchema
{
    /// <summary>Switches <paramref name="connection"/>'s file to WAL and runs the schema script when its version is older than <paramref name="schemaVersion"/>.</summary>
    /// <param name="connection">An open connection to the file.</param>
    /// <param name="beginWrite">Begins the write transaction the schema is created in.</param>
    /// <param name="schemaVersion">The version this tillsync writes, 1 or more.</param>
    /// <param name="schemaSql">The whole schema.</param>
    /// <param name="filePath">The file, for the error message.</param>
    /// <param name="cancellationToken">Cancels the statements.</param>
    /// <param name="upgrade">Steps around the script for a file of an older version (not for a new file), or null.</param>
    public static async Task EnsureAsync(
        DbConnection connection, Func<DbConnection, DbTransaction> beginWrite, int schemaVersion, string schemaSql, string filePath,
        CancellationToken cancellationToken, SqliteUpgrade? upgrade = null)
    {
        await connection.Command("PRAGMA journal_mode = WAL;").ExecuteAsync(cancellationToken);
        var version = Convert.ToInt32(await connection.Command("PRAGMA user_version").ScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        if (version > schemaVersion)
        {
            throw new InvalidOperationException($"{filePath} has schema version {version}, newer than this tillsync ({schemaVersion}); upgrade tillsync.");
        }

        if (version == schemaVersion)
        {
            return;
        }

        await using var transaction = beginWrite(connection);
        if (version > 0 && upgrade is not null)
        {
            await upgrade.BeforeScript(connection, transaction, version, cancellationToken);
        }

        await connection.Command(schemaSql, transaction).ExecuteAsync(cancellationToken);
        if (version > 0 && upgrade is not null)
        {
            await upgrade.AfterScript(connection, transaction, version, cancellationToken);
        }

        await connection.Command(string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {schemaVersion}"), transaction).ExecuteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

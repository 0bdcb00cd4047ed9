using System.Data.Common;
using Microsoft.Data.Sqlite;
using TillSync.Storage;

namespace TillSync.Till.Storage;

/// <summary>The till's SQLite file (<c>till.db</c>): WAL so the page can read while a sale is written, and
/// <c>synchronous=FULL</c> so that a sale the cashier saw saved is on disk before the receipt shows.</summary>
public sealed class TillDatabase
{
    /// <summary>The schema version this tillsync writes.</summary>
    public const int SchemaVersion = 12;

    /// <summary>The first version with the document chain (ADR 0016).</summary>
    public const int ChainSchemaVersion = 10;

    private readonly SqliteFile _file;

    /// <summary>The till's database in <paramref name="dataDirectory"/>, created when missing.</summary>
    public TillDatabase(string dataDirectory) => _file = new SqliteFile(dataDirectory, "till.db");

    /// <summary>The SQLite file.</summary>
    public string FilePath => _file.FilePath;

    /// <summary>An open connection with the till's settings applied.</summary>
    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _file.OpenAsync(cancellationToken);

    /// <summary>Closes this file's pooled connections (see <see cref="SqliteFile.ClearPool"/>).</summary>
    public void ClearPool() => _file.ClearPool();

    /// <summary>The file's schema version (<c>PRAGMA user_version</c>); 0 for a new or empty file.</summary>
    public async Task<int> VersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return Convert.ToInt32(await connection.Command("PRAGMA user_version").ScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A write transaction that holds the write lock from the start (<c>BEGIN IMMEDIATE</c>).</summary>
    public static DbTransaction BeginWrite(SqliteConnection connection) => connection.BeginTransaction(deferred: false);

    /// <summary>Creates the schema on a new file and brings an older file up to date (the schema script is idempotent, and
    /// <see cref="SchemaUpgrade"/> moves the rows whose tables changed shape); refuses a file from a newer tillsync.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await SqliteSchema.EnsureAsync(
            connection, c => BeginWrite((SqliteConnection)c), SchemaVersion, ReadSchema(), FilePath, cancellationToken, SchemaUpgrade.Steps);
    }

    private static string ReadSchema()
    {
        using var stream = typeof(TillDatabase).Assembly.GetManifestResourceStream("till-schema.sql")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

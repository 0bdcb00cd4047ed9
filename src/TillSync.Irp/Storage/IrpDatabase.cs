using System.Data.Common;
using Microsoft.Data.Sqlite;
using TillSync.Storage;

namespace TillSync.Irp.Storage;

/// <summary>The simulator's SQLite file (<c>irp.db</c>): WAL and <c>synchronous=FULL</c>, so a registration the
/// simulator acknowledged survives a crash or kill, as NIC's would.</summary>
public sealed class IrpDatabase
{
    // 2: eway_bill_cancellations.
    private const int SchemaVersion = 2;

    private readonly SqliteFile _file;

    /// <summary>The registry in <paramref name="dataDirectory"/>/irp.db, created when missing.</summary>
    public IrpDatabase(string dataDirectory) => _file = new SqliteFile(dataDirectory, "irp.db");

    /// <summary>The SQLite file.</summary>
    public string FilePath => _file.FilePath;

    /// <summary>An open connection with the registry's settings applied.</summary>
    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _file.OpenAsync(cancellationToken);

    /// <summary>A write transaction holding SQLite's write lock from the start (<c>BEGIN IMMEDIATE</c>): reading the
    /// last AckNo and inserting the next one cannot interleave with another registration.</summary>
    public static DbTransaction BeginWrite(SqliteConnection connection) => connection.BeginTransaction(deferred: false);

    /// <summary>Creates the schema on a new file; refuses a file from a newer tillsync.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await SqliteSchema.EnsureAsync(
            connection, c => BeginWrite((SqliteConnection)c), SchemaVersion, ReadSchema(), FilePath, cancellationToken);
    }

    private static string ReadSchema()
    {
        using var stream = typeof(IrpDatabase).Assembly.GetManifestResourceStream("irp-schema.sql")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

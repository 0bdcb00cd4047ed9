using System.Data.Common;
using Microsoft.Data.Sqlite;
using TillSync.Storage;

namespace TillSync.Irp.Storage;

/// <summary>The simulator's SQLite file (<c>irp.db</c>): WAL and <c>synchronous=FULL</c>, so a registration the
/// simulator acknowledged survives a crash or kill, as NIC's would.</summary>
public sealed class IrpDatabase
{
    // 2: eway_bill_cancellations. 3: eway_bills.irn no longer UNIQUE (a fresh e-way bill after a cancelled one).
    private const int SchemaVersion = 3;

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
            connection, c => BeginWrite((SqliteConnection)c), SchemaVersion, ReadSchema(), FilePath, cancellationToken, Upgrade);
    }

    // Before version 3, eway_bills held irn UNIQUE, which SQLite cannot drop in place: the old tables are set aside
    // before the script makes the new ones, and their rows are copied in after it (cancellations refer to e-way bills).
    private static readonly SqliteUpgrade Upgrade = new(
        async (connection, transaction, version, cancellationToken) =>
        {
            if (version < 3)
            {
                if (version >= 2)
                {
                    await connection.Command("ALTER TABLE eway_bill_cancellations RENAME TO eway_bill_cancellations_v2;", transaction)
                        .ExecuteAsync(cancellationToken);
                }

                await connection.Command("ALTER TABLE eway_bills RENAME TO eway_bills_v2;", transaction).ExecuteAsync(cancellationToken);
            }
        },
        async (connection, transaction, version, cancellationToken) =>
        {
            if (version < 3)
            {
                await connection.Command("""
                    INSERT INTO eway_bills (ewb_no, irn, generated_at, valid_until, distance_km, vehicle_no)
                        SELECT ewb_no, irn, generated_at, valid_until, distance_km, vehicle_no FROM eway_bills_v2;
                    """, transaction).ExecuteAsync(cancellationToken);
                if (version >= 2)
                {
                    await connection.Command("""
                        INSERT INTO eway_bill_cancellations (ewb_no, cancelled_at, cancel_reason, cancel_remark)
                            SELECT ewb_no, cancelled_at, cancel_reason, cancel_remark FROM eway_bill_cancellations_v2;
                        DROP TABLE eway_bill_cancellations_v2;
                        """, transaction).ExecuteAsync(cancellationToken);
                }

                await connection.Command("DROP TABLE eway_bills_v2;", transaction).ExecuteAsync(cancellationToken);
            }
        });

    private static string ReadSchema()
    {
        using var stream = typeof(IrpDatabase).Assembly.GetManifestResourceStream("irp-schema.sql")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

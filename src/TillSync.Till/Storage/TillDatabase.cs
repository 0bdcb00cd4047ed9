using System.Data.Common;
using Microsoft.Data.Sqlite;
using TillSync.Storage;

namespace TillSync.Till.Storage;

/// <summary>The till's SQLite file (<c>till.db</c>): WAL so the page can read while a sale is written, and
/// <c>synchronous=FULL</c> so that a sale the cashier saw saved is on disk before the receipt shows.</summary>
public sealed class TillDatabase
{
    private const int SchemaVersion = 3;

    private const string ConnectionPragmas = """
        PRAGMA synchronous = FULL;
        PRAGMA foreign_keys = ON;
        PRAGMA busy_timeout = 10000;
        """;

    private readonly string _connectionString;

    /// <summary>The till's database in <paramref name="dataDirectory"/>, created when missing.</summary>
    public TillDatabase(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        FilePath = Path.GetFullPath(Path.Combine(dataDirectory, "till.db"));
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 10,
        }.ToString();
    }

    /// <summary>The SQLite file.</summary>
    public string FilePath { get; }

    /// <summary>An open connection with the till's settings applied.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = ConnectionPragmas;
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>A write transaction that holds the write lock from the start (<c>BEGIN IMMEDIATE</c>).</summary>
    public static DbTransaction BeginWrite(SqliteConnection connection) => connection.BeginTransaction(deferred: false);

    /// <summary>Creates the schema on a new file and brings an older file up to date (the schema script is idempotent);
    /// refuses a file from a newer tillsync.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.Command("PRAGMA journal_mode = WAL;").ExecuteAsync(cancellationToken);
        var version = Convert.ToInt32(await connection.Command("PRAGMA user_version").ScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new InvalidOperationException($"{FilePath} has schema version {version}, newer than this tillsync ({SchemaVersion}); upgrade tillsync.");
        }

        if (version == SchemaVersion)
        {
            return;
        }

        await using var transaction = BeginWrite(connection);
        await connection.Command(ReadSchema(), transaction).ExecuteAsync(cancellationToken);
        await connection.Command($"PRAGMA user_version = {SchemaVersion}", transaction).ExecuteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string ReadSchema()
    {
        using var stream = typeof(TillDatabase).Assembly.GetManifestResourceStream("till-schema.sql")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

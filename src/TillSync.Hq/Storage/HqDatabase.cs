using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace TillSync.Hq.Storage;

/// <summary>Opens connections to HQ's store. SQLite is the embedded default: WAL for concurrent readers and
/// <c>synchronous=FULL</c> so that a commit HQ has acknowledged survives power loss.</summary>
public sealed class HqDatabase
{
    /// <summary>How long a statement waits for another writer before it fails as transient (<c>retry_later</c>).</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(15);

    // busy_timeout matches BusyTimeout: SQLite waits for another writer this long before failing as busy.
    private const string ConnectionPragmas = """
        PRAGMA synchronous = FULL;
        PRAGMA foreign_keys = ON;
        PRAGMA busy_timeout = 15000;
        """;

    private readonly string _connectionString;

    /// <summary>A database in <paramref name="dataDirectory"/>/hq.db, created when missing.</summary>
    public HqDatabase(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        FilePath = Path.GetFullPath(Path.Combine(dataDirectory, "hq.db"));
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
    }

    /// <summary>The SQLite file.</summary>
    public string FilePath { get; }

    /// <summary>An open connection with HQ's per-connection settings applied.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = ConnectionPragmas;
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Begins the write transaction of one unit of work. SQLite's <c>BEGIN IMMEDIATE</c> takes the database's
    /// write lock up front, so two syncs never interleave their reads of a till's <c>next_seq</c> with writes.</summary>
    public static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);

    /// <summary>Begins a read-only transaction: one consistent snapshot of the database that takes no write lock
    /// (<c>BEGIN DEFERRED</c> under WAL).</summary>
    public static DbTransaction BeginRead(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    /// <summary>True for failures that may pass if the same work is tried again later: a busy or locked database,
    /// a full disk, an I/O error.</summary>
    public static bool IsTransient(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 or 10 or 13 } // BUSY, LOCKED, IOERR, FULL
        or TimeoutException;
}

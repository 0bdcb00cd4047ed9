using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using TillSync.Storage;

namespace TillSync.Hq.Storage;

/// <summary>Which database HQ runs on.</summary>
public enum StoreEngine
{
    /// <summary>The embedded default: one file, one HQ process serving one store.</summary>
    Sqlite = 1,

    /// <summary>A chain: PostgreSQL, possibly with several HQ processes on one database.</summary>
    Postgres,
}

/// <summary>Opens connections and transactions on HQ's store. The SQL is shared; what differs between engines —
/// how a write transaction serialises per till, transient error codes, migrations — is decided here.</summary>
public sealed class HqDatabase : IAsyncDisposable
{
    /// <summary>How long a statement waits for another writer before it fails as transient (<c>retry_later</c>).</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(15);

    // SQLite per-connection settings. synchronous=FULL makes an acknowledged commit survive power loss; busy_timeout
    // equals BusyTimeout.
    private const string SqlitePragmas = """
        PRAGMA synchronous = FULL;
        PRAGMA foreign_keys = ON;
        PRAGMA busy_timeout = 15000;
        """;

    private readonly string? _sqliteConnectionString;
    private readonly NpgsqlDataSource? _postgres;

    private HqDatabase(StoreEngine engine, string description, string? sqliteConnectionString, NpgsqlDataSource? postgres)
    {
        Engine = new DatabaseEngine(engine);
        Description = description;
        _sqliteConnectionString = sqliteConnectionString;
        _postgres = postgres;
    }

    /// <summary>The engine in use and what differs about it.</summary>
    public DatabaseEngine Engine { get; }

    /// <summary>Where the data is, for messages: the SQLite file or the PostgreSQL host and database (no password).</summary>
    public string Description { get; }

    /// <summary>SQLite in <paramref name="dataDirectory"/>/hq.db (WAL, <c>synchronous=FULL</c>), created when missing;
    /// the directory, the file and its <c>-wal</c>/<c>-shm</c> are owner-only (<see cref="OwnerOnly"/>).</summary>
    public static HqDatabase Sqlite(string dataDirectory)
    {
        OwnerOnly.CreateDirectory(dataDirectory);
        var filePath = Path.GetFullPath(Path.Combine(dataDirectory, "hq.db"));
        OwnerOnly.PrepareSqliteFile(filePath);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = filePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
        return new HqDatabase(StoreEngine.Sqlite, filePath, connectionString, null);
    }

    /// <summary>PostgreSQL at <paramref name="connectionString"/> (an Npgsql connection string).</summary>
    public static HqDatabase Postgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var description = $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
        return new HqDatabase(StoreEngine.Postgres, description, null, NpgsqlDataSource.Create(builder));
    }

    /// <summary>The row-lock clause for a table aliased <c>t</c> (<see cref="DatabaseEngine.LockRowSql"/>).</summary>
    public string LockRowSql => Engine.LockRowSql;

    /// <summary>Values per multi-row insert statement (<see cref="DatabaseEngine.ParametersPerStatement"/>).</summary>
    public int BulkParametersPerStatement => Engine.ParametersPerStatement;

    /// <summary>An open connection with HQ's per-connection settings applied.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = SqlitePragmas;
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>A connection for a readiness probe. On SQLite it is opened afresh, outside the pool and without creating
    /// the file, so that a file that has gone or become unreadable shows at once: a pooled connection keeps its open
    /// file and would go on answering.</summary>
    public async Task<DbConnection> OpenProbeAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_sqliteConnectionString)
        {
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Begins the write transaction of one unit of work. On SQLite it is <c>BEGIN IMMEDIATE</c>, taking the
    /// write lock up front so that two syncs never interleave; on PostgreSQL it is READ COMMITTED, with the till's
    /// row lock (<see cref="LockRowSql"/>) serialising its syncs and unique keys guarding the rest.</summary>
    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(
            Engine.Kind == StoreEngine.Postgres ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable, cancellationToken);

    /// <summary>On PostgreSQL, locks <paramref name="table"/> against concurrent inserts until the transaction ends, for
    /// the rare writes that allocate from a table-wide maximum (a till's bill prefix). SQLite's write transaction
    /// already excludes every other writer.</summary>
    public async Task LockTableAsync(DbConnection connection, DbTransaction transaction, string table, CancellationToken cancellationToken)
    {
        if (Engine.LocksRows)
        {
            await connection.Command($"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE", transaction).ExecuteAsync(cancellationToken);
        }
    }

    /// <summary>The highest id of each of <paramref name="tables"/> (column <c>movement_id</c>) at or below which every row
    /// that will ever exist is already committed: a cursor after which a later read finds every change it has not seen.
    /// SQLite has one writer, which takes ids in commit order, so the committed maximum is such an id. PostgreSQL's
    /// sequences hand out ids before commit, so a row of id 7 may commit after one of id 8 is read; a brief SHARE lock waits
    /// for the transactions writing those tables to end and holds new ones off while the maxima are read.</summary>
    public async Task<long[]> SettledMovementIdsAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = Engine.LocksRows
            ? await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken)
            : await BeginReadAsync(connection, cancellationToken);
        if (Engine.LocksRows)
        {
            await connection.Command($"LOCK TABLE {string.Join(", ", tables)} IN SHARE MODE", transaction).ExecuteAsync(cancellationToken);
        }

        var ids = new long[tables.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = Convert.ToInt64(await connection.Command($"SELECT COALESCE(MAX(movement_id), 0) FROM {tables[i]}", transaction)
                .ScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    /// <summary>Begins a read-only transaction: one consistent snapshot that takes no write lock.</summary>
    public async Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    /// <summary>True for failures that may pass if the same work is tried again later: a busy or locked SQLite
    /// database, a full disk, an I/O error; a PostgreSQL serialisation failure, deadlock, lost connection or shutdown.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        SqliteException e => e.SqliteErrorCode is 5 or 6 or 10 or 13, // BUSY, LOCKED, IOERR, FULL
        PostgresException e => e.IsTransient || e.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        NpgsqlException e => e.IsTransient,
        TimeoutException => true,
        _ => false,
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Engine.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        else
        {
            // Only this file's pool: another HQ in the same process (tests, the simulation) keeps its connections.
            using var connection = new SqliteConnection(_sqliteConnectionString);
            SqliteConnection.ClearPool(connection);
        }
    }
}

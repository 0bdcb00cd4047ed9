using Microsoft.Data.Sqlite;

namespace TillSync.Storage;

/// <summary>How the single-file SQLite stores (the till's <c>till.db</c>, the IRP simulator's <c>irp.db</c>) connect:
/// pooled, created when missing, and every connection with <c>synchronous=FULL</c> (a write acknowledged is on disk),
/// foreign keys on and a busy timeout for a second writer.</summary>
public sealed class SqliteFile
{
    private const string ConnectionPragmas = """
        PRAGMA synchronous = FULL;
        PRAGMA foreign_keys = ON;
        PRAGMA busy_timeout = 10000;
        """;

    private readonly string _connectionString;

    /// <summary>The file <paramref name="fileName"/> in <paramref name="dataDirectory"/>, which is created when missing;
    /// both, and the files SQLite adds beside the database, are owner-only (<see cref="OwnerOnly"/>).</summary>
    public SqliteFile(string dataDirectory, string fileName)
    {
        OwnerOnly.CreateDirectory(dataDirectory);
        FilePath = Path.GetFullPath(Path.Combine(dataDirectory, fileName));
        OwnerOnly.PrepareSqliteFile(FilePath);
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

    /// <summary>An open connection with the settings applied.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await connection.Command(ConnectionPragmas).ExecuteAsync(cancellationToken);
        return connection;
    }

    /// <summary>Closes this file's idle pooled connections (and those in use once they are returned), as a process
    /// that stops using the file would. Other files' pools are left alone.</summary>
    public void ClearPool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}

// Chooses the database the HQ processes under test run on: SQLite by default, PostgreSQL when
// TILLSYNC_TEST_STORE=postgres (scripts/test.sh runs the whole suite once per store).
using Npgsql;

namespace TillSync.Testing;

/// <summary>The store the suite runs against, and throwaway PostgreSQL databases when that store is PostgreSQL.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100",
    Justification = "Database names are generated here (hq_ + a UUID's hex digits); identifiers cannot be parameters.")]
public static class TestStore
{
    /// <summary>True when TILLSYNC_TEST_STORE=postgres.</summary>
    public static bool IsPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable("TILLSYNC_TEST_STORE"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>"sqlite" or "postgres", for test output.</summary>
    public static string Name => IsPostgres ? "postgres" : "sqlite";

    /// <summary>A new empty database on the test cluster (TILLSYNC_TEST_POSTGRES, a superuser connection string);
    /// returns its connection string. Fails loudly when the cluster is not configured: a PostgreSQL run must never
    /// quietly test SQLite instead.</summary>
    public static async Task<string> CreatePostgresDatabaseAsync()
    {
        var admin = AdminConnectionString();
        var name = "hq_" + Guid.CreateVersion7().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreatePostgresDatabaseAsync"/>, closing any session still on it.</summary>
    public static async Task DropPostgresDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string AdminConnectionString() =>
        Environment.GetEnvironmentVariable("TILLSYNC_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "TILLSYNC_TEST_STORE=postgres needs TILLSYNC_TEST_POSTGRES (a superuser connection string); scripts/test.sh starts a cluster and sets it.");
}

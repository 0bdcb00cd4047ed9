using System.Globalization;
using Npgsql;

namespace TillSync.Bench;

/// <summary>A fresh PostgreSQL database for one benchmark run, created on the server of the given connection string
/// and dropped when the run ends, so that every run starts from empty tables.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name;

    private BenchDatabase(string admin, string name, string connectionString)
    {
        _admin = admin;
        _name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The connection string of the new database.</summary>
    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string serverConnectionString)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"tillsync_bench_{Environment.ProcessId}_{DateTime.UtcNow:HHmmss}");
        await ExecuteAsync(serverConnectionString, $"CREATE DATABASE {name}");
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name };
        return new BenchDatabase(serverConnectionString, name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // the name is generated above from digits
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }
}

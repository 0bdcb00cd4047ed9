// HQ's real migrated database (SQLite, or a fresh PostgreSQL database when the suite runs on it) holding one store and
// one till (store 1, till 1): the ground a test of a background sweep needs, without a running HQ.
using Microsoft.Extensions.Logging.Abstractions;
using TillSync.Hq.Access;
using TillSync.Hq.Storage;
using TillSync.Storage;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Storage;

/// <summary>A migrated HQ database with store 1 and till 1, removed on dispose.</summary>
public sealed class OneTillDatabase : IAsyncDisposable
{
    private readonly string _data;
    private readonly string? _postgres;

    private OneTillDatabase(string data, string? postgres)
    {
        _data = data;
        _postgres = postgres;
        Database = postgres is null ? HqDatabase.Sqlite(data) : HqDatabase.Postgres(postgres);
    }

    /// <summary>The database.</summary>
    public HqDatabase Database { get; }

    /// <summary>Creates the database (its SQLite directory named after <paramref name="name"/>), migrates it on
    /// <paramref name="clock"/>'s time — to <paramref name="versionMax"/> for a test of a later migration — and adds the
    /// store and the till.</summary>
    public static async Task<OneTillDatabase> CreateAsync(string name, TimeProvider clock, int versionMax = int.MaxValue)
    {
        var postgres = TestStore.IsPostgres ? await TestStore.CreatePostgresDatabaseAsync() : null;
        var created = new OneTillDatabase(TempDirectory.Reserve(name), postgres);
        await new Migrator(created.Database, clock, NullLogger<Migrator>.Instance).MigrateAsync(versionMax, CancellationToken.None);
        await using var connection = await created.Database.OpenAsync(CancellationToken.None);
        var at = StoredTime.Text(clock.GetUtcNow());
        await connection.Command("""
            INSERT INTO stores (store_id, is_default, gstin, legal_name, address1, location, pin, state_code, created_at, updated_at)
            VALUES (1, 1, '29AABCH1234K1ZN', 'Hello Retail', '12 Road', 'Bengaluru', 560038, '29', @at, @at)
            """).With("@at", at).ExecuteAsync(CancellationToken.None);
        await connection.Command("""
            INSERT INTO tills (till_id, store_id, name, bill_prefix, token_hash, next_seq, created_at)
            VALUES (1, 1, 'Counter 1', 'T01', @hash, 1, @at)
            """).With("@hash", Tokens.Hash(Tokens.New("till_"))).With("@at", at).ExecuteAsync(CancellationToken.None);
        return created;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (_postgres is not null)
        {
            await TestStore.DropPostgresDatabaseAsync(_postgres);
        }

        await TempDirectory.DeleteAsync(_data);
    }
}

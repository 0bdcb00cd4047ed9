// Proves HQ refuses, by name and without changing anything, a database it cannot bring to its head without guessing: one
// that lacks a migration below the newest it records (another build of tillsync numbered its own migrations past it), on
// the store the suite runs against (a real database).
using Microsoft.Extensions.Logging.Abstractions;
using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Tests.Storage;

public sealed class MigratorTests
{
    [Fact]
    public async Task ADatabaseMissingAMigrationBelowItsNewest_IsRefusedByName_AndLeftAsItWas()
    {
        await using var store = await OneTillDatabase.CreateAsync("migrator", TimeProvider.System);
        var migrator = new Migrator(store.Database, TimeProvider.System, NullLogger<Migrator>.Instance);
        await using (var connection = await store.Database.OpenAsync(CancellationToken.None))
        {
            // As another build leaves it: the ledger balances' migration (0012) never ran here, later ones did.
            await connection.Command("DELETE FROM schema_migrations WHERE version = 12").ExecuteAsync(CancellationToken.None);
        }

        var before = await MigrationsAsync(store.Database);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync(CancellationToken.None));

        Assert.Contains($"has schema version {migrator.NewestVersion} but not migration 0012_", refused.Message, StringComparison.Ordinal);
        Assert.Contains("this tillsync changed nothing", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await MigrationsAsync(store.Database));

        // Once the database is whole again, the same migrator starts it (on PostgreSQL: the refusal released its lock).
        await using (var connection = await store.Database.OpenAsync(CancellationToken.None))
        {
            await connection.Command("INSERT INTO schema_migrations (version, name, applied_at) VALUES (12, '0012_restored', '2026-12-05T00:00:00.0000000Z')")
                .ExecuteAsync(CancellationToken.None);
        }

        Assert.Equal(migrator.NewestVersion, await migrator.MigrateAsync(CancellationToken.None));
        Assert.Equal(before.Append((Version: 12, Name: "0012_restored")).OrderBy(m => m.Version), await MigrationsAsync(store.Database));
    }

    private static async Task<List<(int Version, string Name)>> MigrationsAsync(HqDatabase database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return await connection.Command("SELECT version, name FROM schema_migrations ORDER BY version")
            .ListAsync(r => (Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), r.GetString(1)), CancellationToken.None);
    }
}

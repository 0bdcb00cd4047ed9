using System.Data.Common;
using System.Globalization;
using System.Reflection;
using TillSync.Storage;

namespace TillSync.Hq.Storage;

/// <summary>Applies the versioned schema migrations embedded in this assembly
/// (<c>Storage/Migrations/{Sqlite|Postgres}/NNNN_name.sql</c>), each in its own transaction, recording it in
/// <c>schema_migrations</c>. A database newer than this build, or one missing a migration below its newest, is refused. On PostgreSQL an advisory lock keeps two HQ
/// processes starting together from migrating at once.</summary>
public sealed class Migrator(HqDatabase database, TimeProvider time, ILogger<Migrator> logger)
{
    // Any constant; it names "TillSync schema migration" among the database's advisory locks.
    private const long MigrationLockKey = 7_745_110_215;

    /// <summary>Brings the schema to the newest version; returns that version.</summary>
    public Task<int> MigrateAsync(CancellationToken cancellationToken) => MigrateAsync(int.MaxValue, cancellationToken);

    /// <summary>Applies the migrations up to and including <paramref name="versionMax"/> (tests of a migration start from
    /// the schema before it); returns the newest version this build has.</summary>
    public async Task<int> MigrateAsync(int versionMax, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (database.Engine.Kind == StoreEngine.Sqlite)
        {
            await connection.Command("PRAGMA journal_mode = WAL;").ExecuteAsync(cancellationToken);
        }
        else
        {
            await connection.Command("SELECT pg_advisory_lock(@key)").With("@key", MigrationLockKey).ScalarAsync(cancellationToken);
        }

        try
        {
            await connection.Command("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    INTEGER PRIMARY KEY,
                    name       TEXT NOT NULL,
                    applied_at TEXT NOT NULL)
                """).ExecuteAsync(cancellationToken);
            var applied = (await connection.Command("SELECT version FROM schema_migrations")
                .ListAsync(r => Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), cancellationToken)).ToHashSet();
            var migrations = Available(database.Engine.Kind);
            var newest = migrations.Count == 0 ? 0 : migrations[^1].Version;
            Refuse(applied, migrations, newest);
            foreach (var migration in migrations.Where(m => !applied.Contains(m.Version) && m.Version <= versionMax))
            {
                await ApplyAsync(connection, migration, cancellationToken);
            }

            return newest;
        }
        finally
        {
            if (database.Engine.Kind == StoreEngine.Postgres)
            {
                // The lock is the session's: a refused start must not leave it held by the pooled connection.
                await connection.Command("SELECT pg_advisory_unlock(@key)").With("@key", MigrationLockKey).ScalarAsync(CancellationToken.None);
            }
        }
    }

    // A database this build cannot bring to its head without guessing: one a newer tillsync migrated, or one that lacks a
    // migration below its newest (another build applied its own numbering past it). Applying the missing one now would run
    // it after schema changes it was never written against, so the start is refused and nothing is changed.
    private void Refuse(HashSet<int> applied, List<Migration> migrations, int newest)
    {
        var newestApplied = applied.Count == 0 ? 0 : applied.Max();
        if (newestApplied > newest)
        {
            throw new InvalidOperationException(
                $"The database ({database.Description}) has schema version {newestApplied}, newer than this tillsync ({newest}); upgrade tillsync.");
        }

        var skipped = migrations.Where(m => m.Version < newestApplied && !applied.Contains(m.Version)).Select(m => m.Name).ToList();
        if (skipped.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database ({database.Description}) has schema version {newestApplied} but not migration {string.Join(", ", skipped)}: another " +
                "build of tillsync migrated it. Run that build, or restore the backup taken before it ran; this tillsync changed nothing.");
        }
    }

    /// <summary>The newest schema version this build has: the version a database at head records.</summary>
    public int NewestVersion => Available(database.Engine.Kind) is [.., var newest] ? newest.Version : 0;

    /// <summary>The newest schema version <paramref name="connection"/>'s database records (0 when none was applied).</summary>
    public static async Task<int> AppliedVersionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Convert.ToInt32(
            await connection.Command("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").ScalarAsync(cancellationToken),
            CultureInfo.InvariantCulture);

    private async Task ApplyAsync(DbConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await connection.Command(migration.Sql, transaction).ExecuteAsync(cancellationToken);
        await connection.Command("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @at)", transaction)
            .With("@v", migration.Version).With("@n", migration.Name).With("@at", StoredTime.Text(time.GetUtcNow()))
            .ExecuteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Applied schema migration {Version} {Name} on {Engine}", migration.Version, migration.Name, database.Engine.Kind);
    }

    private static List<Migration> Available(StoreEngine engine)
    {
        var prefix = $"TillSync.Hq.Storage.Migrations.{engine}.";
        var assembly = typeof(Migrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(assembly, n, prefix))
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static Migration Load(Assembly assembly, string resourceName, string prefix)
    {
        var name = resourceName[prefix.Length..^".sql".Length];
        var version = int.Parse(name[..4], CultureInfo.InvariantCulture);
        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, name, reader.ReadToEnd());
    }

    private sealed record Migration(int Version, string Name, string Sql);
}

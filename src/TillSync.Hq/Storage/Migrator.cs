using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace TillSync.Hq.Storage;

/// <summary>Applies the versioned schema migrations embedded in this assembly (<c>Storage/Migrations/Sqlite/NNNN_name.sql</c>),
/// each in its own transaction, recording it in <c>schema_migrations</c>. A database newer than this build is refused.</summary>
public sealed class Migrator(HqDatabase database, TimeProvider time, ILogger<Migrator> logger)
{
    private const string ResourcePrefix = "TillSync.Hq.Storage.Migrations.Sqlite.";

    /// <summary>Brings the schema to the newest version; returns that version.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.Command("PRAGMA journal_mode = WAL;").ExecuteAsync(cancellationToken);
        await connection.Command("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL)
            """).ExecuteAsync(cancellationToken);
        var applied = Convert.ToInt32(
            await connection.Command("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").ScalarAsync(cancellationToken),
            CultureInfo.InvariantCulture);
        var migrations = Available();
        var newest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (applied > newest)
        {
            throw new InvalidOperationException(
                $"The database {database.FilePath} has schema version {applied}, newer than this tillsync ({newest}); upgrade tillsync.");
        }

        foreach (var migration in migrations.Where(m => m.Version > applied))
        {
            await ApplyAsync(connection, migration, cancellationToken);
        }

        return newest;
    }

    private async Task ApplyAsync(DbConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await HqDatabase.BeginWriteAsync(connection, cancellationToken);
        await connection.Command(migration.Sql, transaction).ExecuteAsync(cancellationToken);
        await connection.Command("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @at)", transaction)
            .With("@v", migration.Version).With("@n", migration.Name).With("@at", Clock.Text(time.GetUtcNow()))
            .ExecuteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Applied schema migration {Version} {Name}", migration.Version, migration.Name);
    }

    private static List<Migration> Available()
    {
        var assembly = typeof(Migrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(assembly, n))
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static Migration Load(Assembly assembly, string resourceName)
    {
        var name = resourceName[ResourcePrefix.Length..^".sql".Length];
        var version = int.Parse(name[..4], CultureInfo.InvariantCulture);
        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, name, reader.ReadToEnd());
    }

    private sealed record Migration(int Version, string Name, string Sql);
}

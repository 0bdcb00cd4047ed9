using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Access;

/// <summary>The manager ("admin") token at start-up: the one given with <c>--admin-token</c> (or its file or environment
/// twins) replaces the stored hash; without one, the first start generates a token and prints it once. The token is
/// stored only as <see cref="ManagerTokenHasher"/>'s salted slow hash.</summary>
public sealed partial class ManagerTokens(HqDatabase database, ManagerTokenHasher hashes, TimeProvider time, ILogger<ManagerTokens> logger)
{
    /// <summary>The manager every HQ has.</summary>
    public const string AdminName = "admin";

    /// <summary>Ensures the admin manager exists; returns a newly generated token to show once, or null.</summary>
    public async Task<string?> EnsureAdminAsync(string? adminToken, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var stored = await connection.Command("SELECT token_hash FROM managers WHERE name = @n", transaction).With("@n", AdminName)
            .ScalarAsync(cancellationToken) as string;
        // The same token again (every restart, and every HQ process of a chain) keeps its hash: no new salt, no audit entry.
        if (stored is not null && (adminToken is null || (!ManagerTokenHasher.IsLegacy(stored) && hashes.Matches(stored, adminToken))))
        {
            return null;
        }

        string? generated = null;
        var token = adminToken ?? (generated = Tokens.New("mgr_"));
        await connection.Command("""
            INSERT INTO managers (name, token_hash, created_at) VALUES (@n, @h, @at)
            ON CONFLICT (name) DO UPDATE SET token_hash = excluded.token_hash
            """, transaction)
            .With("@n", AdminName).With("@h", hashes.Hash(token)).With("@at", StoredTime.Text(time.GetUtcNow()))
            .ExecuteAsync(cancellationToken);
        // A session signed in with the old token must not outlive it.
        var adminId = Convert.ToInt64(await connection.Command("SELECT manager_id FROM managers WHERE name = @n", transaction).With("@n", AdminName)
            .ScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        await ManagerSessions.EndAllAsync(connection, transaction, adminId, cancellationToken);
        await AuditLog.RecordAsync(connection, transaction, "hq", generated is null ? "admin-token.set" : "admin-token.generated",
            "manager token for 'admin' installed at start-up", time.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogInstalled(generated is null ? "from --admin-token" : "generated");
        return generated;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Manager token for 'admin' installed ({Source})")]
    private partial void LogInstalled(string source);
}

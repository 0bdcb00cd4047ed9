using System.Data.Common;
using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Access;

/// <summary>Finds the till or manager a request's <c>Authorization: Bearer</c> token names: a till by its token's SHA-256,
/// a manager by the salted slow hash of <see cref="ManagerTokenHasher"/>.</summary>
public sealed class Authenticator(HqDatabase database, ManagerTokenHasher managerHashes)
{
    /// <summary>Managers HQ reads to check a token against; HQ has one today (<see cref="ManagerTokens.AdminName"/>).</summary>
    public const int ManagersMax = 100;

    /// <summary>The caller, or null when the header is missing, malformed or names no one; with <paramref name="includeManagers"/>
    /// false, only a till is looked for (see <see cref="AuthFailureThrottle"/>).</summary>
    public async Task<Caller?> AuthenticateAsync(HttpRequest request, bool includeManagers, CancellationToken cancellationToken)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (header.Length <= scheme.Length || header.Length > Tokens.TokenLengthMax
            || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[scheme.Length..].Trim();
        await using var connection = await database.OpenAsync(cancellationToken);
        var till = await connection.Command("SELECT till_id, store_id, name FROM tills WHERE token_hash = @h AND revoked_at IS NULL")
            .With("@h", Tokens.Hash(token))
            .FirstOrDefaultAsync(r => new Caller(CallerKind.Till, r.GetInt64(0), r.GetInt64(1), r.GetString(2)), cancellationToken);
        if (till is not null || !includeManagers)
        {
            return till;
        }

        return await ManagerAsync(connection, token, cancellationToken);
    }

    /// <summary>The manager whose token <paramref name="token"/> is, or null; upgrades a legacy hash it matches.</summary>
    public async Task<Caller?> ManagerAsync(DbConnection connection, string token, CancellationToken cancellationToken)
    {
        var managers = await connection.Command($"SELECT manager_id, name, token_hash FROM managers ORDER BY manager_id LIMIT {ManagersMax}")
            .ListAsync(r => (Id: r.GetInt64(0), Name: r.GetString(1), Hash: r.GetString(2)), cancellationToken);
        foreach (var manager in managers.Where(m => managerHashes.Matches(m.Hash, token)))
        {
            if (ManagerTokenHasher.IsLegacy(manager.Hash))
            {
                // Written by an HQ before slow hashes; now that the token is known, store it the new way.
                await connection.Command("UPDATE managers SET token_hash = @new WHERE manager_id = @id AND token_hash = @old")
                    .With("@new", managerHashes.Hash(token)).With("@id", manager.Id).With("@old", manager.Hash)
                    .ExecuteAsync(cancellationToken);
            }

            return new Caller(CallerKind.Manager, manager.Id, 0, manager.Name);
        }

        return null;
    }
}

using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Access;

/// <summary>Finds the till or manager a request's <c>Authorization: Bearer</c> token names, by the token's hash.</summary>
public sealed class Authenticator(HqDatabase database)
{
    /// <summary>The caller, or null when the header is missing, malformed or names no one.</summary>
    public async Task<Caller?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (header.Length <= scheme.Length || header.Length > Tokens.TokenLengthMax
            || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var hash = Tokens.Hash(header[scheme.Length..].Trim());
        await using var connection = await database.OpenAsync(cancellationToken);
        var till = await connection.Command("SELECT till_id, store_id, name FROM tills WHERE token_hash = @h")
            .With("@h", hash)
            .FirstOrDefaultAsync(r => new Caller(CallerKind.Till, r.GetInt64(0), r.GetInt64(1), r.GetString(2)), cancellationToken);
        return till ?? await connection.Command("SELECT manager_id, name FROM managers WHERE token_hash = @h")
            .With("@h", hash)
            .FirstOrDefaultAsync(r => new Caller(CallerKind.Manager, r.GetInt64(0), 0, r.GetString(1)), cancellationToken);
    }
}

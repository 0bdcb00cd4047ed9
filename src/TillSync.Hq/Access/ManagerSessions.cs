using System.Data.Common;
using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Access;

/// <summary>Back-office sessions: a manager signs in once per browser and HQ sets a cookie holding 256 random bits, of
/// which it stores only the SHA-256 (table <c>manager_sessions</c>). The cookie is HttpOnly, SameSite=Strict, Path=/ and
/// Secure when the request came over HTTPS; a session ends after <see cref="ManagerSessionOptions.IdleTimeout"/> unused, at
/// <see cref="ManagerSessionOptions.Lifetime"/>, or at sign-out. Time is the injected clock's.</summary>
public sealed class ManagerSessions(HqDatabase database, TimeProvider time, ManagerSessionOptions options)
{
    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "tillsync_session";

    /// <summary>The header a cookie-authenticated write must carry, holding <see cref="ManagerSession.CsrfToken"/>.</summary>
    public const string CsrfHeader = "X-CSRF-Token";

    /// <summary>HQ writes a session's last use at most this often, so that reading pages does not write on every request.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    // A cookie value longer than any HQ sets is not looked up.
    private const int CookieLengthMax = 100;

    /// <summary>Starts a session for <paramref name="manager"/> in the caller's transaction and sets its cookie on the
    /// answer. Sessions past either expiry are deleted here, so the table holds the live ones and those left since the
    /// last sign-in.</summary>
    public async Task<ManagerSession> StartAsync(
        HttpContext http, Caller manager, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await connection.Command("DELETE FROM manager_sessions WHERE last_seen_at <= @idle OR created_at <= @lifetime", transaction)
            .With("@idle", StoredTime.Text(now - options.IdleTimeout)).With("@lifetime", StoredTime.Text(now - options.Lifetime))
            .ExecuteAsync(cancellationToken);
        var sessionId = Tokens.New("ses_");
        await connection.Command("INSERT INTO manager_sessions (session_hash, manager_id, created_at, last_seen_at) VALUES (@h, @m, @at, @at)", transaction)
            .With("@h", Tokens.Hash(sessionId)).With("@m", manager.Id).With("@at", StoredTime.Text(now))
            .ExecuteAsync(cancellationToken);
        var session = Session(manager, sessionId, now, now);
        http.Response.Cookies.Append(CookieName, sessionId, Cookie(http, session.ExpiresAt));
        return session;
    }

    /// <summary>The live session the request's cookie names, or null (no cookie, unknown, or ended); notes its use.</summary>
    public async Task<ManagerSession?> FindAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (SessionId(request) is not { } sessionId)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var hash = Tokens.Hash(sessionId);
        var row = await connection.Command("""
            SELECT s.manager_id, m.name, s.created_at, s.last_seen_at
            FROM manager_sessions s JOIN managers m ON m.manager_id = s.manager_id
            WHERE s.session_hash = @h
            """).With("@h", hash)
            .FirstOrDefaultAsync(r => new SessionRow(r.GetInt64(0), r.GetString(1), StoredTime.Parse(r.GetString(2)), StoredTime.Parse(r.GetString(3))), cancellationToken);
        var now = time.GetUtcNow();
        if (row is null || now >= row.LastSeenAt + options.IdleTimeout || now >= row.CreatedAt + options.Lifetime)
        {
            return null;
        }

        var lastSeen = row.LastSeenAt;
        if (now - lastSeen >= TouchInterval)
        {
            await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
            await connection.Command("UPDATE manager_sessions SET last_seen_at = @now WHERE session_hash = @h", transaction)
                .With("@now", StoredTime.Text(now)).With("@h", hash).ExecuteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            lastSeen = now;
        }

        return Session(new Caller(CallerKind.Manager, row.ManagerId, 0, row.Name), sessionId, row.CreatedAt, lastSeen);
    }

    /// <summary>Ends the session the request's cookie names (deleting its row in the caller's transaction) and clears the
    /// cookie; true when there was a session to end.</summary>
    public async Task<bool> EndAsync(HttpContext http, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        http.Response.Cookies.Delete(CookieName, Cookie(http, expiresAt: null));
        return SessionId(http.Request) is { } sessionId
            && await connection.Command("DELETE FROM manager_sessions WHERE session_hash = @h", transaction)
                .With("@h", Tokens.Hash(sessionId)).ExecuteAsync(cancellationToken) > 0;
    }

    /// <summary>Ends every session of <paramref name="managerId"/> (its token changed: a session signed in with the old
    /// one must not outlive it).</summary>
    public static Task<int> EndAllAsync(DbConnection connection, DbTransaction transaction, long managerId, CancellationToken cancellationToken) =>
        connection.Command("DELETE FROM manager_sessions WHERE manager_id = @m", transaction).With("@m", managerId).ExecuteAsync(cancellationToken);

    private ManagerSession Session(Caller manager, string sessionId, DateTimeOffset createdAt, DateTimeOffset lastSeenAt)
    {
        var expiresAt = createdAt + options.Lifetime;
        var idleExpiresAt = lastSeenAt + options.IdleTimeout;
        return new ManagerSession(manager, ManagerSession.CsrfTokenFor(sessionId), idleExpiresAt < expiresAt ? idleExpiresAt : expiresAt, expiresAt);
    }

    private static string? SessionId(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieName, out var value) && value is { Length: > 0 and <= CookieLengthMax } ? value : null;

    private static CookieOptions Cookie(HttpContext http, DateTimeOffset? expiresAt) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Secure = http.Request.IsHttps,
        IsEssential = true,
        Expires = expiresAt,
    };

    private sealed record SessionRow(long ManagerId, string Name, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt);
}

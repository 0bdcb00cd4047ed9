using System.Security.Cryptography;
using System.Text;

namespace TillSync.Hq.Access;

/// <summary>A live back-office session: its manager, the CSRF token its pages send with each write, and when it ends.</summary>
/// <param name="Manager">The signed-in manager.</param>
/// <param name="CsrfToken">HMAC-SHA256 of a fixed label keyed by the session's secret id: tied to this session, derivable
/// only by HQ (which sees the cookie) and by the page HQ hands it to, never by another origin.</param>
/// <param name="IdleExpiresAt">When it ends unless used before.</param>
/// <param name="ExpiresAt">When it ends regardless.</param>
public sealed record ManagerSession(Caller Manager, string CsrfToken, DateTimeOffset IdleExpiresAt, DateTimeOffset ExpiresAt)
{
    private static readonly byte[] CsrfLabel = "tillsync back-office csrf v1"u8.ToArray();

    /// <summary>The CSRF token of the session whose cookie value is <paramref name="sessionId"/>.</summary>
    public static string CsrfTokenFor(string sessionId) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(sessionId), CsrfLabel));

    /// <summary>True when <paramref name="sent"/> (the <c>X-CSRF-Token</c> header) is this session's token; compared in
    /// constant time.</summary>
    public bool CsrfMatches(string? sent) =>
        sent is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(CsrfToken));
}

using System.Security.Cryptography;

namespace TillSync.Irp.Authentication;

/// <summary>The signed-in sessions, in memory: a restart forgets them, and clients sign in again on the 1005 that
/// follows, as they must after NIC's tokens expire. Every sign-in makes a new token and SEK (NIC answers the same
/// token within its validity; the simulator's way makes every sign-in checkable). At most
/// <see cref="SessionsMax"/> are kept; the soonest to expire goes first.</summary>
public sealed class ApiSessions(TimeProvider time, ApiUserSettings settings)
{
    /// <summary>The most sessions held at once.</summary>
    public const int SessionsMax = 10_000;

    private readonly Lock gate = new();
    private readonly Dictionary<string, ApiSession> sessions = new(StringComparer.Ordinal);

    /// <summary>A new session of <paramref name="userName"/> for <paramref name="gstin"/>, expiring after the configured
    /// lifetime.</summary>
    public ApiSession Open(string userName, string gstin)
    {
        var now = time.GetUtcNow();
        var session = new ApiSession(
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)), userName, gstin,
            RandomNumberGenerator.GetBytes(Core.EInvoicing.NicCrypto.KeyBytes), now + settings.TokenLifetime);
        lock (gate)
        {
            foreach (var expired in sessions.Values.Where(s => s.ExpiresAt <= now).ToList())
            {
                sessions.Remove(expired.AuthToken);
            }

            if (sessions.Count >= SessionsMax)
            {
                sessions.Remove(sessions.Values.MinBy(s => s.ExpiresAt)!.AuthToken);
            }

            sessions[session.AuthToken] = session;
        }

        return session;
    }

    /// <summary>The live session of <paramref name="authToken"/> by the simulator's clock, or null (unknown or expired).</summary>
    public ApiSession? Find(string authToken)
    {
        lock (gate)
        {
            return sessions.TryGetValue(authToken, out var session) && session.ExpiresAt > time.GetUtcNow() ? session : null;
        }
    }
}

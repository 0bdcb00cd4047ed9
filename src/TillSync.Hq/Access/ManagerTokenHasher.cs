using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TillSync.Hq.Access;

/// <summary>Manager tokens as stored: a salted slow hash, because a person may choose one (<c>--admin-token</c>) and a
/// chosen secret can be guessed from a stolen fast hash. The hash is ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2-HMAC-SHA512, 100,000 iterations, a 128-bit random salt per hash, a
/// versioned format that a later version can strengthen), part of the shared framework HQ already runs on. Its
/// <see cref="PasswordHasherOptions"/> come from the container: the simulation, which restarts HQ thousands of times and
/// is not about hashing, lowers the iteration count; every stored hash names its own count, so any hash still verifies.</summary>
/// <remarks>Till tokens, redemption tokens and loyalty codes stay SHA-256 (<see cref="Tokens"/>): they are made by HQ from
/// 256 random bits (codes are bound to a request that locks and expires), so there is nothing to guess from their hash,
/// and a till's sync must find its till by one indexed lookup. A slow hash costs ~0.1 s of CPU per check, so a token
/// that verified once is remembered in memory against the stored hash it matched (a changed hash, e.g. after another
/// HQ process installed a new token, is checked afresh). Wrong tokens are never remembered: the
/// <see cref="AuthFailureThrottle"/> bounds how many a source may try.</remarks>
public sealed class ManagerTokenHasher(IOptions<PasswordHasherOptions> options)
{
    /// <summary>Verified tokens remembered at once; past it the memory is cleared and tokens verify slowly once more.</summary>
    public const int RememberedMax = 1_000;

    // The hasher's user argument is unused by its default implementation; it is given an object to be safe.
    private static readonly object Nobody = new();

    private readonly PasswordHasher<object> _hasher = new(options);

    // SHA-256 of a verified token → the stored hash it matched. Kept in memory only.
    private readonly ConcurrentDictionary<string, string> _verified = new(StringComparer.Ordinal);

    /// <summary>The stored form of a manager token: a new salt each time.</summary>
    public string Hash(string token)
    {
        var stored = _hasher.HashPassword(Nobody, token);
        Remember(Tokens.Hash(token), stored);
        return stored;
    }

    /// <summary>True when <paramref name="token"/> is the one <paramref name="storedHash"/> was made from. A SHA-256 hash
    /// stored by an HQ before slow hashes (<see cref="IsLegacy"/>) is compared as such.</summary>
    public bool Matches(string storedHash, string token)
    {
        var fast = Tokens.Hash(token);
        if (IsLegacy(storedHash))
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(fast), Encoding.ASCII.GetBytes(storedHash));
        }

        if (_verified.TryGetValue(fast, out var remembered) && string.Equals(remembered, storedHash, StringComparison.Ordinal))
        {
            return true;
        }

        if (_hasher.VerifyHashedPassword(Nobody, storedHash, token) == PasswordVerificationResult.Failed)
        {
            return false;
        }

        Remember(fast, storedHash);
        return true;
    }

    /// <summary>True for a manager token hash written before slow hashes: 64 hex digits of SHA-256. The authenticator
    /// replaces it with a slow hash the first time its token is used.</summary>
    public static bool IsLegacy(string storedHash) => storedHash.Length == 64 && storedHash.All(char.IsAsciiHexDigitLower);

    private void Remember(string tokenSha256, string storedHash)
    {
        if (_verified.Count >= RememberedMax)
        {
            _verified.Clear();
        }

        _verified[tokenSha256] = storedHash;
    }
}

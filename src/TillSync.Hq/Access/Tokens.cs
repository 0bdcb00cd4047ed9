using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TillSync.Hq.Access;

/// <summary>Bearer tokens HQ makes: 256 random bits, shown once, stored only as a SHA-256 hash. A fast hash is enough for
/// random 256-bit secrets: nothing can be guessed from a stolen hash table, and a till is found by one indexed lookup.
/// Manager tokens, which a person may choose, are stored with a salted slow hash instead (<see cref="ManagerTokenHasher"/>).</summary>
public static class Tokens
{
    /// <summary>Random bytes in a token.</summary>
    public const int TokenBytes = 32;

    /// <summary>Longest Authorization header value HQ reads.</summary>
    public const int TokenLengthMax = 256;

    /// <summary>A new token with a readable prefix naming its kind (<c>till_</c>, <c>mgr_</c>).</summary>
    public static string New(string kindPrefix) =>
        kindPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>The stored form of a token.</summary>
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

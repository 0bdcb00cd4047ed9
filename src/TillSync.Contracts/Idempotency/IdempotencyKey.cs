using System.Security.Cryptography;

namespace TillSync.Contracts.Idempotency;

/// <summary>The <c>Idempotency-Key</c> request header of the IETF draft "The Idempotency-Key HTTP Header Field": a
/// client makes one key per logical operation and sends it again with every retry of that operation, so HQ applies the
/// operation at most once and answers each retry with the first result. Every manager write that creates or changes
/// something at HQ requires it (docs/security.md).</summary>
public static class IdempotencyKey
{
    /// <summary>The request header's name.</summary>
    public const string HeaderName = "Idempotency-Key";

    /// <summary>The response header HQ adds, with the value <c>true</c>, when it answers a retry from the stored first
    /// result instead of applying the request.</summary>
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    /// <summary>Fewest characters in a key: short keys ("1", "2") are counters, which collide across client restarts.</summary>
    public const int LengthMin = 16;

    /// <summary>Most characters in a key.</summary>
    public const int LengthMax = 200;

    /// <summary>A new key: 128 random bits as 32 hexadecimal digits.</summary>
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The header value for <paramref name="key"/>: the draft defines it as a Structured Field string, so the key
    /// is sent quoted (<c>"4f1c…"</c>).</summary>
    public static string HeaderValue(string key) => $"\"{key}\"";

    /// <summary>The key a header value carries, quoted as the draft writes it or bare as many clients send it; null when
    /// it is not <see cref="LengthMin"/> to <see cref="LengthMax"/> visible ASCII characters (no quote or backslash inside).</summary>
    public static string? Parse(string? headerValue)
    {
        if (headerValue is null)
        {
            return null;
        }

        var key = headerValue.Length >= 2 && headerValue[0] == '"' && headerValue[^1] == '"' ? headerValue[1..^1] : headerValue;
        return key.Length is >= LengthMin and <= LengthMax && key.All(c => c is > ' ' and <= '~' and not '"' and not '\\') ? key : null;
    }
}

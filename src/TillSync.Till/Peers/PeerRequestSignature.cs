using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TillSync.Core.Chain;

namespace TillSync.Till.Peers;

/// <summary>How a till signs its requests to a peer (ADR 0019): the header <c>TillSync-Peer: till={tillId};at={unix
/// seconds};sig={signature}</c>, where the signature is the till's ES256 signature (its receipt and chain key) over the
/// SHA-256 of the ASCII text <c>tillsync-peer/1\n{METHOD}\n{path and query}\n{at}\n{tillId}\n{SHA-256 of the body}</c>.
/// The text's own prefix keeps a request signature from ever being taken for a chain entry's or a receipt's.</summary>
public static class PeerRequestSignature
{
    /// <summary>The header's name.</summary>
    public const string Header = "TillSync-Peer";

    /// <summary>The digest (hex) a request's signature covers.</summary>
    public static string Digest(string method, string pathAndQuery, long atUnixSeconds, long tillId, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"tillsync-peer/1\n{method.ToUpperInvariant()}\n{pathAndQuery}\n{atUnixSeconds}\n{tillId}\n{DocumentChain.BodySha256(body)}"))));

    /// <summary>The header's value: the calling till, the time and its signature over <see cref="Digest"/>.</summary>
    public static string Value(long tillId, long atUnixSeconds, string signature) =>
        string.Create(CultureInfo.InvariantCulture, $"till={tillId};at={atUnixSeconds};sig={signature}");

    /// <summary>The header's parts, or null when it is not of the form <see cref="Value"/> gives.</summary>
    public static (long TillId, long At, string Signature)? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > HeaderLengthMax)
        {
            return null;
        }

        var parts = value.Split(';', StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || !parts[0].StartsWith("till=", StringComparison.Ordinal) || !parts[1].StartsWith("at=", StringComparison.Ordinal)
            || !parts[2].StartsWith("sig=", StringComparison.Ordinal)
            || !long.TryParse(parts[0].AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var tillId)
            || !long.TryParse(parts[1].AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var at))
        {
            return null;
        }

        return (tillId, at, parts[2][4..]);
    }

    /// <summary>The longest header value read: a till id, a time and a 64-byte signature fit well within it.</summary>
    public const int HeaderLengthMax = 256;
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Tills;

namespace TillSync.Hq.Tills;

/// <summary>What a till's snapshot holds, as the opaque <c>version</c> token HQ hands out with each snapshot and delta
/// (docs/sync.md, "The catalogue by delta"; ADR 0017): <c>{pricing}-{stock}-{loyalty}-{nextSeq}-{settings}</c>.</summary>
/// <param name="Pricing">The pricing version (ADR 0011): every product with a higher <c>catalogue_version</c> changed.</param>
/// <param name="StockCursor">Every stock movement up to this id is in the on-hand figures.</param>
/// <param name="LoyaltyCursor">Every loyalty movement up to this id is in the balances.</param>
/// <param name="NextSeq">HQ's <c>nextSeq</c> for the till.</param>
/// <param name="SettingsDigest">The first 16 hex digits of the SHA-256 of the settings part.</param>
public sealed record SnapshotVersion(long Pricing, long StockCursor, long LoyaltyCursor, long NextSeq, string SettingsDigest)
{
    private const int DigestChars = 16;

    /// <summary>The token.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Pricing}-{StockCursor}-{LoyaltyCursor}-{NextSeq}-{SettingsDigest}");

    /// <summary>Reads a token, or null when it is not one HQ hands out.</summary>
    public static SnapshotVersion? Parse(string? text)
    {
        var parts = (text ?? "").Split('-');
        if (parts.Length != 5 || parts[4].Length != DigestChars || !parts[4].All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var numbers = new long[4];
        for (var i = 0; i < numbers.Length; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return numbers[0] < 1 || numbers[3] < 1 ? null : new SnapshotVersion(numbers[0], numbers[1], numbers[2], numbers[3], parts[4]);
    }

    /// <summary>The digest of <paramref name="settings"/>: equal digests, equal settings.</summary>
    public static string Digest(SnapshotSettings settings) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(settings, TillSyncJsonContext.Default.SnapshotSettings)))[..DigestChars];

    /// <summary>True when a till holding this version holds nothing HQ could still send it, relative to
    /// <paramref name="current"/>: HQ never hands out a version ahead of its own (a restored HQ, another HQ).</summary>
    public bool IsAheadOf(SnapshotVersion current) =>
        Pricing > current.Pricing || StockCursor > current.StockCursor || LoyaltyCursor > current.LoyaltyCursor;
}

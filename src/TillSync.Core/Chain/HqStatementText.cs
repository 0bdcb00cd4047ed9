using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TillSync.Core.Chain;

/// <summary>HQ's signed statement of the highest entry it holds of a till's chain (ADR 0016): HQ signs, with its own
/// P-256 key, the SHA-256 of the ASCII text <c>tillsync-hq-statement/1\n{tillId}\n{tillSeq}\n{hash or -}</c>, where
/// <c>tillSeq</c> is the highest <c>tillSeq</c> HQ holds of that till (0 for none) and the hash that entry's chain hash,
/// <c>-</c> when the entry is unchained (written before the till's chain began).</summary>
public static class HqStatementText
{
    /// <summary>The digest HQ signs.</summary>
    public static byte[] Digest(long tillId, long tillSeq, string? hash) =>
        SHA256.HashData(Encoding.ASCII.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"tillsync-hq-statement/1\n{tillId}\n{tillSeq}\n{hash ?? "-"}")));

    /// <summary>HQ's signature of the statement.</summary>
    public static string Sign(long tillId, long tillSeq, string? hash, ECDsa hqKey) =>
        Base64UrlText.Encode(hqKey.SignHash(Digest(tillId, tillSeq, hash), DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    /// <summary>True when <paramref name="signature"/> is HQ's (<paramref name="hqPublicKey"/>) over the statement.</summary>
    public static bool Verify(long tillId, long tillSeq, string? hash, string signature, ECDsa hqPublicKey) =>
        Base64UrlText.TryDecode(signature, out var bytes) && bytes.Length == 64
        && hqPublicKey.VerifyHash(Digest(tillId, tillSeq, hash), bytes, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
}

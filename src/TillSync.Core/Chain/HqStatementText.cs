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
    public static string Sign(long tillId, long tillSeq, string? hash, ECDsa hqKey) => HqSignature.Sign(Digest(tillId, tillSeq, hash), hqKey);

    /// <summary>True when <paramref name="signature"/> is HQ's (<paramref name="hqPublicKey"/>) over the statement.</summary>
    public static bool Verify(long tillId, long tillSeq, string? hash, string signature, ECDsa hqPublicKey) =>
        HqSignature.Verify(Digest(tillId, tillSeq, hash), signature, hqPublicKey);
}

/// <summary>HQ's signed word that it <b>rejected</b> one of a till's documents (ADR 0020), which a peer that relayed the
/// document hands back to its origin: HQ signs the SHA-256 of the UTF-8 text
/// <c>tillsync-hq-outcome/1\n{tillId}\n{tillSeq}\n{documentId}\nrejected\n{reason}\n{detail}</c> (the document id in its
/// 36-character form, the detail last, so a line break in it cannot move a field). The origin checks it with the HQ key of
/// its snapshot, so no peer can invent, alter or move a rejection; it can only withhold one, which the till then learns
/// from HQ's updates feed.</summary>
public static class HqOutcomeText
{
    /// <summary>The digest HQ signs.</summary>
    public static byte[] Digest(long tillId, long tillSeq, Guid documentId, string reason, string? detail) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"tillsync-hq-outcome/1\n{tillId}\n{tillSeq}\n{documentId:D}\nrejected\n{reason}\n{detail}")));

    /// <summary>HQ's signature of the rejection.</summary>
    public static string Sign(long tillId, long tillSeq, Guid documentId, string reason, string? detail, ECDsa hqKey) =>
        HqSignature.Sign(Digest(tillId, tillSeq, documentId, reason, detail), hqKey);

    /// <summary>True when <paramref name="signature"/> is HQ's (<paramref name="hqPublicKey"/>) over the rejection.</summary>
    public static bool Verify(long tillId, long tillSeq, Guid documentId, string reason, string? detail, string signature, ECDsa hqPublicKey) =>
        HqSignature.Verify(Digest(tillId, tillSeq, documentId, reason, detail), signature, hqPublicKey);
}

// HQ's ES256 signature over a digest: base64url of the 64-byte IEEE P1363 form.
internal static class HqSignature
{
    public static string Sign(byte[] digest, ECDsa hqKey) =>
        Base64UrlText.Encode(hqKey.SignHash(digest, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    public static bool Verify(byte[] digest, string signature, ECDsa hqPublicKey) =>
        Base64UrlText.TryDecode(signature, out var bytes) && bytes.Length == 64
        && hqPublicKey.VerifyHash(digest, bytes, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
}

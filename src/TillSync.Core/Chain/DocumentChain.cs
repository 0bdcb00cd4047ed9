using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TillSync.Core.Chain;

/// <summary>The till's document log as a hash chain (ADR 0016): each entry's hash covers its <c>tillSeq</c>, the hash of
/// the entry before it and the SHA-256 of the document's exact stored bytes, and the till signs that hash with its
/// enrolment key (ES256: ECDSA on P-256). Anyone holding the document's bytes, the three chain fields and the till's public
/// key can check an entry, whatever carried it.</summary>
public static class DocumentChain
{
    /// <summary>The signature algorithm, the receipt key's: ECDSA on P-256 over SHA-256, the signature as the 64-byte IEEE
    /// P1363 concatenation r‖s, base64url without padding.</summary>
    public const string Algorithm = "ES256";

    /// <summary>The previous hash of a chain's first entry: 64 zeros. A till's chain starts at its first document (or, for
    /// a till upgraded to schema 10, at the first document written after the upgrade).</summary>
    public static readonly string Genesis = new('0', HashHexLength);

    /// <summary>Characters of a hash as hex.</summary>
    public const int HashHexLength = 64;

    private const int SignatureBytes = 64;

    /// <summary>SHA-256 of <paramref name="utf8Document"/>, the document's exact stored bytes, as 64 lowercase hex digits.</summary>
    public static string BodySha256(ReadOnlySpan<byte> utf8Document) => Convert.ToHexStringLower(SHA256.HashData(utf8Document));

    /// <summary>SHA-256 of the UTF-8 of <paramref name="documentJson"/>, as 64 lowercase hex digits.</summary>
    public static string BodySha256(string documentJson) => BodySha256(Encoding.UTF8.GetBytes(documentJson));

    /// <summary>The entry's hash as 64 lowercase hex digits: SHA-256 of the ASCII text
    /// <c>tillsync-chain/1\n{tillSeq}\n{prevHash}\n{bodySha256}</c> (decimal <c>tillSeq</c>, both hashes lowercase hex).</summary>
    public static string Hash(long tillSeq, string prevHash, string bodySha256) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"tillsync-chain/1\n{tillSeq}\n{prevHash}\n{bodySha256}"))));

    /// <summary>The till's signature over <paramref name="hash"/> (the 32 bytes the hex names).</summary>
    public static string Sign(string hash, ECDsa privateKey) =>
        Base64UrlText.Encode(privateKey.SignHash(Convert.FromHexString(hash), DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    /// <summary>True when <paramref name="signature"/> is <paramref name="publicKey"/>'s over <paramref name="hash"/>;
    /// false for anything malformed.</summary>
    public static bool Verify(string hash, string signature, ECDsa publicKey)
    {
        if (!IsHash(hash) || !Base64UrlText.TryDecode(signature, out var bytes) || bytes.Length != SignatureBytes)
        {
            return false;
        }

        return publicKey.VerifyHash(Convert.FromHexString(hash), bytes, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>True when <paramref name="text"/> is 64 lowercase hex digits.</summary>
    public static bool IsHash(string? text) =>
        text is { Length: HashHexLength } && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    /// <summary>A P-256 public key from base64 of its DER SubjectPublicKeyInfo (as HQ records a till's key), or null.</summary>
    public static ECDsa? PublicKey(string? subjectPublicKeyInfo)
    {
        if (subjectPublicKeyInfo is null)
        {
            return null;
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(subjectPublicKeyInfo), out _);
            if (key.KeySize == 256)
            {
                return key;
            }
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            // Not a key: null below.
        }

        key.Dispose();
        return null;
    }
}

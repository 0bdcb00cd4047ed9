using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TillSync.Core.EInvoicing;

/// <summary>The cryptography of NIC's authenticated flow (docs/decisions/0013-nic-handshake.md): the sign-in payload
/// is encrypted with the portal's RSA public key (PKCS#1 v1.5), and every later request's and response's <c>Data</c>
/// with the session key (SEK) in AES-256-ECB with PKCS#7 padding. ECB is the portal's choice, not ours: it hides
/// nothing of repeated blocks and authenticates nothing, so a tampered <c>Data</c> shows only as one that does not
/// decrypt or parse.</summary>
public static class NicCrypto
{
    /// <summary>Bytes in an AppKey and in a SEK: AES-256.</summary>
    public const int KeyBytes = 32;

    /// <summary>Encrypts <paramref name="plain"/> for the portal with its public key, base64.</summary>
    public static string EncryptForPortal(RSA portalPublicKey, byte[] plain) =>
        Convert.ToBase64String(portalPublicKey.Encrypt(plain, RSAEncryptionPadding.Pkcs1));

    /// <summary>The portal's side of <see cref="EncryptForPortal"/>: the plain bytes, or null when
    /// <paramref name="base64"/> is not base64 or does not decrypt with <paramref name="portalPrivateKey"/>.</summary>
    public static byte[]? DecryptAtPortal(RSA portalPrivateKey, string base64)
    {
        try
        {
            return portalPrivateKey.Decrypt(Convert.FromBase64String(base64), RSAEncryptionPadding.Pkcs1);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }
    }

    /// <summary><paramref name="plain"/> encrypted with <paramref name="key"/> (AES-256-ECB, PKCS#7), base64.</summary>
    public static string Seal(byte[] key, byte[] plain)
    {
        Invariant.Assert(key.Length == KeyBytes);
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptEcb(plain, PaddingMode.PKCS7));
    }

    /// <summary>The plain bytes of a <see cref="Seal"/>ed text, or null when it is not base64 or does not decrypt
    /// with <paramref name="key"/> (bad padding).</summary>
    public static byte[]? Open(byte[] key, string base64)
    {
        Invariant.Assert(key.Length == KeyBytes);
        try
        {
            using var aes = Aes.Create();
            aes.Key = key;
            return aes.DecryptEcb(Convert.FromBase64String(base64), PaddingMode.PKCS7);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The JSON <paramref name="base64"/> seals, or null when it does not decrypt or is not JSON.</summary>
    public static JsonNode? OpenJson(byte[] key, string base64)
    {
        var plain = Open(key, base64);
        if (plain is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(plain);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The portal's public key from a file's text: PEM (<c>PUBLIC KEY</c> or <c>RSA PUBLIC KEY</c>) or the
    /// bare base64 of a SubjectPublicKeyInfo, as NIC hands its key out; null with the reason when it is neither.</summary>
    public static (RSA? Key, string? Problem) LoadPublicKey(string text)
    {
        var key = RSA.Create();
        try
        {
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                key.ImportFromPem(text);
            }
            else
            {
                key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(text.Trim()), out _);
            }

            return (key, null);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or CryptographicException)
        {
            key.Dispose();
            return (null, $"it is not an RSA public key in PEM or base64: {e.Message}");
        }
    }

    /// <summary><paramref name="node"/> as UTF-8 JSON, quotes inside strings written <c>\"</c> as NIC writes them.</summary>
    public static byte[] Utf8(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            node.WriteTo(writer);
        }

        return buffer.ToArray();
    }
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TillSync.Core.EInvoicing;

/// <summary>RS256 JSON Web Signatures in compact form (RFC 7515): <c>header.payload.signature</c>, each base64url.</summary>
public static class CompactJws
{
    /// <summary>The only algorithm the IRP uses.</summary>
    public const string Rs256 = "RS256";

    /// <summary>Signs <paramref name="payloadJson"/> with <paramref name="key"/>; the header names <paramref name="keyId"/>.</summary>
    public static string Sign(byte[] payloadJson, RSA key, string keyId)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new JwsHeader(Rs256, "JWT", keyId), IrpJsonContext.Nic.JwsHeader);
        var signingInput = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(payloadJson);
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>The header and payload of <paramref name="jws"/> when it is a well-formed RS256 JWS whose signature
    /// <paramref name="publicKey"/> verifies; false for anything else (never throws on bad input).</summary>
    public static bool TryVerify(string? jws, RSA publicKey, out JwsHeader? header, out byte[] payload)
    {
        header = null;
        payload = [];
        var parts = jws?.Split('.');
        if (parts is not { Length: 3 }
            || !TryDecode(parts[0], out var headerBytes) || !TryDecode(parts[1], out var payloadBytes)
            || !TryDecode(parts[2], out var signature))
        {
            return false;
        }

        try
        {
            header = JsonSerializer.Deserialize(headerBytes, IrpJsonContext.Nic.JwsHeader);
        }
        catch (JsonException)
        {
            return false;
        }

        var signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (header?.Algorithm != Rs256
            || !publicKey.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            header = null;
            return false;
        }

        payload = payloadBytes;
        return true;
    }

    private static bool TryDecode(string part, out byte[] bytes)
    {
        bytes = new byte[Base64Url.GetMaxDecodedLength(part.Length)];
        if (Base64Url.DecodeFromChars(part, bytes, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        bytes = bytes[..written];
        return true;
    }
}

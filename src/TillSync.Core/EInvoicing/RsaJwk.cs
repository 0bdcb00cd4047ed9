using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace TillSync.Core.EInvoicing;

/// <summary>An RSA public key as a JSON Web Key (RFC 7517), as the IRP publishes its signing key.</summary>
/// <param name="KeyType"><c>kty</c>: <c>RSA</c>.</param>
/// <param name="KeyId"><c>kid</c>: the RFC 7638 SHA-256 thumbprint, base64url; the JWS header names it.</param>
/// <param name="Use"><c>use</c>: <c>sig</c>.</param>
/// <param name="Algorithm"><c>alg</c>: <c>RS256</c>.</param>
/// <param name="Modulus"><c>n</c>, base64url.</param>
/// <param name="Exponent"><c>e</c>, base64url.</param>
public sealed record RsaJwk(
    [property: JsonPropertyName("kty")] string KeyType,
    [property: JsonPropertyName("kid")] string KeyId,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("alg")] string Algorithm,
    [property: JsonPropertyName("n")] string Modulus,
    [property: JsonPropertyName("e")] string Exponent)
{
    /// <summary>The public half of <paramref name="key"/>, with its thumbprint as <c>kid</c>.</summary>
    public static RsaJwk From(RSA key)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        var modulus = Base64Url.EncodeToString(parameters.Modulus);
        var exponent = Base64Url.EncodeToString(parameters.Exponent);
        return new RsaJwk("RSA", Thumbprint(modulus, exponent), "sig", CompactJws.Rs256, modulus, exponent);
    }

    /// <summary>An RSA object holding this public key, for <see cref="IrpSignatures"/>; the caller disposes it.</summary>
    public RSA ToRsa() =>
        RSA.Create(new RSAParameters { Modulus = Base64Url.DecodeFromChars(Modulus), Exponent = Base64Url.DecodeFromChars(Exponent) });

    // RFC 7638: SHA-256 over the required members in lexicographic order, no white space.
    private static string Thumbprint(string modulus, string exponent) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($$"""{"e":"{{exponent}}","kty":"RSA","n":"{{modulus}}"}""")));
}

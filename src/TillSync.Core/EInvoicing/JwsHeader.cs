using System.Text.Json.Serialization;

namespace TillSync.Core.EInvoicing;

/// <summary>The protected header of the IRP's signatures.</summary>
/// <param name="Algorithm"><c>alg</c>: always <c>RS256</c>.</param>
/// <param name="Type"><c>typ</c>: <c>JWT</c>.</param>
/// <param name="KeyId"><c>kid</c>: the signing key's RFC 7638 thumbprint (see <see cref="RsaJwk"/>).</param>
public sealed record JwsHeader(
    [property: JsonPropertyName("alg")] string Algorithm,
    [property: JsonPropertyName("typ")] string Type,
    [property: JsonPropertyName("kid")] string KeyId);

using System.Text.Json.Serialization;

namespace TillSync.Core.EInvoicing;

/// <summary>A JWK set (RFC 7517 §5): what <see cref="IrpPaths.Keys"/> answers.</summary>
/// <param name="Keys"><c>keys</c>: the signing keys, current first.</param>
public sealed record JwkSet([property: JsonPropertyName("keys")] IReadOnlyList<RsaJwk> Keys);

using System.Text.Json.Serialization;

namespace TillSync.Core.EInvoicing;

/// <summary>The claims of NIC's signed invoice and signed QR code: the content as a JSON <em>string</em> in
/// <c>data</c>, and the issuer.</summary>
/// <param name="Data">The signed JSON, as text.</param>
/// <param name="Issuer"><c>iss</c>: <c>NIC</c>.</param>
public sealed record SignedContent(
    [property: JsonPropertyName("data")] string Data,
    [property: JsonPropertyName("iss")] string Issuer)
{
    /// <summary>The issuer NIC writes.</summary>
    public const string NicIssuer = "NIC";
}

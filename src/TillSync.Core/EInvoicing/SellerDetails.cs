using System.Text.Json.Serialization;

namespace TillSync.Core.EInvoicing;

/// <summary><c>SellerDtls</c>: the supplier, i.e. the store.</summary>
/// <param name="Gstin">The store's GSTIN.</param>
/// <param name="LegalName">Legal name, 3 to 100 characters.</param>
/// <param name="TradeName">Trade name, when it differs; omitted when null.</param>
/// <param name="Address1">Building and street.</param>
/// <param name="Location">City or town, 3 to 50 characters.</param>
/// <param name="Pin">Six-digit PIN code.</param>
/// <param name="StateCode">Two-digit GST state code.</param>
public sealed record SellerDetails(
    [property: JsonPropertyName("Gstin")] string Gstin,
    [property: JsonPropertyName("LglNm")] string LegalName,
    [property: JsonPropertyName("TrdNm")] string? TradeName,
    [property: JsonPropertyName("Addr1")] string Address1,
    [property: JsonPropertyName("Loc")] string Location,
    [property: JsonPropertyName("Pin")] int Pin,
    [property: JsonPropertyName("Stcd")] string StateCode);

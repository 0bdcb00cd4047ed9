using System.Text.Json.Serialization;

namespace TillSync.Core.EInvoicing;

/// <summary><c>BuyerDtls</c>: the registered customer.</summary>
/// <param name="Gstin">The customer's GSTIN.</param>
/// <param name="LegalName">Legal name, 3 to 100 characters.</param>
/// <param name="PlaceOfSupply">State code of the place of supply; decides intra- or inter-state.</param>
/// <param name="Address1">Building and street.</param>
/// <param name="Location">City or town.</param>
/// <param name="Pin">Six-digit PIN code; omitted when null.</param>
/// <param name="StateCode">The buyer's state code.</param>
public sealed record BuyerDetails(
    [property: JsonPropertyName("Gstin")] string Gstin,
    [property: JsonPropertyName("LglNm")] string LegalName,
    [property: JsonPropertyName("Pos")] string PlaceOfSupply,
    [property: JsonPropertyName("Addr1")] string Address1,
    [property: JsonPropertyName("Loc")] string Location,
    [property: JsonPropertyName("Pin")] int? Pin,
    [property: JsonPropertyName("Stcd")] string StateCode);

using System.Text.Json.Serialization;

namespace TillSync.Core.EInvoicing;

/// <summary><c>ValDtls</c>: the document's totals, rupees with two decimals. Optional fields are omitted when null
/// and read as zero.</summary>
/// <param name="AssessableValue"><c>AssVal</c>: Σ items' assessable amounts.</param>
/// <param name="CgstValue">Σ CGST.</param>
/// <param name="SgstValue">Σ SGST.</param>
/// <param name="IgstValue">Σ IGST.</param>
/// <param name="RoundOff"><c>RndOffAmt</c>: what rounds the total to the rupee, −99.99 to 99.99.</param>
/// <param name="TotalInvoiceValue"><c>TotInvVal</c>: Σ item values + other charges − discount + round-off.</param>
/// <param name="CessValue">Σ cess; omitted when null.</param>
/// <param name="StateCessValue">Σ state cess; omitted when null.</param>
/// <param name="Discount">Invoice-level discount; omitted when null.</param>
/// <param name="OtherCharges">Invoice-level other charges; omitted when null.</param>
public sealed record ValueDetails(
    [property: JsonPropertyName("AssVal")] decimal AssessableValue,
    [property: JsonPropertyName("CgstVal")] decimal? CgstValue,
    [property: JsonPropertyName("SgstVal")] decimal? SgstValue,
    [property: JsonPropertyName("IgstVal")] decimal? IgstValue,
    [property: JsonPropertyName("RndOffAmt")] decimal? RoundOff,
    [property: JsonPropertyName("TotInvVal")] decimal TotalInvoiceValue,
    [property: JsonPropertyName("CesVal")] decimal? CessValue = null,
    [property: JsonPropertyName("StCesVal")] decimal? StateCessValue = null,
    [property: JsonPropertyName("Discount")] decimal? Discount = null,
    [property: JsonPropertyName("OthChrg")] decimal? OtherCharges = null);

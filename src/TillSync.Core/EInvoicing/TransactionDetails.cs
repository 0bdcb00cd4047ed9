using System.Text.Json.Serialization;

namespace TillSync.Core.EInvoicing;

/// <summary><c>TranDtls</c>: the tax scheme and the kind of supply.</summary>
/// <param name="TaxScheme">Always <c>GST</c>.</param>
/// <param name="SupplyType">TillSync registers <c>B2B</c> only.</param>
/// <param name="ReverseCharge"><c>Y</c> when the buyer pays the tax (reverse charge); TillSync sends <c>N</c>.</param>
/// <param name="IgstOnIntraState"><c>Y</c> when an intra-state supply is charged IGST by rule; TillSync sends <c>N</c>.</param>
public sealed record TransactionDetails(
    [property: JsonPropertyName("TaxSch")] string TaxScheme,
    [property: JsonPropertyName("SupTyp")] string SupplyType,
    [property: JsonPropertyName("RegRev")] string? ReverseCharge = null,
    [property: JsonPropertyName("IgstOnIntra")] string? IgstOnIntraState = null);

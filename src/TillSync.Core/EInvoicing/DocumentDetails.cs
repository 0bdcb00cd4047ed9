using System.Text.Json.Serialization;

namespace TillSync.Core.EInvoicing;

/// <summary><c>DocDtls</c>: which document this is.</summary>
/// <param name="Type"><c>INV</c>, <c>CRN</c> or <c>DBN</c>.</param>
/// <param name="Number">The document number, at most 16 characters.</param>
/// <param name="Date">The document date, <c>dd/MM/yyyy</c>.</param>
public sealed record DocumentDetails(
    [property: JsonPropertyName("Typ")] string Type,
    [property: JsonPropertyName("No")] string Number,
    [property: JsonPropertyName("Dt")] string Date);

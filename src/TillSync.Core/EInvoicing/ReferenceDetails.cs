using System.Text.Json.Serialization;

namespace TillSync.Core.EInvoicing;

/// <summary><c>RefDtls</c>: for a credit or debit note, the invoices it amends.</summary>
/// <param name="PrecedingDocuments"><c>PrecDocDtls</c>: at least one.</param>
public sealed record ReferenceDetails(
    [property: JsonPropertyName("PrecDocDtls")] IReadOnlyList<PrecedingDocument>? PrecedingDocuments);

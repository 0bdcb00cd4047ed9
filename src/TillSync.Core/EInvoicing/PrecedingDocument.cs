using System.Text.Json.Serialization;

namespace TillSync.Core.EInvoicing;

/// <summary>One entry of <c>RefDtls.PrecDocDtls</c>: the original invoice a credit note refers to.</summary>
/// <param name="InvoiceNumber"><c>InvNo</c>: the original invoice's number.</param>
/// <param name="InvoiceDate"><c>InvDt</c>: its date, <c>dd/MM/yyyy</c>.</param>
public sealed record PrecedingDocument(
    [property: JsonPropertyName("InvNo")] string InvoiceNumber,
    [property: JsonPropertyName("InvDt")] string InvoiceDate);

namespace TillSync.Core.EInvoicing;

/// <summary>The invoice a credit note refers to (<c>RefDtls.PrecDocDtls</c>).</summary>
/// <param name="Number">Its number.</param>
/// <param name="Date">Its date.</param>
public sealed record OriginalInvoice(string Number, DateOnly Date);

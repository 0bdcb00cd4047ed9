namespace TillSync.Core.EInvoicing;

/// <summary><c>Data</c> of a successful cancel.</summary>
/// <param name="Irn">The cancelled IRN.</param>
/// <param name="CancelDate">When, IST, <c>yyyy-MM-dd HH:mm:ss</c>.</param>
public sealed record CancelledIrn(string Irn, string CancelDate);

namespace TillSync.Core.EInvoicing;

/// <summary>Body of <c>POST /eicore/v1.03/Invoice/Cancel</c>.</summary>
/// <param name="Irn">The IRN to cancel.</param>
/// <param name="CnlRsn">Reason: "1" duplicate, "2" data entry mistake, "3" order cancelled, "4" other.</param>
/// <param name="CnlRem">Remark, 1 to 100 characters.</param>
public sealed record CancelIrnRequest(string Irn, string CnlRsn, string CnlRem);

namespace TillSync.Core.EInvoicing;

/// <summary><c>Data</c> of a generated e-way bill.</summary>
/// <param name="EwbNo">12-digit e-way bill number.</param>
/// <param name="EwbDt">Generated at, IST, <c>yyyy-MM-dd HH:mm:ss</c>.</param>
/// <param name="EwbValidTill">Valid until, IST: one day per 200 km or part of it, to 23:59:59 of the last day.</param>
public sealed record EwayBill(long EwbNo, string EwbDt, string EwbValidTill);

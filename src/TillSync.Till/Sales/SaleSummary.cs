namespace TillSync.Till.Sales;

/// <summary>A line of the recent-sales list.</summary>
/// <param name="ClientOrderId">The sale.</param>
/// <param name="TillSeq">Its sequence number.</param>
/// <param name="BillNo">Its bill number.</param>
/// <param name="CreatedAt">When it was sold.</param>
/// <param name="TotalPaise">Its total, in paise.</param>
/// <param name="SyncState">Where it stands with HQ.</param>
public sealed record SaleSummary(Guid ClientOrderId, long TillSeq, string BillNo, DateTimeOffset CreatedAt, long TotalPaise, string SyncState);

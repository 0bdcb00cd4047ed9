using TillSync.Hq.Accounting;

namespace TillSync.Hq.Gst;

/// <summary>One series of the period's document summary.</summary>
/// <param name="Kind">Bills or credit notes.</param>
/// <param name="From">Its first number in the period.</param>
/// <param name="To">Its last number in the period.</param>
/// <param name="Total">Its documents HQ holds.</param>
/// <param name="Cancelled">Of these, cancelled at the portal or rejected.</param>
/// <param name="Missing">Numbers from <paramref name="From"/> to <paramref name="To"/> HQ does not hold (not synced yet).</param>
public sealed record Gstr1Series(SupplyDocument Kind, string From, string To, long Total, long Cancelled, long Missing);

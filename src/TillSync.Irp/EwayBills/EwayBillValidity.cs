using TillSync.Core.Orders;

namespace TillSync.Irp.EwayBills;

/// <summary>How long an e-way bill is valid (CGST rule 138(10)): one day per 200 km or part of it, each day ending at
/// midnight (IST) after the day of generation.</summary>
public static class EwayBillValidity
{
    /// <summary>Kilometres of travel one day of validity covers (regular cargo).</summary>
    public const int KmPerDay = 200;

    /// <summary>The last moment an e-way bill generated at <paramref name="generatedAt"/> for <paramref name="distanceKm"/>
    /// is valid: 23:59:59 IST of the day <c>ceil(distance / 200)</c> days (at least one) after generation.
    /// A distance of 0 (NIC: "work it out from the PIN codes") counts as one day.</summary>
    public static DateTimeOffset ValidUntil(DateTimeOffset generatedAt, int distanceKm)
    {
        var days = Math.Max(1, (distanceKm + KmPerDay - 1) / KmPerDay);
        var generatedDay = generatedAt.ToOffset(BillNumber.IstOffset).Date;
        return new DateTimeOffset(generatedDay.AddDays(days + 1).AddSeconds(-1), BillNumber.IstOffset);
    }
}

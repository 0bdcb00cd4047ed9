namespace TillSync.Core.Pricing;

/// <summary>A discount on the whole bill, as the lines carry it (docs/pricing.md): the wire has only line discounts, so the
/// till spreads a bill discount over the lines in proportion to what each charges after its own discount. Each line's
/// tax then follows its own share, as the e-invoice rules compute tax per line.</summary>
public static class BillDiscount
{
    /// <summary>Each line's share of <paramref name="billDiscountPaise"/> (0 to Σ <paramref name="netPaise"/>): the
    /// proportional share rounded down, and the paise left over one each to the first lines with room, so the shares add
    /// up to the bill discount and no share is above its line's amount.</summary>
    public static long[] Spread(long billDiscountPaise, IReadOnlyList<long> netPaise)
    {
        var totalPaise = netPaise.Aggregate(0L, (sum, p) => checked(sum + p));
        Invariant.Assert(billDiscountPaise >= 0 && billDiscountPaise <= totalPaise);
        var shares = new long[netPaise.Count];
        if (billDiscountPaise == 0)
        {
            return shares;
        }

        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] = (long)decimal.Floor(billDiscountPaise * (decimal)netPaise[i] / totalPaise);
        }

        var leftPaise = checked(billDiscountPaise - shares.Sum());
        for (var i = 0; leftPaise > 0; i = (i + 1) % shares.Length)
        {
            if (shares[i] < netPaise[i])
            {
                shares[i]++;
                leftPaise--;
            }
        }

        return shares;
    }
}

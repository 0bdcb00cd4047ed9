namespace TillSync.Hq.Stock;

/// <summary>Quantities are stored as integer thousandths of a unit so that SQL sums are exact.</summary>
public static class Quantity
{
    /// <summary>Thousandths in one unit.</summary>
    public const long MilliPerUnit = 1000;

    /// <summary>A quantity with at most three fraction digits as thousandths.</summary>
    public static long ToMilli(decimal qty)
    {
        var milli = qty * MilliPerUnit;
        Core.Invariant.Assert(milli == decimal.Truncate(milli));
        return checked((long)milli);
    }

    /// <summary>Thousandths as a quantity.</summary>
    public static decimal FromMilli(long milli) => milli / (decimal)MilliPerUnit;

    /// <summary>The cost of <paramref name="qty"/> units at <paramref name="unitCostPaise"/> each, rounded to the paisa
    /// half away from zero like every other amount (docs/money.md).</summary>
    public static long CostPaise(decimal qty, long unitCostPaise) => Core.Money.Paise.Round(qty * unitCostPaise);
}

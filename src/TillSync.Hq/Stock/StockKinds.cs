namespace TillSync.Hq.Stock;

/// <summary>Why stock moved (docs/reviews.md). Starts at 1 so that <c>default</c> is never a valid kind.</summary>
public enum StockKind
{
    /// <summary>A committed sale (negative).</summary>
    Sale = 1,

    /// <summary>Goods received (positive).</summary>
    Receipt,

    /// <summary>A manager's count correction.</summary>
    Adjustment,

    /// <summary>A review item's resolution.</summary>
    Resolution,

    /// <summary>A committed return's restocked lines (positive).</summary>
    Return,
}

/// <summary>The stored strings of <see cref="StockKind"/> (<c>stock_movements.kind</c>), in one place.</summary>
public static class StockKinds
{
    /// <summary>A committed sale (negative).</summary>
    public const string Sale = "sale";

    /// <summary>Goods received (positive).</summary>
    public const string Receipt = "receipt";

    /// <summary>A manager's count correction.</summary>
    public const string Adjustment = "adjustment";

    /// <summary>A review item's resolution.</summary>
    public const string Resolution = "resolution";

    /// <summary>A committed return's restocked lines (positive).</summary>
    public const string Return = "return";

    /// <summary>The stored string of <paramref name="kind"/>.</summary>
    public static string Stored(StockKind kind) => kind switch
    {
        StockKind.Sale => Sale,
        StockKind.Receipt => Receipt,
        StockKind.Adjustment => Adjustment,
        StockKind.Resolution => Resolution,
        StockKind.Return => Return,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

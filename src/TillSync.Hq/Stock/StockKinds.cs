namespace TillSync.Hq.Stock;

/// <summary>Why stock moved (DESIGN §6).</summary>
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
}

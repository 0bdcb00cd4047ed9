using TillSync.Hq.Stock;

namespace TillSync.Hq.Accounting;

/// <summary>One SKU of a store revalued by a cost change.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="OnHandMilli">The store's on-hand when the cost changed, in thousandths; negative when oversold.</param>
/// <param name="OldCostPaise">The unit cost before.</param>
/// <param name="NewCostPaise">The unit cost after.</param>
public sealed record CostRevaluationLine(string Sku, long OnHandMilli, long OldCostPaise, long NewCostPaise)
{
    /// <summary>The change in the value of the store's stock of the SKU: on-hand × (new − old), to the paisa (half away from
    /// zero); negative when the value falls.</summary>
    public long ChangePaise => Quantity.CostPaise(Quantity.FromMilli(OnHandMilli), checked(NewCostPaise - OldCostPaise));
}

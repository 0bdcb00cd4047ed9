namespace TillSync.Core.Returns;

/// <summary>What one return did to the saving one promotion of its sale gave (<see cref="PromotionSavingsBack.Of"/>).</summary>
/// <param name="PromotionId">HQ's promotion id.</param>
/// <param name="ReturnedQty">The units the return took back of the lines the promotion priced.</param>
/// <param name="SavingReturnedPaise">The promotion's saving on those units, pro rata to the quantity: it came back with
/// the goods (their refund is pro rata to what was paid for them).</param>
/// <param name="TakenBackPaise">The promotion's share of what the return took back beyond that, because the goods kept no
/// longer earn it (ADR 0023); negative when the return gives back what an earlier one took.</param>
public sealed record PromotionReturnShare(long PromotionId, decimal ReturnedQty, long SavingReturnedPaise, long TakenBackPaise)
{
    /// <summary>This share and <paramref name="later"/>'s (of the same promotion) together: what the returns did in all.</summary>
    public PromotionReturnShare Plus(PromotionReturnShare later)
    {
        ArgumentNullException.ThrowIfNull(later);
        Invariant.Assert(later.PromotionId == PromotionId);
        return new PromotionReturnShare(PromotionId, ReturnedQty + later.ReturnedQty, checked(SavingReturnedPaise + later.SavingReturnedPaise),
            checked(TakenBackPaise + later.TakenBackPaise));
    }
}

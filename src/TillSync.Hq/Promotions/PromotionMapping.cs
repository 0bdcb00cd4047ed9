using TillSync.Contracts.Pricing;
using TillSync.Core.Pricing;

namespace TillSync.Hq.Promotions;

/// <summary>HQ's reading of a promotion as Core checks it (<see cref="PromotionClaims"/>); the kinds' wire names are
/// <see cref="PromotionKinds"/>.</summary>
public static class PromotionMapping
{
    /// <summary>The promotion <paramref name="dto"/> describes, in force until its end early when
    /// <paramref name="endKnown"/> (the sale's till knew of the end), else until its <c>validTo</c>; null for a kind HQ does
    /// not know.</summary>
    public static Promotion? ToCore(PromotionDto dto, bool endKnown)
    {
        ArgumentNullException.ThrowIfNull(dto);
        PromotionKind? kind = dto.Kind switch
        {
            PromotionKinds.ScheduledPrice => PromotionKind.ScheduledPrice,
            PromotionKinds.BuyGet => PromotionKind.BuyGet,
            PromotionKinds.BillValue => PromotionKind.BillValue,
            _ => null,
        };
        var validTo = endKnown && dto.EndedAt is { } ended && ended < dto.ValidTo ? ended : dto.ValidTo;
        return kind is { } k
            ? new Promotion(dto.Id, dto.Name, k, dto.ValidFrom, validTo, dto.Skus, dto.PricePaise ?? 0, dto.BuyQty ?? 0, dto.GetQty ?? 0,
                dto.ThresholdPaise ?? 0, dto.OffPaise ?? 0, dto.OffBp ?? 0, dto.CapPaise)
            : null;
    }
}

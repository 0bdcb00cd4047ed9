using TillSync.Contracts.Pricing;
using TillSync.Contracts.Tills;
using TillSync.Core.Pricing;

namespace TillSync.Till.Sales;

/// <summary>The promotions a till applies (docs/pricing.md, "Promotions"): those of its snapshot in force at the sale's time
/// by the till's clock, offline as online.</summary>
public static class SnapshotPromotions
{
    /// <summary>The snapshot's promotions in force at <paramref name="at"/>; none from an HQ before promotions.</summary>
    public static IReadOnlyList<Promotion> InForce(TillSnapshot snapshot, DateTimeOffset at) =>
        [.. (snapshot.Promotions ?? []).Select(ToCore).OfType<Promotion>().Where(p => p.InForceAt(at))];

    /// <summary>Promotion <paramref name="id"/> as the snapshot describes it, in force or not, or null when the snapshot
    /// no longer carries it (over) or this till does not know its kind.</summary>
    public static Promotion? ById(TillSnapshot snapshot, long id) =>
        snapshot.Promotions?.FirstOrDefault(p => p.Id == id) is { } dto ? ToCore(dto) : null;

    /// <summary>The name of promotion <paramref name="id"/> in the snapshot, for the receipt.</summary>
    public static string NameOf(TillSnapshot snapshot, long id) =>
        snapshot.Promotions?.FirstOrDefault(p => p.Id == id)?.Name ?? $"Promotion {id}";

    // A kind this till does not know (a later HQ's) is left out: the till never applies what it cannot compute.
    private static Promotion? ToCore(PromotionDto dto)
    {
        PromotionKind? kind = dto.Kind switch
        {
            PromotionKinds.ScheduledPrice => PromotionKind.ScheduledPrice,
            PromotionKinds.BuyGet => PromotionKind.BuyGet,
            PromotionKinds.BillValue => PromotionKind.BillValue,
            _ => null,
        };
        var validTo = dto.EndedAt is { } ended && ended < dto.ValidTo ? ended : dto.ValidTo;
        return kind is { } k
            ? new Promotion(dto.Id, dto.Name, k, dto.ValidFrom, validTo, dto.Skus, dto.PricePaise ?? 0, dto.BuyQty ?? 0, dto.GetQty ?? 0,
                dto.ThresholdPaise ?? 0, dto.OffPaise ?? 0, dto.OffBp ?? 0, dto.CapPaise)
            : null;
    }
}

using System.Globalization;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Hq.Orders;
using static TillSync.Simulation.Invariants.SimulationInvariants;

namespace TillSync.Simulation.Invariants;

/// <summary>The invariant of promotions that the manager creates and ends at HQ while the tills sell offline: HQ judges a
/// sale's promotion claims by what its till knew (its pricing version and the sale's time), not by the promotions HQ holds
/// when the sale arrives. The money that follows from promoted prices is the journal's, GST summary's and returns'
/// invariants' (<c>journal_matches_documents</c>, <c>credit_notes_match_journal</c>, <c>over_returns_reviewed</c>).</summary>
public static class PromotionInvariants
{
    /// <summary>Every invariant of promotions, in report order.</summary>
    public static IReadOnlyList<InvariantCheck> All { get; } =
    [
        new("promotions_judged_by_the_till", "a sale priced with a promotion in force for its till (known by its pricingVersion or before the sale, "
            + "within its window, an end early counting only when the till knew of it) commits quietly; a sale claiming one not in force opens a "
            + "price_deviation item (docs/pricing.md, \"HQ checks each claim\")", JudgedByTheTill),
    ];

    private static (bool, string) JudgedByTheTill(RunFacts facts)
    {
        var flagged = facts.Reviews.Where(r => r.Kind == ReviewKinds.PriceDeviation).Select(r => r.ClientOrderId)
            .Concat(facts.HqOrders.Where(o => OrderStatuses.ParseFlags(o.Flags).Contains(OrderFlags.PriceDeviation)).Select(o => o.ClientOrderId))
            .ToHashSet();
        var offenders = new List<string>();
        var (promoted, claims, soldAfterEnd, arrivedAfterEnd, notInForce) = (0, 0, 0, 0, 0);
        foreach (var order in facts.HqOrders.Where(o => o.Status == OrderStatuses.Committed))
        {
            var sale = JsonSerializer.Deserialize(order.BodyJson, TillSyncJsonContext.Default.OrderDto)!;
            var ids = sale.Lines.Select(l => l.PromotionId).Append(sale.BillPromotion?.PromotionId).OfType<long>().Distinct().Order().ToList();
            if (ids.Count == 0)
            {
                continue;
            }

            promoted++;
            claims += ids.Count;
            var known = ids.Select(id => facts.Promotions.ById.GetValueOrDefault(id)).OfType<HqPromotion>().ToList();
            var committedAt = facts.Prices.CommittedAtByOrder[order.ClientOrderId];
            soldAfterEnd += known.Any(p => p.EndedAt <= sale.CreatedAt) ? 1 : 0;
            arrivedAfterEnd += known.Any(p => p.EndedAt <= committedAt) ? 1 : 0;
            var outOfForce = ids.Where(id => facts.Promotions.ById.GetValueOrDefault(id)?.InForceFor(sale.PricingVersion, sale.CreatedAt) != true).ToList();
            var what = string.Create(CultureInfo.InvariantCulture, $"{order.BillNo} (pricing version {sale.PricingVersion?.ToString(CultureInfo.InvariantCulture) ?? "none"}, "
                + $"promotion {string.Join(", ", ids)})");
            if (outOfForce.Count > 0)
            {
                notInForce++;
                if (!flagged.Contains(order.ClientOrderId))
                {
                    offenders.Add($"{what}: claimed promotion {string.Join(", ", outOfForce)}, not in force for its till, and committed unflagged");
                }
            }
            else if (flagged.Contains(order.ClientOrderId))
            {
                offenders.Add($"{what}: every promotion in force for its till, yet flagged price_deviation");
            }
        }

        return Outcome(offenders, string.Create(CultureInfo.InvariantCulture,
            $"{promoted} promoted sales ({claims} claims) across {facts.Promotions.ById.Count} promotions; {soldAfterEnd} sold and {arrivedAfterEnd} arrived after HQ "
            + $"had ended one early, each committed quietly; {notInForce} claimed one not in force, each flagged"),
            "promoted sales judged by the promotions HQ holds now, not by what their till knew");
    }
}

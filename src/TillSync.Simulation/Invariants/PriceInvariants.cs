using System.Globalization;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Hq.Orders;
using static TillSync.Simulation.Invariants.SimulationInvariants;

namespace TillSync.Simulation.Invariants;

/// <summary>The invariant of prices that change at HQ while the tills sell from the catalogue they last fetched: HQ commits
/// a sale at the price its till billed (the customer paid it), whatever HQ's catalogue says by the time it arrives. The
/// revenue and GST that follow from those prices are <c>journal_matches_documents</c>'s.</summary>
public static class PriceInvariants
{
    /// <summary>Every invariant of prices, in report order.</summary>
    public static IReadOnlyList<InvariantCheck> All { get; } =
    [
        new("billed_price_kept", "every committed sale carries the price its till's catalogue held when it was rung up, whatever HQ's price was when it arrived",
            BilledPriceKept),
        new("stale_prices_quiet", "no sale opens a price_deviation item: every till sells within its cashier's limits at the prices its snapshot held, "
            + "and HQ judges a sale by them, not by the price it holds when the sale arrives (docs/pricing.md)", StalePricesQuiet),
    ];

    private static (bool, string) StalePricesQuiet(RunFacts facts)
    {
        var offenders = facts.Reviews.Where(r => r.Kind == ReviewKinds.PriceDeviation).Select(r => r.Detail)
            .Concat(facts.HqOrders.Where(o => OrderStatuses.ParseFlags(o.Flags).Contains(OrderFlags.PriceDeviation)).Select(o => $"{o.BillNo}: flagged price_deviation"))
            .ToList();
        var stale = facts.HqOrders.Count(o => o.Status == OrderStatuses.Committed && facts.Prices.Billed.TryGetValue(o.ClientOrderId, out var billed) && billed.Stale);
        return Outcome(offenders, string.Create(CultureInfo.InvariantCulture,
            $"0 price_deviation items across {facts.Prices.Changes.Count} price changes; {stale} sales rung up after HQ changed a price committed quietly"),
            "sales judged against a price their till never knew");
    }

    private static (bool, string) BilledPriceKept(RunFacts facts)
    {
        var offenders = new List<string>();
        var (sales, billedStale, linesMovedOn) = (0, 0, 0);
        foreach (var order in facts.HqOrders.Where(o => o.Status == OrderStatuses.Committed))
        {
            if (!facts.Prices.Billed.TryGetValue(order.ClientOrderId, out var billed))
            {
                offenders.Add($"{order.BillNo}: at HQ, never rung up");
                continue;
            }

            sales++;
            billedStale += billed.Stale ? 1 : 0;
            var committedAt = facts.Prices.CommittedAtByOrder[order.ClientOrderId];
            foreach (var line in JsonSerializer.Deserialize(order.BodyJson, TillSyncJsonContext.Default.OrderDto)!.Lines)
            {
                var billedPaise = billed.PricePaiseBySku[line.Sku];
                if (line.UnitPricePaise != billedPaise)
                {
                    offenders.Add(string.Create(CultureInfo.InvariantCulture, $"{order.BillNo} {line.Sku}: billed at {billedPaise} paise, HQ holds {line.UnitPricePaise}"));
                }
                else if (facts.Prices.HqPricePaise(line.Sku, committedAt) != billedPaise)
                {
                    linesMovedOn++;
                }
            }
        }

        return Outcome(offenders, string.Create(CultureInfo.InvariantCulture,
            $"{sales} sales at their billed prices across {facts.Prices.Changes.Count} price changes; {billedStale} rung up after HQ changed a price, {linesMovedOn} lines committed after HQ's price moved on"),
            "sales not at their billed price");
    }
}

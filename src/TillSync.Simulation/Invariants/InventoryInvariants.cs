using System.Globalization;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Hq.Accounting;
using TillSync.Hq.Orders;
using TillSync.Simulation.Shop;
using static TillSync.Simulation.Invariants.SimulationInvariants;

namespace TillSync.Simulation.Invariants;

/// <summary>The invariant of stock in the books (docs/accounting.md, docs/reviews.md): the inventory account is every
/// document that moves stock valued at catalogue cost, and so Σ on-hand × cost, after every kind of resolution (a
/// <c>write_off</c> moves neither).</summary>
public static class InventoryInvariants
{
    /// <summary>Every invariant of inventory, in report order.</summary>
    public static IReadOnlyList<InvariantCheck> All { get; } =
    [
        new("inventory_at_cost", "the inventory account = receipts, committed sales, restocked returns and the transfer_in and credit_note decisions at catalogue cost (each line to the paisa) = Σ on-hand × cost, within each loose line's half paisa",
            InventoryAtCost),
    ];

    private static (bool, string) InventoryAtCost(RunFacts facts)
    {
        var costPaise = SimCatalog.Products.ToDictionary(p => p.Sku, p => (decimal)p.CostPaise, StringComparer.Ordinal);
        var (documentsPaise, roundedLines) = (0L, 0);
        foreach (var (sku, milli) in facts.ReceivedMilliBySku)
        {
            Value(sku, milli / 1000m, +1);
        }

        foreach (var order in facts.HqOrders.Where(o => o.Status == OrderStatuses.Committed))
        {
            foreach (var line in JsonSerializer.Deserialize(order.BodyJson, TillSyncJsonContext.Default.OrderDto)!.Lines)
            {
                Value(line.Sku, line.Qty, -1);
            }
        }

        foreach (var line in facts.Money.ReturnLines.Where(l => l.Condition == ReturnConditions.Restock))
        {
            Value(line.Sku, line.QtyMilli / 1000m, +1);
        }

        foreach (var decision in facts.StockDecisions)
        {
            Value(decision.Sku, decision.Qty, +1);
        }

        var journalPaise = facts.BalancePaiseByAccount.GetValueOrDefault(Accounts.Inventory);
        var onHandPaise = facts.OnHandMilliBySku.Sum(s => s.Value / 1000m * costPaise[s.Key]);
        var roundingPaise = documentsPaise - onHandPaise;
        var offenders = new[]
        {
            journalPaise == documentsPaise ? null : string.Create(CultureInfo.InvariantCulture, $"inventory account {journalPaise} paise, the documents at cost {documentsPaise}"),
            Math.Abs(roundingPaise) <= roundedLines * 0.5m ? null : string.Create(CultureInfo.InvariantCulture,
                $"the documents at cost {documentsPaise} paise, Σ on-hand × cost {onHandPaise:0.###}: {roundingPaise:0.###} apart, more than {roundedLines} lines can round"),
        }.OfType<string>();
        return Outcome(offenders, string.Create(CultureInfo.InvariantCulture,
            $"inventory {journalPaise} paise = the documents at cost = Σ on-hand × cost {onHandPaise:0.###} ({roundingPaise:0.###} rounding over {roundedLines} lines)"),
            "inventory wrong");

        void Value(string sku, decimal qty, int sign)
        {
            var exactPaise = qty * costPaise[sku];
            var roundedPaise = decimal.Round(exactPaise, 0, MidpointRounding.AwayFromZero);
            roundedLines += roundedPaise == exactPaise ? 0 : 1;
            documentsPaise += sign * (long)roundedPaise;
        }
    }
}

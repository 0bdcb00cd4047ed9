using System.Globalization;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Hq.Accounting;
using TillSync.Hq.Orders;
using TillSync.Simulation.Shop;
using static TillSync.Simulation.Invariants.SimulationInvariants;

namespace TillSync.Simulation.Invariants;

/// <summary>The invariant of stock in the books (docs/accounting.md, docs/reviews.md, ADR 0024): the inventory account is Σ
/// on-hand × cost at HQ's catalogue cost after every kind of resolution (a <c>write_off</c> moves neither) and every cost
/// change (HQ revalues the stock on hand as it changes a cost); while no cost has changed, it is also every document that
/// moves stock valued at the catalogue's cost, to the paisa.</summary>
public static class InventoryInvariants
{
    /// <summary>Every invariant of inventory, in report order.</summary>
    public static IReadOnlyList<InvariantCheck> All { get; } =
    [
        new("inventory_at_cost", "the inventory account = Σ on-hand × HQ's cost after every resolution and cost change, within each loose line's and revaluation's half paisa; while no cost changed, = receipts, committed sales, restocked returns and the transfer_in and credit_note decisions at catalogue cost (each line to the paisa)",
            InventoryAtCost),
    ];

    private static (bool, string) InventoryAtCost(RunFacts facts)
    {
        var costPaise = facts.CostPaiseBySku.ToDictionary(c => c.Key, c => (decimal)c.Value, StringComparer.Ordinal);
        var openingCostPaise = SimCatalog.Products.ToDictionary(p => p.Sku, p => (decimal)p.CostPaise, StringComparer.Ordinal);
        var revaluations = facts.JournalEntries.Count(e => e.Kind == JournalKinds.Revaluation);
        var costsChanged = revaluations > 0 || openingCostPaise.Any(c => costPaise[c.Key] != c.Value);
        var (documentsPaise, roundedLines, looseLines) = (0L, 0, 0);
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
        var onHandApartPaise = journalPaise - onHandPaise;
        // A revaluation entry sums one rounded change per SKU it revalues; only loose goods' on-hand can be fractional.
        var looseSkus = SimCatalog.Products.Count(p => SimCatalog.IsLoose(p.Unit));
        var onHandSlackPaise = (looseLines + (revaluations * looseSkus)) * 0.5m;
        var roundingPaise = documentsPaise - onHandPaise;
        var offenders = new[]
        {
            Math.Abs(onHandApartPaise) <= onHandSlackPaise ? null : string.Create(CultureInfo.InvariantCulture,
                $"the inventory account {journalPaise} paise, Σ on-hand × cost {onHandPaise:0.###}: {onHandApartPaise:0.###} apart, more than {looseLines} loose lines and {revaluations} revaluations of {looseSkus} loose SKUs can round"),
            costsChanged || journalPaise == documentsPaise ? null : string.Create(CultureInfo.InvariantCulture, $"inventory account {journalPaise} paise, the documents at cost {documentsPaise}"),
            costsChanged || Math.Abs(roundingPaise) <= roundedLines * 0.5m ? null : string.Create(CultureInfo.InvariantCulture,
                $"the documents at cost {documentsPaise} paise, Σ on-hand × cost {onHandPaise:0.###}: {roundingPaise:0.###} apart, more than {roundedLines} lines can round"),
        }.OfType<string>();
        return Outcome(offenders, costsChanged
            ? string.Create(CultureInfo.InvariantCulture,
                $"inventory {journalPaise} paise = Σ on-hand × cost {onHandPaise:0.###} ({onHandApartPaise:0.###} rounding over {looseLines} loose lines and {revaluations} revaluations)")
            : string.Create(CultureInfo.InvariantCulture,
                $"inventory {journalPaise} paise = the documents at cost = Σ on-hand × cost {onHandPaise:0.###} ({roundingPaise:0.###} rounding over {roundedLines} lines)"),
            "inventory wrong");

        // A document line at the opening cost; a line of loose goods may round at whatever cost HQ valued it at.
        void Value(string sku, decimal qty, int sign)
        {
            var exactPaise = qty * openingCostPaise[sku];
            var roundedPaise = decimal.Round(exactPaise, 0, MidpointRounding.AwayFromZero);
            roundedLines += roundedPaise == exactPaise ? 0 : 1;
            looseLines += qty == decimal.Truncate(qty) ? 0 : 1;
            documentsPaise += sign * (long)roundedPaise;
        }
    }
}

using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Simulation.Shop;
using TillSync.Till.Catalog;
using TillSync.Till.Sales;

namespace TillSync.Simulation.Lan;

/// <summary>The comparison's cashier (ADR 0022): sells no more of a SKU than the till's stock view shows — the snapshot's
/// on-hand less every sale, plus every restocked return, the till knows of since (<see cref="TillStock"/>, the figure the
/// cashier page shows) — cutting a line down to it, or leaving it out when the view shows none. A stock shortfall at HQ is
/// then a sale the till's view allowed and HQ's stock did not: exactly what sharing the logs is meant to prevent.</summary>
internal static class StockMindedCashier
{
    /// <summary><paramref name="sale"/> cut down to what <paramref name="stock"/> shows; the same sale when it fits, null
    /// when nothing of it is in stock as the till knows it (or what is comes to less than the bill's rounding). A cut sale is paid in cash for its new total, with its
    /// customer but no points burned (what was burned for the whole cart no longer fits it).</summary>
    public static async Task<SaleRequest?> WithinKnownStockAsync(TillStock stock, TillSnapshot snapshot, SaleRequest sale, CancellationToken cancellationToken)
    {
        var known = await stock.KnownSinceSnapshotAsync(cancellationToken);
        var leftBySku = snapshot.Products.ToDictionary(p => p.Sku, p => TillStock.AsKnown(p, known).OnHand, StringComparer.Ordinal);
        var unitBySku = snapshot.Products.ToDictionary(p => p.Sku, p => p.Unit, StringComparer.Ordinal);
        var lines = new List<CartLine>();
        var cut = false;
        foreach (var line in sale.Lines)
        {
            var left = Math.Max(0m, leftBySku.GetValueOrDefault(line.Sku));
            var qty = Math.Min(line.Qty, SimCatalog.IsLoose(unitBySku[line.Sku]) ? Math.Floor(left * 1000m) / 1000m : Math.Floor(left));
            if (qty != line.Qty)
            {
                cut = true;
            }

            if (qty > 0)
            {
                lines.Add(new CartLine(line.Sku, qty, 0));
                leftBySku[line.Sku] = left - qty;
            }
        }

        if (!cut)
        {
            return sale;
        }

        if (lines.Count == 0)
        {
            return null;
        }

        // A loose line cut to a few grams can leave a bill that rounds to nothing (comparison seed 195 of 500): no sale, as
        // the till takes no payment of ₹0.
        var totalPaise = SaleMaker.TotalPaise(snapshot, lines, sale.Customer);
        return totalPaise <= 0 ? null : new SaleRequest(lines, [new Tender(PaymentMethods.Cash, totalPaise)], sale.Customer);
    }
}

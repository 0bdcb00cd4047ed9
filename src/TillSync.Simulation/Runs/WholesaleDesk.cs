using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Sync;
using TillSync.Simulation.Nodes;
using TillSync.Simulation.Shop;
using TillSync.Till.Sales;

namespace TillSync.Simulation.Runs;

/// <summary>Now and then a B2B buyer takes a wholesale lot of ghee at a till, paid by card: a bill worth more than the
/// ₹50,000 above which goods need an e-way bill to move (<see cref="EwayBillDesk"/>). It is an ordinary sale through the
/// till's own code — it counts in the shift's tally and the price check like any other — drawn from its own seeded
/// <see cref="Random"/>, so the shop's carts are the ones they were (though a lot takes its till's next bill number and
/// may open a shift, so the rest of a run moves on from there).</summary>
/// <para>With a store LAN whose cashier holds to the till's stock view (the sharing comparison, ADR 0022), a lot the
/// till does not know it holds whole is not sold: the buyer wants the lot and goes elsewhere.</para>
public sealed class WholesaleDesk(
    FakeTimeProvider clock, Random random, Timeline queue, Trace trace, IReadOnlyList<TillNode> tills, ShiftDesk shifts, CatalogueDesk catalogue,
    Lan.StoreLan? lan = null)
{
    // About one wholesale lot every four hours of the shop's day.
    private static readonly TimeSpan LotIntervalMean = TimeSpan.FromHours(4);
    private static readonly TimeSpan TillBusyDelay = TimeSpan.FromMinutes(10);
    private const string WholesaleSku = "GHEE-1L";

    // 100 to 140 litres: above ₹50,000 even after the deepest price cut the catalogue desk makes.
    private const int LitresMin = 100;
    private const int LitresMax = 140;

    private int _lots;
    private int _turnedAway;

    /// <summary>What the desk did, by name, in report order.</summary>
    public IEnumerable<(string What, int Count)> Counts => lan is { CashierHoldsToStock: true }
        ? [("wholesale: B2B lot above ₹50,000 sold at a till", _lots), ("wholesale: lot turned away (not in stock as the till knows it)", _turnedAway)]
        : [("wholesale: B2B lot above ₹50,000 sold at a till", _lots)];

    /// <summary>Schedules the first lot.</summary>
    public void Open() => queue.Schedule(Now + Exponential(LotIntervalMean), SimEventKind.Sale, SellAsync);

    private DateTimeOffset Now => clock.GetUtcNow();

    private TimeSpan Exponential(TimeSpan mean) => mean * -Math.Log(1 - random.NextDouble());

    private async Task SellAsync()
    {
        var till = tills[random.Next(tills.Count)];
        if (!till.IsUp || till.Snapshot is not { } snapshot)
        {
            queue.Schedule(Now + TillBusyDelay, SimEventKind.Sale, SellAsync);
            return;
        }

        await shifts.ReadyAsync(till);
        var buyer = random.NextDouble() < 0.5 ? SimCatalog.B2BIntraState : SimCatalog.B2BInterState;
        List<CartLine> cart = [new CartLine(WholesaleSku, random.Next(LitresMin, LitresMax + 1), 0)];
        var sale = new SaleRequest(cart, [new Tender(PaymentMethods.Card, SaleMaker.TotalPaise(snapshot, cart, buyer, Now))], buyer);
        if (lan is { CashierHoldsToStock: true } && await lan.WithinKnownStockAsync(till, sale) != sale)
        {
            _turnedAway++;
            trace.Add(Now, $"till {till.Number}: wholesale lot turned away, not in stock as the till knows it");
            queue.Schedule(Now + Exponential(LotIntervalMean), SimEventKind.Sale, SellAsync);
            return;
        }

        var (receipt, problem) = await till.SellAsync(sale, CancellationToken.None);
        if (receipt is null)
        {
            throw new InvalidOperationException($"Till {till.Number} refused a simulated wholesale sale: {problem}");
        }

        shifts.Sold(till, sale, receipt);
        catalogue.Rang(till, receipt);
        _lots++;
        trace.Add(Now, string.Create(CultureInfo.InvariantCulture,
            $"till {till.Number} wholesale seq {receipt.TillSeq} {receipt.ClientOrderId} {receipt.BillNo} {receipt.Totals.TotalPaise}p b2b"));
        queue.Schedule(Now + Exponential(LotIntervalMean), SimEventKind.Sale, SellAsync);
    }
}

// Proves the arithmetic of the report of how each promotion did (docs/pricing.md, "How each promotion did"; ADR 0025): a
// sale's saving per promotion is what the customer paid less, GST included (a scheduled price from the catalogue price the
// till knew); a return gives back the returned units' saving pro rata and takes back, under the promotion the kept goods
// lost, exactly the till's take-back, so that a bill returned whole nets each promotion to 0. How: hand-worked cases over
// Core's PromotionSavings and PromotionSavingsBack, the take-back itself from PromotionTakeBack as the till computes it.
using TillSync.Core.Orders;
using TillSync.Core.Pricing;
using TillSync.Core.Returns;
using TillSync.Core.Tax;

namespace TillSync.Core.Tests.Returns;

public sealed class PromotionSavingsBackTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(5.5));
    private static readonly Promotion Soaps = new(7, "Soap 3 for 2", PromotionKind.BuyGet, Start, Start.AddDays(7), ["SOAP"], BuyQty: 2, GetQty: 1);
    private static readonly Promotion Offer = new(9, "₹100 off ₹1,000", PromotionKind.BillValue, Start, Start.AddDays(7), [], ThresholdPaise: 100_000, OffPaise: 10_000);
    private static readonly Promotion Cola = new(11, "Cola ₹30", PromotionKind.ScheduledPrice, Start, Start.AddDays(7), ["COLA"], PricePaise: 3_000);

    [Fact]
    public void BuyTwoGetOne_ReturnedOneByOne_EachStepNetsTheSavingToZero()
    {
        // 3 soaps at ₹45.00 (inclusive) with one free: ₹45.00 saved. The till refunds ₹0.00, ₹45.00, ₹45.00 against ₹30.00
        // pro rata each (docs/returns.md): it takes back ₹30.00, then gives back ₹15.00 twice.
        var sale = Sale([new OrderLine("SOAP", 3, 4_500, 4_500, 1_800, TaxInclusive: true, PromotionId: 7, PromotionPaise: 4_500)], null, 0);
        var savings = PromotionSavings.Of(sale, SupplyKind.IntraState, Terms, _ => null);
        Assert.Equal([new PromotionLineSaving(0, 7, PromotionPart.Line, 3, 1, 4_500)], savings);

        var steps = Steps(sale, savings, [([1m], 3_000), ([1m], -1_500), ([1m], -1_500)]);

        // A third of the saving back with each soap; the ₹30.00 taken back with the first comes back with the other two,
        // and the last step returns what is left, so that nothing remains.
        Assert.Equal([new PromotionReturnShare(7, 1, 1_500, 3_000), new PromotionReturnShare(7, 1, 1_500, -1_500), new PromotionReturnShare(7, 1, 1_500, -1_500)],
            steps.Select(s => Assert.Single(s)));
        Assert.Equal(0, 4_500 - steps.Sum(s => s.Sum(x => x.SavingReturnedPaise + x.TakenBackPaise)));
    }

    [Fact]
    public void ABillBelowItsThreshold_TakesBackUnderTheBillPromotionOnly_NotTheBuyGetTheKeptSoapsStillEarn()
    {
        // ₹600.00 + ₹500.00 + 3 soaps at ₹45.00 with one free (inclusive): ₹1,190.00 at promotional prices, ₹100.00 off spread
        // ₹50.43, ₹42.01 and ₹7.56. The ₹500.00 item back keeps ₹690.00 of goods, below ₹1,000: the till refunds ₹400.00 of
        // its ₹457.99 pro rata, taking back ₹57.99.
        OrderLine[] lines =
        [
            new("A", 1, 60_000, 5_043, 500, TaxInclusive: true), new("B", 1, 50_000, 4_201, 500, TaxInclusive: true),
            new("SOAP", 3, 4_500, 4_500 + 756, 1_800, TaxInclusive: true, PromotionId: 7, PromotionPaise: 4_500),
        ];
        var sale = Sale(lines, 9, 10_000);
        var savings = PromotionSavings.Of(sale, SupplyKind.IntraState, Terms, _ => null);
        Assert.Equal([(7L, 4_500L), (9L, 10_000L)], savings.GroupBy(s => s.PromotionId).Select(g => (g.Key, g.Sum(s => s.SavingPaise))));
        var takeBackPaise = PromotionTakeBack.Of([.. lines.Select(Sold)], 9, 10_000, Terms, [0m, 0m, 0m], [0m, 1m, 0m], [0L, 0L, 0L], SupplyKind.IntraState).Sum();
        Assert.Equal(5_799, takeBackPaise);

        var step = Assert.Single(Steps(sale, savings, [([0m, 1m, 0m], takeBackPaise)]));

        // The item's ₹42.01 share came back with it and the rest of the ₹100.00 was taken back: the offer nets to ₹0.00.
        Assert.Equal([new PromotionReturnShare(9, 1, 4_201, 5_799)], step);
    }

    [Fact]
    public void ScheduledPrice_SavesFromTheCataloguePriceTheTillKnew_WithItsGst()
    {
        // Cola at ₹30.00 instead of ₹40.00, priced before 28 % GST: 2 × ₹10.00 and the GST on it, ₹25.60. Without a catalogue
        // price HQ knows, nothing it can count.
        var sale = Sale([new OrderLine("COLA", 2, 3_000, 0, 2_800, PromotionId: 11)], null, 0);

        Assert.Equal(2_560, Assert.Single(PromotionSavings.Of(sale, SupplyKind.IntraState, Terms, _ => 4_000)).SavingPaise);
        Assert.Equal(0, Assert.Single(PromotionSavings.Of(sale, SupplyKind.IntraState, Terms, _ => null)).SavingPaise);
    }

    [Fact]
    public void APromotionHqDoesNotHold_IsNotCounted()
    {
        var sale = Sale([new OrderLine("SOAP", 3, 4_500, 4_500, 1_800, PromotionId: 99, PromotionPaise: 4_500)], 98, 100);

        Assert.Empty(PromotionSavings.Of(sale, SupplyKind.IntraState, Terms, _ => null));
    }

    private static Promotion? Terms(long id) => new[] { Soaps, Offer, Cola }.FirstOrDefault(p => p.Id == id);

    private static SoldLine Sold(OrderLine l) => new(l.Qty, l.UnitPricePaise, l.DiscountPaise, l.GstRateBp, l.TaxInclusive, l.PromotionId, l.PromotionPaise);

    private static Order Sale(IReadOnlyList<OrderLine> lines, long? billPromotionId, long billPromotionPaise) =>
        new(Guid.CreateVersion7(), "T01/2627/000001", Start.AddHours(10), lines, [], OrderTotals.Compute(lines, SupplyKind.IntraState),
            BillPromotionId: billPromotionId, BillPromotionPaise: billPromotionPaise);

    // Each step's shares, the quantities it returns per line and the take-back its lines carry, after the steps before it.
    private static List<IReadOnlyList<PromotionReturnShare>> Steps(
        Order sale, IReadOnlyList<PromotionLineSaving> savings, IReadOnlyList<(decimal[] Qty, long TakeBackPaise)> steps)
    {
        var promoted = new PromotedSale([.. sale.Lines.Select(Sold)], savings, sale.BillPromotionId, sale.BillPromotionPaise);
        var before = new decimal[sale.Lines.Count];
        var soFar = new Dictionary<long, PromotionReturnShare>();
        var shares = new List<IReadOnlyList<PromotionReturnShare>>();
        foreach (var (qty, takeBackPaise) in steps)
        {
            var step = PromotionSavingsBack.Of(promoted, Terms, [.. before], qty, takeBackPaise, soFar);
            foreach (var share in step)
            {
                soFar[share.PromotionId] = soFar.TryGetValue(share.PromotionId, out var earlier) ? earlier.Plus(share) : share;
            }

            before = [.. before.Zip(qty, (b, q) => b + q)];
            shares.Add(step);
        }

        return shares;
    }
}

// Proves the promotion take-back of docs/returns.md ("Promotions"): returning part of a buy-N-get-M or of a bill that
// reached a bill-value threshold refunds what was paid less what the kept goods cost under the sale's promotions, and over
// random promoted carts returned whole in any number of partial steps the refunds add up to what was paid, never more, no
// step below zero (a sale without promotions: never more, each part pro rata). How: hand-worked cases and a CsCheck
// property over Core's PromotionPricing, PromotionTakeBack and ReturnMath.ForLines.
using CsCheck;
using TillSync.Core.Pricing;
using TillSync.Core.Returns;
using TillSync.Core.Tax;

namespace TillSync.Core.Tests.Returns;

public sealed class PromotionTakeBackTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(5.5));
    private static readonly string[] Skus = ["A", "B", "C", "D"];

    [Fact]
    public void BuyTwoGetOne_ReturningOneOfThree_RefundsNothing_ThenEachOfTheOthersItsPrice()
    {
        // 3 soaps at ₹45.00 (18 %, inclusive) under buy 2 get 1: ₹90.00 paid. One back leaves two, which cost ₹90.00 without
        // the offer: the free soap came back, ₹0.00. The next leaves one (₹45.00): ₹45.00; the last ₹45.00.
        var deal = new Promotion(7, "Soap 3 for 2", PromotionKind.BuyGet, Start, Start.AddDays(7), ["SOAP"], BuyQty: 2, GetQty: 1);
        SoldLine[] sold = [new(3, 4_500, 4_500, 1_800, TaxInclusive: true, PromotionId: 7, PromotionPaise: 4_500)];

        var refunds = ReturnInSteps(sold, null, 0, [deal], [[1m], [1m], [1m]]).Refunds;

        Assert.Equal([0L, 4_500L, 4_500L], refunds);
    }

    [Fact]
    public void BillValue_ReturnDropsTheBillBelowTheThreshold_TakesTheDiscountBackInFull()
    {
        // ₹600.00 + ₹500.00 (5 %, inclusive) reach ₹1,000: ₹100.00 off, spread ₹54.55 and ₹45.45; ₹1,000.00 paid. Returning
        // the ₹500.00 item keeps ₹600.00 of goods, below the threshold, at their price: ₹400.00 back (₹454.55 pro rata less
        // the whole ₹54.55 the kept item had off). Then the ₹600.00 item: ₹600.00. Together ₹1,000.00.
        var offer = new Promotion(9, "₹100 off ₹1,000", PromotionKind.BillValue, Start, Start.AddDays(7), [], ThresholdPaise: 100_000, OffPaise: 10_000);
        SoldLine[] sold = [new(1, 60_000, 5_455, 500, TaxInclusive: true), new(1, 50_000, 4_545, 500, TaxInclusive: true)];

        var refunds = ReturnInSteps(sold, 9, 10_000, [offer], [[0m, 1m], [1m, 0m]]).Refunds;

        Assert.Equal([40_000L, 60_000L], refunds);
    }

    [Fact]
    public void ReturnThatKeepsThePromotionWhole_RefundsTheLinePaid()
    {
        // 6 soaps under buy 2 get 1 (two free, ₹180.00 paid): three back leave three, still one free: ₹90.00.
        var deal = new Promotion(7, "Soap 3 for 2", PromotionKind.BuyGet, Start, Start.AddDays(7), ["SOAP"], BuyQty: 2, GetQty: 1);
        SoldLine[] sold = [new(6, 4_500, 9_000, 1_800, TaxInclusive: true, PromotionId: 7, PromotionPaise: 9_000)];

        Assert.Equal([9_000L, 9_000L], ReturnInSteps(sold, null, 0, [deal], [[3m], [3m]]).Refunds);
    }

    [Fact]
    public void SaleWithoutPromotions_HasNoTakeBack()
    {
        SoldLine[] sold = [new(3, 3_333, 100, 500), new(2, 10_000, 0, 1_800, TaxInclusive: true)];

        Assert.Equal([0L, 0L], PromotionTakeBack.Of(sold, null, 0, _ => null, [0m, 0m], [1m, 1m], [0L, 0L], SupplyKind.IntraState));
    }

    [Fact]
    public void RandomPromotedCarts_ReturnedWholeInSteps_RefundWhatWasPaid_NeverMore()
    {
        var line = from sku in Gen.OneOfConst(Skus) from qty in Gen.Int[1, 6] from price in Gen.Long[100, 200_000]
                   from rate in Gen.OneOfConst(0, 500, 1200, 1800, 2800) from cashierPercent in Gen.OneOfConst(0, 0, 5, 10)
                   select (sku, qty, price, rate, cashierPercent);
        var gen = from lines in line.Array[1, 5]
                  from buy in Gen.Int[1, 3] from get in Gen.Int[1, 2] from dealSkus in Gen.OneOfConst(Skus).Array[1, 3]
                  from threshold in Gen.Long[0, 600_000] from off in Gen.Long[1, 50_000] from offBp in Gen.OneOfConst(0, 500, 1_000)
                  from kind in Gen.OneOfConst(SupplyKind.IntraState, SupplyKind.InterState)
                  from cuts in Gen.Int[0, 3].Array[24]
                  select (lines, buy, get, dealSkus, threshold, off, offBp, kind, cuts);
        gen.Sample(c =>
        {
            Promotion[] promotions =
            [
                new(1, "deal", PromotionKind.BuyGet, Start, Start.AddDays(7), c.dealSkus, BuyQty: c.buy, GetQty: c.get),
                new(2, "bill", PromotionKind.BillValue, Start, Start.AddDays(7), [], ThresholdPaise: Math.Max(c.threshold, c.off),
                    OffPaise: c.offBp > 0 ? 0 : c.off, OffBp: c.offBp),
            ];
            var cart = PromotionPricing.Apply([.. c.lines.Select(l => new PromotionInput(l.sku, l.qty, l.price))], promotions);
            var sold = c.lines.Select((l, i) =>
            {
                var p = cart.Lines[i];
                var promoted = p.PromotionPaise + p.BillSharePaise;
                var cashier = (l.qty * l.price - promoted) * l.cashierPercent / 100;
                return new SoldLine(l.qty, l.price, promoted + cashier, l.rate, TaxInclusive: true, p.PromotionId, p.PromotionPaise);
            }).ToArray();
            var paid = sold.Sum(l => GstCalculator.ForLine(l.Qty, l.UnitPricePaise, l.DiscountPaise, l.GstRateBp, c.kind, true).TotalPaise);

            // Each step takes back 0 to 3 units of each line still held; the last takes whatever is left.
            var left = sold.Select(l => l.Qty).ToArray();
            var steps = new List<decimal[]>();
            for (var s = 0; left.Any(q => q > 0); s++)
            {
                var step = left.Select((q, i) => s >= 4 ? q : Math.Min(q, c.cuts[(s * sold.Length + i) % c.cuts.Length])).ToArray();
                if (step.All(q => q == 0))
                {
                    continue;
                }

                steps.Add(step);
                left = [.. left.Select((q, i) => q - step[i])];
            }

            var (refunds, _) = ReturnInSteps(sold, cart.BillPromotionId, cart.BillPromotionPaise, promotions, steps, c.kind);
            Assert.All(refunds, r => Assert.True(r >= 0, $"a step refunded {r}"));
            if (cart.BillPromotionId is null && sold.All(l => l.PromotionId is null))
            {
                // No promotion: pro rata as any sale, each part rounded toward zero, so never more than paid.
                Assert.InRange(refunds.Sum(), 0, paid);
                return;
            }

            Assert.Equal(paid, refunds.Sum());
        }, iter: 4_000);
    }

    // The refund of each step (Σ its lines' refunds, before the credit note's round-off), as the till computes it, and
    // what each line refunded over all of them.
    private static (List<long> Refunds, long[] ByLine) ReturnInSteps(
        SoldLine[] sold, long? billPromotionId, long billPromotionPaise, Promotion[] promotions, IEnumerable<decimal[]> steps,
        SupplyKind kind = SupplyKind.IntraState)
    {
        var before = new decimal[sold.Length];
        var refundedBefore = new long[sold.Length];
        var refunds = new List<long>();
        foreach (var step in steps)
        {
            var takeBack = PromotionTakeBack.Of(sold, billPromotionId, billPromotionPaise, id => promotions.FirstOrDefault(p => p.Id == id),
                before, step, refundedBefore, kind);
            var returning = Enumerable.Range(0, sold.Length).Where(i => step[i] > 0).ToList();
            Assert.All(Enumerable.Range(0, sold.Length).Except(returning), i => Assert.Equal(0, takeBack[i]));
            var taxes = ReturnMath.ForLines(
                [.. returning.Select(i => (sold[i].Qty, sold[i].UnitPricePaise, sold[i].DiscountPaise, sold[i].GstRateBp, step[i], sold[i].TaxInclusive))],
                kind, [.. returning.Select(i => takeBack[i])]);
            Assert.All(taxes, t => Assert.True(t.TotalPaise >= 0 && t.TaxablePaise >= 0));
            foreach (var (i, tax) in returning.Zip(taxes))
            {
                refundedBefore[i] += tax.TotalPaise;
            }

            refunds.Add(taxes.Sum(t => t.TotalPaise));
            before = [.. before.Select((q, i) => q + step[i])];
        }

        return (refunds, refundedBefore);
    }
}

// Proves ReturnMath refunds each line pro rata without ever refunding more than the line was sold for, and returns the
// exact original on a whole-line return. How: hand-computed partial returns, and properties over random lines split
// into random partial returns.
using CsCheck;
using TillSync.Core.Orders;
using TillSync.Core.Returns;
using TillSync.Core.Tax;

namespace TillSync.Core.Tests.Returns;

public sealed class ReturnMathTests
{
    [Fact]
    public void ForLine_OneOfThreeAt5Percent_RefundsAThirdRoundedDown()
    {
        // 3 × ₹33.33 less ₹1.00 at 5 % intra-state: gross 9999, taxable 9899, CGST = SGST = round(247.475) = 247.
        // One unit back: gross ⌊3333⌋, taxable ⌊3299.67⌋ = 3299, CGST = SGST = ⌊82.33⌋ = 82.
        var refund = ReturnMath.ForLine(3m, 3_333, 100, 500, 1m, SupplyKind.IntraState);

        Assert.Equal(new LineTax(3_333, 3_299, 82, 82, 0), refund);
    }

    [Fact]
    public void ForLine_WholeLine_RefundsExactlyTheOriginal()
    {
        var original = GstCalculator.ForLine(1.235m, 4_999, 7, 1800, SupplyKind.InterState);

        Assert.Equal(original, ReturnMath.ForLine(1.235m, 4_999, 7, 1800, 1.235m, SupplyKind.InterState));
    }

    [Fact]
    public void ForLine_MoreThanSold_BreaksAnInvariant()
    {
        Assert.Throws<InvariantViolationException>(() => ReturnMath.ForLine(2m, 100, 0, 500, 2.001m, SupplyKind.IntraState));
    }

    [Fact]
    public void ForLine_AnySplitIntoPartialReturns_NeverRefundsMoreThanTheLine()
    {
        var gen =
            from units in Gen.Int[1, 50]
            from price in Gen.Long[0, 10_000_000]
            from discountShare in Gen.Int[0, 100]
            from rate in Gen.OneOfConst(0, 25, 300, 500, 1200, 1800, 2800)
            from kind in Gen.OneOfConst(SupplyKind.IntraState, SupplyKind.InterState)
            from cuts in Gen.Int[1, 50].Array[1, 5]
            select (units, price, discountShare, rate, kind, cuts);
        gen.Sample(c =>
        {
            var originalQty = (decimal)c.units;
            var gross = GstCalculator.ForLine(originalQty, c.price, 0, c.rate, c.kind).GrossPaise;
            var discount = gross * c.discountShare / 100;
            var original = GstCalculator.ForLine(originalQty, c.price, discount, c.rate, c.kind);
            long taxable = 0, cgst = 0, sgst = 0, igst = 0;
            var left = c.units;
            foreach (var cut in c.cuts)
            {
                var qty = Math.Min(cut, left);
                if (qty == 0)
                {
                    break;
                }

                var refund = ReturnMath.ForLine(originalQty, c.price, discount, c.rate, qty, c.kind);
                Assert.Equal(refund.CgstPaise, refund.SgstPaise);
                (taxable, cgst, sgst, igst) = (taxable + refund.TaxablePaise, cgst + refund.CgstPaise, sgst + refund.SgstPaise, igst + refund.IgstPaise);
                left -= qty;
            }

            Assert.True(taxable <= original.TaxablePaise && cgst <= original.CgstPaise && sgst <= original.SgstPaise && igst <= original.IgstPaise);
        });
    }

    [Theory]
    [InlineData(10, 50_000, 100_000, 5)]
    [InlineData(10, 33_300, 100_000, 3)]
    [InlineData(7, 100_000, 100_000, 7)]
    [InlineData(0, 100, 100_000, 0)]
    public void LoyaltyShare_IsTheReturnedShareRoundedDown(long points, long returnedPaise, long originalPaise, long expected)
    {
        Assert.Equal(expected, ReturnMath.LoyaltyShare(points, returnedPaise, originalPaise));
    }

    [Fact]
    public void Totals_OfRefundedLines_RoundToTheRupeeLikeABill()
    {
        var totals = BillTotals.Of([ReturnMath.ForLine(3m, 3_333, 100, 500, 1m, SupplyKind.IntraState)]);

        // 3299 + 82 + 82 = 3463 paise → ₹35, round-off +37.
        Assert.Equal(new BillTotals(3_299, 82, 82, 0, 37, 3_500), totals);
    }
}

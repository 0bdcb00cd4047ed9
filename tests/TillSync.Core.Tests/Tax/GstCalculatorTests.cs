// Proves GstCalculator.ForLine follows docs/money.md line by line: gross, taxable, CGST = SGST or IGST, half away from zero.
// How: hand-computed examples, an exact Int128 model compared on random in-range lines, and absurd inputs that must throw.
using CsCheck;
using TillSync.Core.Tax;
using TillSync.Core.Tests.Orders;

namespace TillSync.Core.Tests.Tax;

public sealed class GstCalculatorTests
{
    [Fact]
    public void ForLine_Taxable3399At18PercentIntra_Gives305Point91Each()
    {
        // ₹3,499.00 less ₹100.00 discount = ₹3,399.00; 9 % of it is ₹305.91 exactly.
        var tax = GstCalculator.ForLine(1m, 349_900, 10_000, 1800, SupplyKind.IntraState);

        Assert.Equal(new LineTax(349_900, 339_900, 30_591, 30_591, 0), tax);
        Assert.Equal(339_900 + 30_591 + 30_591, tax.TotalPaise);
    }

    [Fact]
    public void ForLine_Taxable3399At18PercentInter_Gives611Point82Igst()
    {
        var tax = GstCalculator.ForLine(1m, 349_900, 10_000, 1800, SupplyKind.InterState);

        Assert.Equal(new LineTax(349_900, 339_900, 0, 0, 61_182), tax);
    }

    [Theory]
    // Each half of 1 % on ₹5.00 is 2.5 paise: away from zero gives 3 (banker's rounding would give 2).
    [InlineData(500, 100, 3)]
    // Each half of 1 % on ₹1.00 is 0.5 paise: 1 (banker's would give 0).
    [InlineData(100, 100, 1)]
    // Each half of 5 % on 50 paise is 1.25 paise: 1.
    [InlineData(50, 500, 1)]
    // Each half of 5 % on 70 paise is 1.75 paise: 2.
    [InlineData(70, 500, 2)]
    // Each half of 0.25 % on ₹2.00 is 0.25 paise: 0.
    [InlineData(200, 25, 0)]
    // Each half of 0.01 % on ₹99.99 is 0.49995 paise, just under half: 0.
    [InlineData(9_999, 1, 0)]
    // Each half of 0.01 % on ₹100.01 is 0.50005 paise: 1.
    [InlineData(10_001, 1, 1)]
    public void ForLine_IntraStateHalfPaisa_RoundsHalfAwayFromZero(long taxablePaise, int gstRateBp, long expectedHalfPaise)
    {
        var tax = GstCalculator.ForLine(1m, taxablePaise, 0, gstRateBp, SupplyKind.IntraState);

        Assert.Equal(expectedHalfPaise, tax.CgstPaise);
        Assert.Equal(expectedHalfPaise, tax.SgstPaise);
        Assert.Equal(0, tax.IgstPaise);
    }

    [Theory]
    // 1 % on 50 paise is 0.5 paise: 1. 1 % on ₹2.50 is 2.5 paise: 3.
    [InlineData(50, 100, 1)]
    [InlineData(250, 100, 3)]
    [InlineData(249, 100, 2)]
    // 0.01 % on ₹49.99 is 0.4999 paise: 0.
    [InlineData(4_999, 1, 0)]
    public void ForLine_InterStateHalfPaisa_RoundsHalfAwayFromZero(long taxablePaise, int gstRateBp, long expectedIgstPaise)
    {
        var tax = GstCalculator.ForLine(1m, taxablePaise, 0, gstRateBp, SupplyKind.InterState);

        Assert.Equal(new LineTax(taxablePaise, taxablePaise, 0, 0, expectedIgstPaise), tax);
    }

    [Theory]
    // 0.125 kg at ₹1.00/kg is 12.5 paise: 13 (banker's would give 12).
    [InlineData("0.125", 100, 13)]
    // 0.005 kg at ₹1.00/kg is 0.5 paise: 1.
    [InlineData("0.005", 100, 1)]
    // 1.235 kg at ₹49.99/kg is 6173.765 paise: 6174.
    [InlineData("1.235", 4_999, 6_174)]
    // 2.5 kg and 2.500 kg at ₹40.00/kg are both ₹100.00.
    [InlineData("2.5", 4_000, 10_000)]
    [InlineData("2.500", 4_000, 10_000)]
    [InlineData("100000", 1_000_000_000, 100_000_000_000_000)]
    public void ForLine_LooseQuantity_GrossRoundsHalfAwayFromZero(string qty, long unitPricePaise, long expectedGrossPaise)
    {
        var tax = GstCalculator.ForLine(decimal.Parse(qty, System.Globalization.CultureInfo.InvariantCulture), unitPricePaise, 0, 0, SupplyKind.IntraState);

        Assert.Equal(expectedGrossPaise, tax.GrossPaise);
        Assert.Equal(expectedGrossPaise, tax.TaxablePaise);
    }

    [Fact]
    public void ForLine_LooseRiceAt5PercentIntra_MatchesHandComputation()
    {
        // 1.235 kg × ₹49.99 = ₹61.73765 → ₹61.74; 2.5 % of ₹61.74 = 154.35 paise → 154 paise each.
        var tax = GstCalculator.ForLine(1.235m, 4_999, 0, 500, SupplyKind.IntraState);

        Assert.Equal(new LineTax(6_174, 6_174, 154, 154, 0), tax);
    }

    [Fact]
    public void ForLine_AnyInRangeLine_MatchesExactIntegerModel()
    {
        Gen.Select(OrderGen.AnyInRangeLine, Gen.OneOfConst(SupplyKind.IntraState, SupplyKind.InterState))
            .Sample((line, kind) =>
            {
                var tax = GstCalculator.ForLine(line.Qty, line.UnitPricePaise, line.DiscountPaise, line.GstRateBp, kind);

                Assert.Equal(ExactGst.ForLine(line, kind), tax);
            }, iter: 2_000);
    }

    [Fact]
    public void ForLine_AnyInRangeLine_IntraSplitsEvenlyAndInterHasOnlyIgst()
    {
        OrderGen.AnyInRangeLine.Sample(line =>
        {
            var intra = GstCalculator.ForLine(line.Qty, line.UnitPricePaise, line.DiscountPaise, line.GstRateBp, SupplyKind.IntraState);
            var inter = GstCalculator.ForLine(line.Qty, line.UnitPricePaise, line.DiscountPaise, line.GstRateBp, SupplyKind.InterState);

            Assert.Equal(intra.CgstPaise, intra.SgstPaise);
            Assert.Equal(0, intra.IgstPaise);
            Assert.Equal(0, inter.CgstPaise);
            Assert.Equal(0, inter.SgstPaise);
            Assert.Equal(intra.TaxablePaise, inter.TaxablePaise);
            Assert.Equal(intra.GrossPaise - line.DiscountPaise, intra.TaxablePaise);
            // Two halves each rounded differ from the whole rounded once by at most one paisa.
            Assert.InRange(intra.CgstPaise + intra.SgstPaise - inter.IgstPaise, -1, 1);
        }, iter: 1_000);
    }

    [Fact]
    public void ForLine_GrossBeyondDecimalRange_ThrowsOverflow()
    {
        Assert.Throws<OverflowException>(() =>
            GstCalculator.ForLine(100_000_000_000m, long.MaxValue, 0, 1800, SupplyKind.IntraState));
    }

    [Fact]
    public void ForLine_GrossBeyondLongRange_ThrowsOverflow()
    {
        // 2 × long.MaxValue fits a decimal but not a long: it must throw, not wrap to a negative amount.
        Assert.Throws<OverflowException>(() => GstCalculator.ForLine(2m, long.MaxValue, 0, 0, SupplyKind.InterState));
    }

    [Fact]
    public void ForLine_DiscountUnderflowsTaxable_ThrowsOverflow()
    {
        Assert.Throws<OverflowException>(() => GstCalculator.ForLine(1m, 1, long.MinValue, 0, SupplyKind.IntraState));
    }

    [Fact]
    public void LineTax_TotalBeyondLongRange_ThrowsOverflow()
    {
        var tax = GstCalculator.ForLine(1m, long.MaxValue, 0, 10_000, SupplyKind.InterState);

        Assert.Equal(long.MaxValue, tax.IgstPaise);
        Assert.Throws<OverflowException>(() => tax.TotalPaise);
    }
}

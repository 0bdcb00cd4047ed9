// Proves the shelf rule of docs/money.md: a line priced inclusive of GST comes to exactly qty × price − discount, tax
// included, the bill to Σ of its lines, and the e-invoice payload states the same money within NIC's rules. How: the ₹90
// pack worked by hand, then random carts of both footings at every GST slab, loose and packed quantities, with discounts.
using System.Globalization;
using CsCheck;
using TillSync.Core.EInvoicing;
using TillSync.Core.Money;
using TillSync.Core.Orders;
using TillSync.Core.Returns;
using TillSync.Core.Tax;
using TillSync.Core.Tests.EInvoicing;

namespace TillSync.Core.Tests.Tax;

public sealed class InclusivePriceTests
{
    // Every GST slab, the demo's 40 % and a few odd rates, and 0.25 % (rough diamonds).
    private static readonly Gen<int> RateBp = Gen.OneOf(Gen.OneOfConst(0, 25, 300, 500, 1200, 1800, 2800, 4000), Gen.Int[0, 10_000]);

    // Packed goods by the piece and loose goods by weight (up to 3 decimals).
    private static readonly Gen<decimal> Qty = Gen.OneOf(
        Gen.Int[1, 24].Select(n => (decimal)n),
        Gen.Int[1, 25_000].Select(milli => milli / 1000m));

    private static readonly Gen<OrderLine> Line =
        Gen.Select(Qty, Gen.Long[0, 5_000_000], RateBp, Gen.Bool)
            .SelectMany(l => Gen.OneOf(Gen.Const(0L), Gen.Long[0, Paise.Round(l.Item1 * l.Item2)])
                .Select(discount => new OrderLine("SKU", l.Item1, l.Item2, discount, l.Item3, TaxInclusive: l.Item4)));

    [Fact]
    public void ForLine_NinetyRupeePackAt5PercentIntra_BillsNinetyWithTaxTakenOut()
    {
        // ₹90 × 5/105 = ₹4.2857: each half 2.142857 → ₹2.14, so tax ₹4.28 and the taxable value the ₹85.72 left.
        var tax = GstCalculator.ForLine(1m, 9_000, 0, 500, SupplyKind.IntraState, taxInclusive: true);

        Assert.Equal(new LineTax(8_572, 8_572, 214, 214, 0), tax);
        Assert.Equal(9_000, tax.TotalPaise);
        Assert.Equal(new BillTotals(8_572, 214, 214, 0, 0, 9_000), OrderTotals.Compute([new OrderLine("BISCUIT", 1m, 9_000, 0, 500, TaxInclusive: true)], SupplyKind.IntraState));
    }

    [Fact]
    public void ForLine_NinetyRupeePackAt5PercentInter_GivesIgst429()
    {
        // ₹90 × 5/105 = ₹4.2857 → IGST ₹4.29 in one piece, taxable ₹85.71.
        var tax = GstCalculator.ForLine(1m, 9_000, 0, 500, SupplyKind.InterState, taxInclusive: true);

        Assert.Equal(new LineTax(8_571, 8_571, 0, 0, 429), tax);
    }

    [Fact]
    public void ForLine_InclusiveWithDiscount_RestatesTheDiscountBeforeTax()
    {
        // Two packs at ₹118 (18 %) less ₹11.80: the customer pays ₹224.20; ₹224.20 × 9/118 = ₹17.10 each half; taxable
        // ₹190.00. The ₹11.80 off is ₹10.00 before tax, so the gross before tax is ₹200.00.
        var tax = GstCalculator.ForLine(2m, 11_800, 1_180, 1800, SupplyKind.IntraState, taxInclusive: true);

        Assert.Equal(new LineTax(20_000, 19_000, 1_710, 1_710, 0), tax);
        Assert.Equal(22_420, tax.TotalPaise);
    }

    [Fact]
    public void Payload_NinetyRupeePack_StatesUnitPriceBeforeTaxAndTheShelfTotal()
    {
        var payload = Bills.Payload(Bills.IntraStateBuyer, [new("Parle-G biscuits 800 g", "19053100", 1m, "PAC", 9_000, 0, 500, TaxInclusive: true)]);

        var item = Assert.Single(payload.Items);
        Assert.Equal((85.72m, 85.72m, 0m, 85.72m, 2.14m, 2.14m, 90.00m), (item.UnitPrice, item.GrossAmount, item.Discount ?? 0, item.AssessableAmount,
            item.CgstAmount ?? 0, item.SgstAmount ?? 0, item.TotalItemValue));
        Assert.Equal(90.00m, payload.Values.TotalInvoiceValue);
        Assert.Empty(EInvoiceSchema.Violations(payload.ToJson()));
    }

    [Fact]
    public void ForLine_RandomInclusiveLines_ComeToTheShelfAmountWithEqualHalves()
    {
        Gen.Select(Line, Gen.Bool).Sample((line, intra) =>
        {
            var kind = intra ? SupplyKind.IntraState : SupplyKind.InterState;
            var tax = GstCalculator.ForLine(line.Qty, line.UnitPricePaise, line.DiscountPaise, line.GstRateBp, kind, taxInclusive: true);
            var shelfPaise = Paise.Round(line.Qty * line.UnitPricePaise) - line.DiscountPaise;

            Assert.Equal(shelfPaise, tax.TotalPaise);
            Assert.Equal(tax.CgstPaise, tax.SgstPaise);
            Assert.True(intra ? tax.IgstPaise == 0 : tax.CgstPaise == 0);
            Assert.True(tax.TaxablePaise >= 0 && tax.GrossPaise >= tax.TaxablePaise, $"{tax}");
            // The tax taken out differs from the rate applied to what is left by (1 + rate) times the halves' rounding of at
            // most half a paisa each: under a paisa at every slab, as if the line had been exclusive.
            var taxPaise = tax.CgstPaise + tax.SgstPaise + tax.IgstPaise;
            Assert.True(Math.Abs(taxPaise - ((decimal)tax.TaxablePaise * line.GstRateBp / 10_000)) <= 1m + (line.GstRateBp / 10_000m),
                $"{tax} at {line.GstRateBp} bp");
        }, iter: 2_000);
    }

    [Fact]
    public void Compute_RandomCartsOfBothFootings_TotalIsTheLinesAndTaxIsTheRates()
    {
        Gen.Select(Line.List[1, 30], Gen.Bool).Sample((lines, intra) =>
        {
            var kind = intra ? SupplyKind.IntraState : SupplyKind.InterState;
            var totals = OrderTotals.Compute(lines, kind);
            var taxes = lines.Select(l => l.Tax(kind)).ToList();
            // Each inclusive line comes to its shelf amount; an exclusive one to its taxable value plus its tax.
            var linesPaise = lines.Sum(l => l.TaxInclusive ? Paise.Round(l.Qty * l.UnitPricePaise) - l.DiscountPaise : l.Tax(kind).TotalPaise);
            var exactPaise = totals.TaxablePaise + totals.CgstPaise + totals.SgstPaise + totals.IgstPaise;

            Assert.Equal(linesPaise, exactPaise);
            Assert.Equal(Paise.RoundToRupee(linesPaise), totals.TotalPaise);
            Assert.Equal(totals.TotalPaise, exactPaise + totals.RoundOffPaise);
            // Tax by rate, as the receipt and the GST summary break it up, adds up to the bill's tax.
            var byRate = lines.Zip(taxes).GroupBy(p => p.First.GstRateBp)
                .Select(g => (Cgst: g.Sum(p => p.Second.CgstPaise), Sgst: g.Sum(p => p.Second.SgstPaise), Igst: g.Sum(p => p.Second.IgstPaise))).ToList();
            Assert.Equal((totals.CgstPaise, totals.SgstPaise, totals.IgstPaise), (byRate.Sum(r => r.Cgst), byRate.Sum(r => r.Sgst), byRate.Sum(r => r.Igst)));
        }, iter: 500);
    }

    [Fact]
    public void Payload_RandomCartsOfBothFootings_EveryFigureWithinNicRules()
    {
        Gen.Select(Line.List[1, 12], Gen.Bool).Sample((lines, intra) =>
        {
            var einvoiceLines = lines.Select(l => new EInvoiceLine("Assorted goods", "19053100", l.Qty, "PAC", l.UnitPricePaise, l.DiscountPaise, l.GstRateBp,
                TaxInclusive: l.TaxInclusive)).ToList();
            var payload = Bills.Payload(intra ? Bills.IntraStateBuyer : Bills.InterStateBuyer, einvoiceLines);
            var totals = OrderTotals.Compute(lines, intra ? SupplyKind.IntraState : SupplyKind.InterState);

            Assert.Empty(EInvoiceSchema.Violations(payload.ToJson()));
            foreach (var (item, line) in payload.Items.Zip(lines))
            {
                var at = string.Create(CultureInfo.InvariantCulture, $"{line} → {item}");
                Assert.True(item.AssessableAmount == item.GrossAmount - (item.Discount ?? 0), at);
                var taxRupees = (item.CgstAmount ?? 0) + (item.SgstAmount ?? 0) + (item.IgstAmount ?? 0);
                Assert.True(item.TotalItemValue == item.AssessableAmount + taxRupees, at);
                // NIC checks each tax against AssAmt × GstRt within ±1 rupee; the shelf rule keeps it within (1 + rate) paise.
                Assert.True(Math.Abs(taxRupees - (item.AssessableAmount * item.GstRate / 100)) <= 0.01m * (1 + (item.GstRate / 100)), at);
                // UnitPrice has three decimals of a rupee, so UnitPrice × Qty meets TotAmt within half a tenth of a paisa a
                // unit (exclusive lines: within half a paisa, TotAmt being rounded to the paisa).
                Assert.True(Math.Abs((item.UnitPrice * line.Qty) - item.GrossAmount) <= (0.0005m * line.Qty) + 0.005m, at);
                if (line.TaxInclusive)
                {
                    Assert.True(item.TotalItemValue == Rupees(Paise.Round(line.Qty * line.UnitPricePaise) - line.DiscountPaise), at);
                }
            }

            Assert.Equal(Rupees(totals.TotalPaise), payload.Values.TotalInvoiceValue);
            Assert.Equal(payload.Items.Sum(i => i.TotalItemValue) + (payload.Values.RoundOff ?? 0), payload.Values.TotalInvoiceValue);
            Assert.Equal(Rupees(totals.TaxablePaise), payload.Values.AssessableValue);
        }, iter: 300);
    }

    [Fact]
    public void ReturnMath_InclusiveOriginal_PartsNeverRefundMoreAndTheWholeRefundsTheShelfAmount()
    {
        Gen.Select(Line.Where(l => l.Qty >= 0.002m), Gen.Bool, Gen.Int[1, 999]).Sample((line, intra, permille) =>
        {
            var kind = intra ? SupplyKind.IntraState : SupplyKind.InterState;
            var original = line.Tax(kind);
            var firstQty = Math.Max(0.001m, decimal.Round(line.Qty * permille / 1000m, 3, MidpointRounding.ToZero));
            if (firstQty >= line.Qty)
            {
                return;
            }

            var first = ReturnMath.ForLine(line.Qty, line.UnitPricePaise, line.DiscountPaise, line.GstRateBp, firstQty, kind, line.TaxInclusive);
            var rest = ReturnMath.ForLine(line.Qty, line.UnitPricePaise, line.DiscountPaise, line.GstRateBp, line.Qty - firstQty, kind, line.TaxInclusive);
            var whole = ReturnMath.ForLine(line.Qty, line.UnitPricePaise, line.DiscountPaise, line.GstRateBp, line.Qty, kind, line.TaxInclusive);

            Assert.Equal(original, whole);
            Assert.True(first.TotalPaise + rest.TotalPaise <= original.TotalPaise, $"{line}: {first} + {rest} > {original}");
            Assert.True(first.CgstPaise + rest.CgstPaise <= original.CgstPaise && first.IgstPaise + rest.IgstPaise <= original.IgstPaise);
        }, iter: 1_000);
    }

    private static decimal Rupees(long paise) => paise / 100m;

    [Theory]
    // ₹90.00 inclusive against a ₹90.00 MRP sells; ₹90.01 does not.
    [InlineData(9_000, true, 500, 9_000, true)]
    [InlineData(9_001, true, 500, 9_000, false)]
    // ₹85.72 before 5 % is ₹90.006 → ₹90.01 with tax: above a ₹90.00 MRP. ₹85.71 → ₹89.9955 → ₹90.00: at it.
    [InlineData(8_572, false, 500, 9_000, false)]
    [InlineData(8_571, false, 500, 9_000, true)]
    public void CheckMrp_PriceWithTaxAgainstTheMrp_RefusesOnlyAbove(long unitPricePaise, bool taxInclusive, int rateBp, long mrpPaise, bool sells)
    {
        var check = OrderRules.CheckMrp(new OrderLine("BISCUIT", 1m, unitPricePaise, 0, rateBp, taxInclusive, mrpPaise), 1);

        Assert.Equal(sells, check is null);
        if (check is not null)
        {
            Assert.Equal(OrderProblem.AboveMrp, check.Problem);
            Assert.StartsWith("line 1: price ₹90.01 with tax is above the MRP ₹90.00", check.Detail, StringComparison.Ordinal);
        }
    }
}

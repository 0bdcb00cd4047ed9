// Proves OrderTotals.Compute sums lines and rounds the bill to the rupee per docs/money.md, and SupplyKindOf picks CGST/SGST or IGST.
// How: the NIC e-invoice sample reproduced to the paisa, hand-computed bills, and properties on random in-range lines.
using CsCheck;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Core.Tax;
using TillSync.Core.Tests.Tax;

namespace TillSync.Core.Tests.Orders;

public sealed class OrderTotalsTests
{
    private static readonly Gen<SupplyKind> Kind = Gen.OneOfConst(SupplyKind.IntraState, SupplyKind.InterState);

    [Fact]
    public void Compute_EinvoiceIntrastateSample_ReproducesItToThePaisa()
    {
        // shared/einvoice/sample_b2b_intrastate_inv.json: 4 × ₹1,500.00 at 5 % and 1 × ₹3,499.00 less ₹100.00 at 18 %,
        // AssVal 9399.00, CgstVal = SgstVal = 455.91, RndOffAmt 0.18, TotInvVal 10311.00.
        OrderLineDto[] lines =
        [
            new("RICE-25KG", 4m, 150_000, 0, 500),
            new("MIXER-750W", 1m, 349_900, 10_000, 1800),
        ];

        var totals = OrderTotals.Compute(WireOrder.ToCore(lines), SupplyKind.IntraState);

        Assert.Equal(new BillTotals(939_900, 45_591, 45_591, 0, 18, 1_031_100), totals);
    }

    [Fact]
    public void Compute_DesignSyncSample_Gives3150Rupees()
    {
        // docs/sync.md: 2 × ₹1,500.00 at 5 % intra-state → ₹75.00 CGST and SGST, ₹3,150.00, no round-off.
        var totals = OrderTotals.Compute(WireOrder.ToCore([new("RICE-25KG", 2m, 150_000, 0, 500)]), SupplyKind.IntraState);

        Assert.Equal(new BillTotals(300_000, 7_500, 7_500, 0, 0, 315_000), totals);
    }

    [Fact]
    public void Compute_LooseGoodsBill_MatchesHandComputation()
    {
        // 1.235 kg × ₹49.99 = 6173.765 → 6174 paise, 154 + 154 paise GST (5 %);
        // 0.750 kg × ₹120.00 = 9000 paise, 225 + 225 paise GST (5 %); 3 × ₹12.34 less ₹1.00 = 3602 paise, 324.18 → 324 each (18 %).
        // Exact 6174 + 308 + 9000 + 450 + 3602 + 648 = 20182 paise → ₹202, round-off +18.
        OrderLineDto[] lines =
        [
            new("RICE-LOOSE", 1.235m, 4_999, 0, 500),
            new("DAL-LOOSE", 0.750m, 12_000, 0, 500),
            new("SOAP", 3m, 1_234, 100, 1800),
        ];

        var totals = OrderTotals.Compute(WireOrder.ToCore(lines), SupplyKind.IntraState);

        Assert.Equal(new BillTotals(18_776, 703, 703, 0, 18, 20_200), totals);
    }

    [Theory]
    [InlineData(1_031_049, -49, 1_031_000)]
    [InlineData(1_031_050, 50, 1_031_100)]
    [InlineData(1_031_051, 49, 1_031_100)]
    [InlineData(1_031_000, 0, 1_031_000)]
    [InlineData(1, -1, 0)]
    [InlineData(50, 50, 100)]
    public void Compute_ExactAmount_RoundsToRupeeHalfAwayFromZero(long exactPaise, long expectedRoundOffPaise, long expectedTotalPaise)
    {
        var totals = OrderTotals.Compute(WireOrder.ToCore([new("ITEM", 1m, exactPaise, 0, 0)]), SupplyKind.IntraState);

        Assert.Equal(expectedRoundOffPaise, totals.RoundOffPaise);
        Assert.Equal(expectedTotalPaise, totals.TotalPaise);
    }

    [Fact]
    public void Compute_InterStateSample_PutsAllTaxInIgst()
    {
        OrderLineDto[] lines =
        [
            new("RICE-25KG", 4m, 150_000, 0, 500),
            new("MIXER-750W", 1m, 349_900, 10_000, 1800),
        ];

        var totals = OrderTotals.Compute(WireOrder.ToCore(lines), SupplyKind.InterState);

        // 5 % of ₹6,000.00 = ₹300.00; 18 % of ₹3,399.00 = ₹611.82; exact ₹10,310.82 → ₹10,311.00.
        Assert.Equal(new BillTotals(939_900, 0, 0, 91_182, 18, 1_031_100), totals);
    }

    [Fact]
    public void Totals_AnyLines_TotalEqualsSumOfLinesPlusRoundOff()
    {
        Gen.Select(OrderGen.AnyInRangeLine.Array[0, 30], Kind).Sample((lines, kind) =>
        {
            var totals = OrderTotals.Compute(WireOrder.ToCore(lines), kind);
            var taxes = lines.Select(l => GstCalculator.ForLine(l.Qty, l.UnitPricePaise, l.DiscountPaise, l.GstRateBp, kind)).ToList();

            Assert.Equal(taxes.Sum(t => t.TaxablePaise), totals.TaxablePaise);
            Assert.Equal(taxes.Sum(t => t.CgstPaise), totals.CgstPaise);
            Assert.Equal(taxes.Sum(t => t.SgstPaise), totals.SgstPaise);
            Assert.Equal(taxes.Sum(t => t.IgstPaise), totals.IgstPaise);
            Assert.Equal(taxes.Sum(t => t.TotalPaise) + totals.RoundOffPaise, totals.TotalPaise);
            Assert.Equal(totals.TaxablePaise + totals.CgstPaise + totals.SgstPaise + totals.IgstPaise + totals.RoundOffPaise, totals.TotalPaise);
        }, iter: 500);
    }

    [Fact]
    public void Totals_AnyLines_MatchExactIntegerModel()
    {
        Gen.Select(OrderGen.AnyInRangeLine.Array[0, 30], Kind).Sample((lines, kind) =>
            Assert.Equal(ExactGst.ForBill(lines, kind), OrderTotals.Compute(WireOrder.ToCore(lines), kind)), iter: 500);
    }

    [Fact]
    public void Totals_AnyLines_TotalIsWholeRupeesAndRoundOffAtMostFifty()
    {
        Gen.Select(OrderGen.AnyInRangeLine.Array[0, 30], Kind).Sample((lines, kind) =>
        {
            var totals = OrderTotals.Compute(WireOrder.ToCore(lines), kind);

            Assert.Equal(0, totals.TotalPaise % 100);
            Assert.InRange(totals.RoundOffPaise, -50, 50);
            // Half away from zero: exactly 50 paise rounds up, never down.
            Assert.NotEqual(-50, totals.RoundOffPaise);
        }, iter: 500);
    }

    [Fact]
    public void Totals_AnyLinesIntraState_CgstEqualsSgstAndNoIgst()
    {
        OrderGen.AnyInRangeLine.Array[0, 30].Sample(lines =>
        {
            var totals = OrderTotals.Compute(WireOrder.ToCore(lines), SupplyKind.IntraState);

            Assert.Equal(totals.CgstPaise, totals.SgstPaise);
            Assert.Equal(0, totals.IgstPaise);
        }, iter: 500);
    }

    [Fact]
    public void Totals_AnyLinesInterState_NoCgstNorSgst()
    {
        OrderGen.AnyInRangeLine.Array[0, 30].Sample(lines =>
        {
            var totals = OrderTotals.Compute(WireOrder.ToCore(lines), SupplyKind.InterState);

            Assert.Equal(0, totals.CgstPaise);
            Assert.Equal(0, totals.SgstPaise);
        }, iter: 500);
    }

    [Fact]
    public void Totals_AnyLines_LineOrderDoesNotMatter()
    {
        Gen.Select(OrderGen.AnyInRangeLine.Array[0, 30], Kind).Sample((lines, kind) =>
            Assert.Equal(OrderTotals.Compute(WireOrder.ToCore(lines), kind), OrderTotals.Compute(WireOrder.ToCore([.. lines.AsEnumerable().Reverse()]), kind)), iter: 300);
    }

    [Fact]
    public void Compute_NoLines_IsAllZero()
    {
        Assert.Equal(new BillTotals(0, 0, 0, 0, 0, 0), OrderTotals.Compute(WireOrder.ToCore([]), SupplyKind.IntraState));
    }

    [Fact]
    public void Compute_SumBeyondLongRange_ThrowsOverflow()
    {
        // Each line alone fits a long; their sum does not, and must throw rather than wrap to a negative bill.
        OrderLineDto[] lines = [new("A", 1m, long.MaxValue, 0, 0), new("B", 1m, long.MaxValue, 0, 0)];

        Assert.Throws<OverflowException>(() => OrderTotals.Compute(WireOrder.ToCore(lines), SupplyKind.IntraState));
    }

    [Fact]
    public void Compute_TaxPushesTotalBeyondLongRange_ThrowsOverflow()
    {
        Assert.Throws<OverflowException>(() => OrderTotals.Compute(WireOrder.ToCore([new("A", 1m, long.MaxValue, 0, 1800)]), SupplyKind.IntraState));
    }

    [Fact]
    public void SupplyKindOf_NoCustomer_IsIntraState()
    {
        Assert.Equal(SupplyKind.IntraState, OrderTotals.SupplyKindOf(OrderGen.SellerGstin, null));
    }

    [Fact]
    public void SupplyKindOf_CustomerWithoutPlaceOfSupply_IsIntraState()
    {
        // Over the counter the place of supply is the store's state, even for a buyer registered in another state.
        var customer = new CustomerDto("9876543210", "27AAACS7319F1ZE", "Sharma Stores", null);

        Assert.Equal(SupplyKind.IntraState, OrderTotals.SupplyKindOf(OrderGen.SellerGstin, customer.PlaceOfSupply));
    }

    [Fact]
    public void SupplyKindOf_PlaceOfSupplyIsSellerState_IsIntraState()
    {
        var customer = new CustomerDto(null, "29AAACR5055K1Z3", "Rao Caterers", "29");

        Assert.Equal(SupplyKind.IntraState, OrderTotals.SupplyKindOf("29AABCH1234K1ZN", customer.PlaceOfSupply));
    }

    [Fact]
    public void SupplyKindOf_PlaceOfSupplyIsAnotherState_IsInterState()
    {
        var customer = new CustomerDto(null, "29AAACR5055K1Z3", "Rao Caterers", "27");

        Assert.Equal(SupplyKind.InterState, OrderTotals.SupplyKindOf("29AABCH1234K1ZN", customer.PlaceOfSupply));
    }

    [Fact]
    public void SupplyKindOf_AnyPlaceOfSupply_InterStateExactlyWhenItDiffersFromSellerState()
    {
        Gen.Select(Gen.OneOfConst(OrderGen.ValidGstins), OrderGen.StateCode).Sample((seller, placeOfSupply) =>
        {
            var kind = OrderTotals.SupplyKindOf(seller, placeOfSupply);

            Assert.Equal(placeOfSupply == seller[..2] ? SupplyKind.IntraState : SupplyKind.InterState, kind);
        });
    }
}

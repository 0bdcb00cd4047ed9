// Proves the promotions rule of docs/pricing.md ("Promotions"): the worked cases of each kind, and over random carts at every
// GST slab with random promotions and cashier's discounts, that a free item and a bill discount keep the bill total equal to
// Σ inclusive line amounts less discounts with tax by rate adding up, and that HQ's check of the claims finds the till's
// own pricing correct, and the e-invoice payload states the bill to the paisa. How: CsCheck properties over Core's
// PromotionPricing, OrderTotals, PromotionClaims and EInvoicePayload.
using CsCheck;
using TillSync.Core.EInvoicing;
using TillSync.Core.Money;
using TillSync.Core.Orders;
using TillSync.Core.Pricing;
using TillSync.Core.Tax;
using TillSync.Core.Tests.EInvoicing;

namespace TillSync.Core.Tests.Pricing;

public sealed class PromotionPricingTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(5.5));
    private static readonly string[] Skus = ["A", "B", "C", "D"];

    [Fact]
    public void ScheduledPrice_TakesTheLowestBelowTheCatalogueAndNotAboveTheMrp()
    {
        Promotion[] promotions =
        [
            Price(1, 8_500, "BISCUIT"), Price(2, 8_000, "BISCUIT"), Price(3, 9_500, "BISCUIT"), Price(4, 7_000, "TEA"),
        ];

        var cart = PromotionPricing.Apply(
            [new PromotionInput("BISCUIT", 2, 9_000, 9_000), new PromotionInput("TEA", 1, 8_000, 6_500), new PromotionInput("BISCUIT", 1, 9_000, Overridden: true)],
            promotions);

        Assert.Equal([(8_000L, (long?)2, 2_000L), (8_000L, null, 0L), (9_000L, null, 0L)],
            cart.Lines.Select(l => (l.UnitPricePaise, l.PromotionId, l.SavingPaise)));
        Assert.Null(cart.BillPromotionId);
    }

    [Fact]
    public void BuyTwoGetOne_OverASet_GivesTheCheapestUnitsFree_AndEveryLineOfTheSetClaimsIt()
    {
        var deal = new Promotion(7, "Any 3 for 2", PromotionKind.BuyGet, Start, Start.AddDays(7), ["SOAP", "SHAMPOO"], BuyQty: 2, GetQty: 1);

        // Five units: one group of three, so one free — the cheapest, a soap; the half kilo of loose goods counts nothing.
        var cart = PromotionPricing.Apply(
            [new PromotionInput("SHAMPOO", 3, 12_000), new PromotionInput("SOAP", 2, 4_500), new PromotionInput("RICE", 0.5m, 6_000)], [deal]);

        Assert.Equal([((long?)7, 0L), (7, 4_500L), (null, 0L)], cart.Lines.Select(l => (l.PromotionId, l.PromotionPaise)));
        // Buy two get two over four units: the two cheapest free.
        Assert.Equal([1_000L, 2_000L, 0L, 0L], PromotionPricing.FreePaise(deal with { GetQty = 2 }, [(1m, 1_000L), (1m, 2_000L), (1m, 9_000L), (1m, 3_000L)]));
    }

    [Fact]
    public void BillValue_TakesTheBiggestItQualifiesFor_CappedAndSpreadOverTheLines()
    {
        Promotion[] promotions =
        [
            Bill(1, 100_000, off: 10_000), Bill(2, 100_000, bp: 1_000, cap: 12_000), Bill(3, 500_000, off: 60_000),
        ];

        // ₹1,450.00: ₹100.00 off, or 10 % = ₹145.00 capped at ₹120.00 — the ₹120.00; the ₹5,000 one does not apply.
        var cart = PromotionPricing.Apply([new PromotionInput("A", 2, 3_000), new PromotionInput("B", 2, 65_000), new PromotionInput("C", 1, 9_000)], promotions);

        Assert.Equal(((long?)2, 12_000L), (cart.BillPromotionId, cart.BillPromotionPaise));
        Assert.Equal([497L, 10_759L, 744L], cart.Lines.Select(l => l.BillSharePaise));
        Assert.Equal(0, Bill(1, 100_000, off: 10_000).BillOffPaise(99_999));
    }

    [Fact]
    public void RandomCartsWithPromotions_TotalIsTheLinesLessDiscounts_TaxIsTheRates_AndHqFindsEveryClaimRight()
    {
        Gen.Select(CartLine.List[1, 12], PromotionLists, Gen.Bool).Sample((cartLines, promotions, intra) =>
        {
            var (promoted, lines) = Priced(cartLines, promotions);
            var order = new Order(Guid.Empty, "T01/2627/000001", Start.AddDays(1), lines, [], new BillTotals(0, 0, 0, 0, 0, 0),
                BillPromotionId: promoted.BillPromotionId, BillPromotionPaise: promoted.BillPromotionPaise);
            var kind = intra ? SupplyKind.IntraState : SupplyKind.InterState;
            var totals = OrderTotals.Compute(lines, kind);

            Assert.Equal(promoted.BillPromotionPaise, promoted.Lines.Sum(l => l.BillSharePaise));
            Assert.All(lines, l => Assert.InRange(l.DiscountPaise, 0, Paise.Round(l.Qty * l.UnitPricePaise)));
            Assert.All(lines.Select((l, i) => OrderRules.CheckLine(l, i + 1)), Assert.Null);
            var linesPaise = lines.Sum(l => l.TaxInclusive ? Paise.Round(l.Qty * l.UnitPricePaise) - l.DiscountPaise : l.Tax(kind).TotalPaise);
            Assert.Equal(linesPaise, totals.TaxablePaise + totals.CgstPaise + totals.SgstPaise + totals.IgstPaise);
            var byRate = lines.GroupBy(l => l.GstRateBp).Select(g => g.Sum(l => l.Tax(kind).CgstPaise + l.Tax(kind).SgstPaise + l.Tax(kind).IgstPaise));
            Assert.Equal(totals.CgstPaise + totals.SgstPaise + totals.IgstPaise, byRate.Sum());
            var check = PromotionClaims.Check(order, id => promotions.FirstOrDefault(p => p.Id == id), id => $"promotion {id}");
            Assert.Empty(check.Problems);
            Assert.Equal(promoted.Lines.Select(l => l.PromotionPaise + l.BillSharePaise), check.PromotionPaiseByLine);
        }, iter: 400);
    }

    [Fact]
    public void RandomCartsWithPromotions_TheEInvoicePayloadStatesTheBillToThePaisa()
    {
        Gen.Select(CartLine.List[1, 12], PromotionLists, Gen.Bool).Sample((cartLines, promotions, intra) =>
        {
            var (_, lines) = Priced(cartLines, promotions);
            var payload = Bills.Payload(intra ? Bills.IntraStateBuyer : Bills.InterStateBuyer,
                [.. lines.Select(l => new EInvoiceLine("Assorted goods", "19053100", l.Qty, "PAC", l.UnitPricePaise, l.DiscountPaise, l.GstRateBp,
                    TaxInclusive: l.TaxInclusive))]);
            var totals = OrderTotals.Compute(lines, intra ? SupplyKind.IntraState : SupplyKind.InterState);

            Assert.Empty(EInvoiceSchema.Violations(payload.ToJson()));
            Assert.Equal(totals.TotalPaise / 100m, payload.Values.TotalInvoiceValue);
            Assert.Equal(totals.TaxablePaise / 100m, payload.Values.AssessableValue);
            Assert.Equal(payload.Items.Sum(i => i.TotalItemValue) + (payload.Values.RoundOff ?? 0), payload.Values.TotalInvoiceValue);
        }, iter: 200);
    }

    // A cart line: SKU, quantity (packed or loose), catalogue price, GST slab, footing, and the cashier's discount in
    // half-percent of what the promotions leave (0 stands for a changed price instead, which takes no line promotion).
    private static readonly Gen<(string, decimal, long, int, bool, int)> CartLine = Gen.Select(Gen.OneOfConst(Skus),
        Gen.OneOf(Gen.Int[1, 9].Select(n => (decimal)n), Gen.Int[1, 9_999].Select(m => m / 1000m)),
        Gen.Long[100, 500_000], Gen.OneOfConst(0, 25, 300, 500, 1200, 1800, 2800, 4000), Gen.Bool, Gen.Int[0, 100]);

    // The cart priced as the till prices it: promotions first, then the cashier's discount on what they leave.
    private static (PromotedCart Promoted, List<OrderLine> Lines) Priced(
        IReadOnlyList<(string Sku, decimal Qty, long PricePaise, int RateBp, bool Inclusive, int DiscountHalfPercent)> cart,
        IReadOnlyList<Promotion> promotions)
    {
        var promoted = PromotionPricing.Apply([.. cart.Select(l => new PromotionInput(l.Sku, l.Qty, l.PricePaise, null, l.DiscountHalfPercent == 0))],
            promotions);
        var lines = cart.Select((l, i) =>
        {
            var p = promoted.Lines[i];
            var promotionPaise = p.PromotionPaise + p.BillSharePaise;
            var manualPaise = (Paise.Round(l.Qty * p.UnitPricePaise) - promotionPaise) * l.DiscountHalfPercent / 200;
            return new OrderLine(l.Sku, l.Qty, p.UnitPricePaise, promotionPaise + manualPaise, l.RateBp, l.Inclusive, null, p.PromotionId, p.PromotionPaise);
        }).ToList();
        return (promoted, lines);
    }

    [Fact]
    public void Claims_NotInForceOrWrongAmount_AreNamed()
    {
        var deal = new Promotion(5, "Soap 2 + 1", PromotionKind.BuyGet, Start, Start.AddDays(7), ["SOAP"], BuyQty: 2, GetQty: 1);
        OrderLine[] lines = [new("SOAP", 3, 4_500, 9_000, 1800, PromotionId: 5, PromotionPaise: 9_000), new("TEA", 1, 8_000, 0, 500, PromotionId: 6)];
        var order = new Order(Guid.Empty, "T01/2627/000001", Start.AddDays(1), lines, [], new BillTotals(0, 0, 0, 0, 0, 0), BillPromotionId: 8,
            BillPromotionPaise: 100);

        var check = PromotionClaims.Check(order, id => id == 5 ? deal : null, id => $"promotion {id}");

        Assert.Equal(
        [
            "line 1 (SOAP) took ₹90.00 off under promotion 5, which gives ₹45.00",
            "line 2 (TEA) claimed promotion 6, which was not in force for it",
            "the bill claimed promotion 8, which was not in force for it",
        ], check.Problems);
        Assert.Equal([0L, 0L], check.PromotionPaiseByLine);
    }

    // Up to six promotions over the four SKUs, of every kind, every one in force.
    private static Gen<Promotion> Promotions { get; } = Gen.Int[1, 1_000].SelectMany(id => Gen.Int[1, 3].SelectMany(kind => kind switch
    {
        1 => Gen.Select(Gen.OneOfConst(Skus), Gen.Long[1, 500_000]).Select((sku, price) => Price(id, price, sku)),
        2 => Gen.Select(Gen.OneOfConst(Skus), Gen.Int[1, 4], Gen.Int[1, 3])
            .Select((sku, buy, get) => new Promotion(id, "b", PromotionKind.BuyGet, Start, Start.AddDays(7), [sku], BuyQty: buy, GetQty: get)),
        _ => Gen.Select(Gen.Long[1, 2_000_000], Gen.Bool, Gen.Int[1, 10_000], Gen.OneOf(Gen.Const((long?)null), Gen.Long[1, 100_000].Select(c => (long?)c)))
            .Select((threshold, amount, bp, cap) => amount ? Bill(id, threshold, off: Math.Max(1, threshold / 10)) : Bill(id, threshold, bp: bp, cap: cap)),
    }));

    // Distinct ids, as HQ gives them.
    private static Gen<List<Promotion>> PromotionLists { get; } = Promotions.List[0, 6].Select(ps => ps.Select((p, i) => p with { Id = i + 1 }).ToList());

    private static Promotion Price(long id, long pricePaise, string sku) =>
        new(id, "p", PromotionKind.ScheduledPrice, Start, Start.AddDays(7), [sku], PricePaise: pricePaise);

    private static Promotion Bill(long id, long thresholdPaise, long off = 0, int bp = 0, long? cap = null) =>
        new(id, "bill", PromotionKind.BillValue, Start, Start.AddDays(7), [], ThresholdPaise: thresholdPaise, OffPaise: off, OffBp: bp, CapPaise: cap);
}

// Proves the demo's catalogue is priced as a shop prices: inclusive of GST, so the ₹90 pack of biscuits bills ₹90.00, and
// every product passes HQ's catalogue rules (none above its MRP, none selling below its cost before tax).
// How: the catalogue the demo upserts, priced with Core's arithmetic and checked with HQ's ProductRules.
using TillSync.Cli.Demo;
using TillSync.Core.Orders;
using TillSync.Core.Tax;
using TillSync.Hq.Catalog;

namespace TillSync.Cli.Tests.Demo;

public sealed class DemoCatalogTests
{
    [Fact]
    public void Biscuits_NinetyRupeePack_BillsNinety()
    {
        var biscuits = DemoCatalog.Products.Single(p => p.Sku == "BISCUIT-PARLEG-800G");
        var line = new OrderLine(biscuits.Sku, 1, biscuits.PricePaise, 0, biscuits.GstRateBp, biscuits.TaxInclusive == true, biscuits.MrpPaise);

        Assert.Equal((9_000L, (long?)9_000), (biscuits.PricePaise, biscuits.MrpPaise));
        Assert.Equal(new BillTotals(8_572, 214, 214, 0, 0, 9_000), OrderTotals.Compute([line], SupplyKind.IntraState));
        Assert.Null(OrderRules.CheckMrp(line, 1));
    }

    [Fact]
    public void Catalogue_EveryProduct_InclusivePassesHqsRulesAndSellsAboveCost()
    {
        Assert.Null(ProductRules.Problem(DemoCatalog.Products));
        Assert.All(DemoCatalog.Products, p =>
        {
            Assert.True(p.TaxInclusive == true, p.Sku);
            var taxablePaise = GstCalculator.ForLine(1, p.PricePaise, 0, p.GstRateBp, SupplyKind.IntraState, taxInclusive: true).TaxablePaise;
            Assert.True(taxablePaise > p.CostPaise, $"{p.Sku}: taxable {taxablePaise} paise is not above its cost {p.CostPaise}");
        });
    }
}

// Proves the till bills a pack priced inclusive of GST at the shelf price, prints its MRP and the savings, refunds it pro
// rata on a return (docs/returns.md), and refuses, before any payment, a line whose price is above the MRP, saving nothing.
// LocalTill: a real till.db, the real recorders and Core's arithmetic, an HQ that never answers.
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Core.Returns;
using TillSync.Core.Tax;
using TillSync.Testing;
using TillSync.Till.Returns;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;
using TillSync.Till.Tests.Returns;

namespace TillSync.Till.Tests.Sales;

public sealed class InclusivePriceTests
{
    [Fact]
    public async Task Sell_TwoNinetyRupeePacks_BillsOneEightyWithMrpAndTaxBreakup()
    {
        await using var till = await LocalTill.CreateAsync();

        var receipt = await till.SellAsync(new SaleRequest([new CartLine(HqScenario.InclusivePack, 2)], [new Tender(PaymentMethods.Cash, 18_000)]));

        var line = Assert.Single(receipt.Lines);
        // ₹180 × 5/105 = ₹8.5714: each half ₹4.29, taxable the ₹171.42 left.
        Assert.Equal((9_000L, 17_142L, 429L, 429L, 18_000L, (long?)9_000, true, 0L),
            (line.UnitPricePaise, line.TaxablePaise, line.CgstPaise, line.SgstPaise, line.TotalPaise, line.MrpPaise, line.TaxInclusive, line.SavingsPaise));
        Assert.Equal(new OrderTotalsDto(17_142, 429, 429, 0, 0, 18_000), receipt.Totals);
        var byRate = Assert.Single(receipt.GstSummary);
        Assert.Equal((500, 17_142L, 429L, 429L), (byRate.GstRateBp, byRate.TaxablePaise, byRate.CgstPaise, byRate.SgstPaise));
        var sent = (await till.Outbox.NextBatchAsync(CancellationToken.None)).Single(d => d.TillSeq == receipt.TillSeq);
        Assert.Contains("\"taxInclusive\":true", sent.Json, StringComparison.Ordinal);
        Assert.Contains("\"mrpPaise\":9000", sent.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sell_DiscountedPack_PrintsTheSavingsAgainstTheMrp()
    {
        await using var till = await LocalTill.CreateAsync();

        var receipt = await till.SellAsync(new SaleRequest(
            [new CartLine(HqScenario.InclusivePack, 3, DiscountPaise: 1_000)], [new Tender(PaymentMethods.Cash, 26_000)]));

        var line = Assert.Single(receipt.Lines);
        Assert.Equal((26_000L, 1_000L), (line.TotalPaise, line.SavingsPaise));
        Assert.Equal(26_000, receipt.Totals.TotalPaise);
    }

    [Fact]
    public async Task Sell_PriceAboveTheMrp_IsRefusedWithTheFiguresAndSavesNothing()
    {
        await using var till = await LocalTill.CreateAsync();
        var snapshot = LocalTill.Snapshot(1, till.Time.GetUtcNow());
        // A snapshot whose price is above the MRP (HQ refuses such a catalogue, but the till does not rely on it).
        await till.Snapshots.SaveAsync(snapshot with
        {
            Products = [.. snapshot.Products.Select(p => p.Sku == HqScenario.InclusivePack ? p with { PricePaise = 9_500 } : p)],
        }, CancellationToken.None);
        var before = await till.Outbox.CountAsync(CancellationToken.None);

        var (receipt, problem) = await till.Recorder.RecordAsync(
            new SaleRequest([new CartLine("RICE-5KG", 1), new CartLine(HqScenario.InclusivePack, 1)], [new Tender(PaymentMethods.Cash, 43_625)]),
            CancellationToken.None);

        Assert.Null(receipt);
        Assert.Equal("Line 2 (Biscuits 800 g): price ₹95.00 with tax is above the MRP ₹90.00; nothing may be sold above its MRP.", problem);
        Assert.Equal(before, await till.Outbox.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Return_OneOfThreeInclusivePacks_RefundsItsShareOfTheShelfAmount()
    {
        await using var till = await LocalTill.CreateAsync();
        var sale = await till.SellAsync(new SaleRequest([new CartLine(HqScenario.InclusivePack, 3)], [new Tender(PaymentMethods.Cash, 27_000)]));

        var note = await ReturnRecorderTests.RecordAsync(till,
            ReturnRecorderTests.Return(new OriginalReference(SaleId: sale.ClientOrderId), [new ReturnLineRequest(1, 1, ReturnConditions.Restock)]));

        // The line sold for ₹270.00 (taxable ₹257.14, CGST = SGST ₹6.43); a third of each, rounded toward zero.
        var expected = ReturnMath.ForLine(3, 9_000, 0, 500, 1, SupplyKind.IntraState, taxInclusive: true);
        Assert.Equal(new LineTax(8_571, 8_571, 214, 214, 0), expected);
        Assert.Equal(BillTotals.Of([expected]).TotalPaise, note.Refund.Totals.TotalPaise);
        Assert.Equal(9_000, note.Refund.Totals.TotalPaise);
    }
}

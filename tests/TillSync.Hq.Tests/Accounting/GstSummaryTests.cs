// Proves the GST summary a GSTR-1 filer reads: taxable value and CGST/SGST/IGST by B2B/B2C, intra/inter-state and
// rate equal the sums over the committed bills' lines, rejected orders count nowhere, and the period is the bill's
// date in India Standard Time.
using TillSync.Contracts.Accounting;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Core.Tax;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Accounting;

public sealed class GstSummaryTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task GstSummary_EqualsTheCommittedLinesByClassAndRate()
    {
        var till = await fixture.EnrolTillAsync();
        var orders = till.Orders.NextBatch(60);
        Assert.All((await till.SyncAsync(orders)).Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        var rejected = OrderFactory.WithLines(till.Orders.Next(), [new OrderLineDto("NO-SUCH-SKU", 1, 10_000, 0, 1_800)]);
        Assert.Equal(SyncStatus.Rejected, (await till.SyncOneAsync(rejected)).Status);

        var today = OrderFactory.Now().ToString("yyyy-MM-dd");
        var summary = await new LedgerClient(fixture.Hq).GstSummaryAsync(today, today);

        var expected = orders
            .SelectMany(o => o.Lines.Select(l => (Order: o, Line: l, Kind: OrderTotals.SupplyKindOf(HqScenario.StoreGstin, o.Customer?.PlaceOfSupply))))
            .GroupBy(x => (Supply: x.Order.Customer?.Gstin is null ? "B2C" : "B2B", InterState: x.Kind == SupplyKind.InterState, x.Line.GstRateBp))
            .Select(g =>
            {
                var taxes = g.Select(x => GstCalculator.ForLine(x.Line.Qty, x.Line.UnitPricePaise, x.Line.DiscountPaise, x.Line.GstRateBp, x.Kind, x.Line.TaxInclusive)).ToList();
                return new GstSummaryRow(g.Key.Supply, g.Key.InterState, g.Key.GstRateBp, g.Select(x => x.Order.ClientOrderId).Distinct().Count(),
                    taxes.Sum(t => t.TaxablePaise), taxes.Sum(t => t.CgstPaise), taxes.Sum(t => t.SgstPaise), taxes.Sum(t => t.IgstPaise));
            })
            .OrderBy(r => r.Supply, StringComparer.Ordinal).ThenBy(r => r.InterState).ThenBy(r => r.GstRateBp)
            .ToList();
        Assert.Equal(expected, summary.Rows);
        Assert.Contains(summary.Rows, r => r.Supply == "B2B" && r.InterState == true);
        Assert.Contains(summary.Rows, r => r.Supply == "B2C" && r.InterState == false);
        Assert.Equal(orders.Count, summary.Totals.Invoices);
        Assert.Equal(orders.Sum(o => o.Totals.TaxablePaise), summary.Totals.TaxablePaise);
        Assert.Equal(orders.Sum(o => o.Totals.IgstPaise), summary.Totals.IgstPaise);
        Assert.Equal(orders.Sum(o => o.Totals.CgstPaise), summary.Totals.CgstPaise);
    }

    [Fact]
    public async Task GstSummary_Period_IsTheBillDateInIst()
    {
        var till = await fixture.EnrolTillAsync();
        // 00:10 IST is still the day before in UTC: the bill belongs to its IST day.
        var day = DateOnly.FromDateTime(OrderFactory.Now().AddDays(-20).DateTime);
        var justAfterMidnightIst = new DateTimeOffset(day.ToDateTime(new TimeOnly(0, 10)), BillNumber.IstOffset);
        var order = till.Orders.Build(till.Orders.NextSeq++, [OrderFactory.Line("SOAP-125G", 2)], createdAt: justAfterMidnightIst);
        Assert.Equal(SyncStatus.Created, (await till.SyncOneAsync(order)).Status);
        var ledger = new LedgerClient(fixture.Hq);

        var thatDay = await ledger.GstSummaryAsync($"{day:yyyy-MM-dd}", $"{day:yyyy-MM-dd}");
        var dayBefore = await ledger.GstSummaryAsync($"{day.AddDays(-1):yyyy-MM-dd}", $"{day.AddDays(-1):yyyy-MM-dd}");

        Assert.Equal(1, thatDay.Totals.Invoices);
        Assert.Equal(order.Totals.TaxablePaise, thatDay.Totals.TaxablePaise);
        Assert.Equal(0, dayBefore.Totals.Invoices);
        Assert.Empty(dayBefore.Rows);
    }
}

// Proves HQ reports how each promotion did (issue 21's leftover): a sale with buy-2-get-1 (a free soap) and ₹100 off ₹1,000
// counts under both, once however often its batch is resent, and a rejected sale under neither; its returns in two steps
// count the saving that came back with the goods and what ADR 0023 took back, until the whole bill returned leaves nothing;
// a return that reached HQ before its sale counts when the sale arrives; by store and by day with a date filter; a
// scheduled price saves the catalogue price its till knew; bad dates and an unknown promotion are problems. How: a real
// HQ process and HTTP on SQLite or PostgreSQL (TILLSYNC_TEST_STORE), documents synced as a till sends them, figures worked
// by hand in the comments.
using System.Globalization;
using System.Net;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Pricing;
using TillSync.Contracts.Sync;
using TillSync.Core.EInvoicing;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Promotions;

public sealed class PromotionReportTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task PromotedSale_CountsOnceUnderEachPromotion_ItsReturnsTakeBack_UntilTheWholeBillLeavesNothing()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var soapDeal = await fixture.Manager.CreatePromotionAsync(PromotionCalls.BuyGet("Soap 2 + 1", 2, 1, "SOAP-125G"));
        var billDeal = await fixture.Manager.CreatePromotionAsync(PromotionCalls.BillValue("₹100 off ₹1,000", 100_000, offPaise: 10_000));
        var version = (await till.SnapshotAsync()).PricingVersion;
        // Soap 3 × ₹45.00 (18 %, before GST) with one free, ghee 2 × ₹650.00 (12 %): ₹1,390.00 at promotional prices reaches
        // ₹1,000, so ₹100.00 off, spread ₹6.48 and ₹93.52 (as PromotionReturnAccountingTests' bill, here to a walk-in).
        OrderLineDto[] lines =
        [
            OrderFactory.Line("SOAP-125G", 3, 4_500 + 648) with { PromotionId = soapDeal.Id, PromotionPaise = 4_500 },
            OrderFactory.Line("GHEE-1L", 2, 9_352),
        ];
        var sale = till.Orders.NextWalkIn(lines) with { BillPromotion = new BillPromotionDto(billDeal.Id, 10_000), PricingVersion = version };
        var wrong = till.Orders.NextWalkIn(lines) with
        {
            BillPromotion = new BillPromotionDto(billDeal.Id, 10_000), PricingVersion = version, Totals = sale.Totals with { TotalPaise = sale.Totals.TotalPaise + 100 },
        };
        TillDocumentDto[] sales = [TillClient.SaleDocument(sale), TillClient.SaleDocument(wrong)];

        var first = await till.SyncDocumentsAsync(sales);
        var resent = await till.SyncDocumentsAsync(sales);

        Assert.Equal([(SyncStatus.Created, ""), (SyncStatus.Rejected, "")], first.Results.Select(r => (r.Status, string.Join(',', r.Flags))));
        // The resend is answered from the ledger: the same answers, replayed.
        Assert.Equal([(SyncStatus.Duplicate, true), (SyncStatus.Rejected, true)], resent.Results.Select(r => (r.Status, r.Replayed)));
        // The free soap: ₹45.00 + 18 % GST = ₹53.10 less paid (15,166 − 9,856 paise). The bill's ₹100.00: ₹6.48 and ₹93.52
        // with their GST, ₹7.64 + ₹104.74. Sales: the lines' totals, ₹98.56 and ₹1,351.26; before GST ₹83.52 and ₹1,206.48.
        var soapSold = new PromotionFigures(1, 1, 3, 1, 5_310, 0, 0, 0, 0, 5_310, 9_856, 8_352);
        Assert.Equal(soapSold, (await fixture.Manager.PromotionReportAsync(soapDeal.Id)).Total);
        Assert.Equal(new PromotionFigures(1, 2, 5, 0, 11_238, 0, 0, 0, 0, 11_238, 144_982, 129_000),
            (await fixture.Manager.PromotionReportAsync(billDeal.Id)).Total);

        // A ghee back leaves ₹740.00 of goods, below ₹1,000: the ₹60.00 the kept goods lose is taken back (ADR 0023), all of
        // it from the bill's promotion (the soaps kept still earn their free one). The ghee's half of its ₹104.74 came back
        // with it; the kept goods keep 1 paisa of rounding. The credit note refunded ₹615.62 (₹549.66 before GST).
        var returns = new ReturnFactory(till.Orders, till.BillPrefix);
        var ghee = returns.Next(sale, till.TillId, [(2, 1m, ReturnConditions.Restock)], takeBackPaise: [6_000]);
        Assert.All((await till.SyncDocumentsAsync([ghee])).Results, r => Assert.Equal((SyncStatus.Created, ""), (r.Status, string.Join(',', r.Flags))));
        Assert.All((await till.SyncDocumentsAsync([ghee])).Results, r => Assert.Equal((SyncStatus.Duplicate, true), (r.Status, r.Replayed)));
        var afterGhee = await fixture.Manager.PromotionReportAsync(billDeal.Id);
        Assert.Equal(new PromotionFigures(1, 2, 5, 0, 11_238, 1, 1, 5_237, 6_000, 1, 83_420, 74_034), afterGhee.Total);
        Assert.Equal(soapSold, (await fixture.Manager.PromotionReportAsync(soapDeal.Id)).Total);

        // The rest comes back, giving back the ₹60.02 held back: each promotion's net saving, sales and revenue end at 0.
        var rest = returns.Next(sale, till.TillId, [(1, 3m, ReturnConditions.Restock), (2, 1m, ReturnConditions.Restock)], takeBackPaise: [0, -6_002]);
        Assert.All((await till.SyncDocumentsAsync([rest])).Results, r => Assert.Equal((SyncStatus.Created, ""), (r.Status, string.Join(',', r.Flags))));
        var bill = await fixture.Manager.PromotionReportAsync(billDeal.Id);
        var soap = await fixture.Manager.PromotionReportAsync(soapDeal.Id);
        Assert.Equal(new PromotionFigures(1, 2, 5, 0, 11_238, 2, 5, 11_240, -2, 0, 0, 0), bill.Total);
        Assert.Equal(new PromotionFigures(1, 1, 3, 1, 5_310, 1, 3, 5_310, 0, 0, 0, 0), soap.Total);

        // One store; a sale counts on its day and each return on its own.
        Assert.Equal([(till.Enrolment.StoreId, bill.Total)], bill.Stores.Select(s => (s.StoreId, s.Figures)));
        Assert.Equal(new[] { sale.CreatedAt, ghee.Return!.CreatedAt, rest.Return!.CreatedAt }.Select(Day).Distinct().Order(StringComparer.Ordinal),
            bill.Days.Select(d => d.Date));
        Assert.Equal(bill.Total.Bills, bill.Days.Sum(d => d.Figures.Bills));
        Assert.Equal(bill.Total.TakenBackPaise, bill.Days.Sum(d => d.Figures.TakenBackPaise));
        Assert.Equal((billDeal.Id, (string?)null, (string?)null), (bill.Promotion.Id, bill.From, bill.To));
    }

    [Fact]
    public async Task AReturnBeforeItsSale_CountsWhenTheSaleArrives_ByStoreAndByDay()
    {
        var sellingTill = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var returningTill = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var otherStore = await HqScenario.EnrolTillInAnotherStoreAsync(fixture.Hq, SyncVersion.V2);
        var deal = await fixture.Manager.CreatePromotionAsync(
            PromotionCalls.BuyGet("Soap 2 + 1, all stores", 2, 1, "SOAP-125G") with { ValidFrom = DateTimeOffset.UtcNow.AddDays(-3) });
        var version = (await sellingTill.SnapshotAsync()).PricingVersion;
        // Three soaps, one free: ₹53.10 saved (with GST), ₹106.20 paid, ₹90.00 before GST.
        OrderLineDto[] soaps = [OrderFactory.Line("SOAP-125G", 3, 4_500) with { PromotionId = deal.Id, PromotionPaise = 4_500 }];
        var sale = sellingTill.Orders.NextWalkIn(soaps) with { PricingVersion = version };
        // One back at another counter: the two kept cost what was paid without the offer, so nothing is refunded and its
        // ₹35.40 pro rata is taken back (docs/returns.md, "Promotions"); a third of the ₹53.10 came back with the soap.
        var returned = new ReturnFactory(returningTill.Orders, returningTill.BillPrefix)
            .Next(sale, sellingTill.TillId, [(1, 1m, ReturnConditions.Restock)], takeBackPaise: [3_540]);
        // Two days ago, in the other store, the same three soaps.
        var earlier = otherStore.Orders.Build(otherStore.Orders.NextSeq++, soaps, createdAt: OrderFactory.Now().AddDays(-2)) with { PricingVersion = version };

        Assert.Equal(SyncStatus.Created, Assert.Single((await returningTill.SyncDocumentsAsync([returned])).Results).Status);
        var beforeTheSale = await fixture.Manager.PromotionReportAsync(deal.Id);
        await sellingTill.SyncDocumentsAsync([TillClient.SaleDocument(sale)]);
        await otherStore.SyncDocumentsAsync([TillClient.SaleDocument(earlier)]);
        var report = await fixture.Manager.PromotionReportAsync(deal.Id);

        Assert.Equal((0L, 0L), (beforeTheSale.Total.Bills, beforeTheSale.Total.CreditNotes));
        Assert.Empty(beforeTheSale.Days);
        var here = new PromotionFigures(1, 1, 3, 1, 5_310, 1, 1, 1_770, 3_540, 0, 10_620, 9_000);
        var there = new PromotionFigures(1, 1, 3, 1, 5_310, 0, 0, 0, 0, 5_310, 10_620, 9_000);
        Assert.Equal([(sellingTill.Enrolment.StoreId, here), (otherStore.Enrolment.StoreId, there)], report.Stores.Select(s => (s.StoreId, s.Figures)));
        Assert.Equal(new PromotionFigures(2, 2, 6, 2, 10_620, 1, 1, 1_770, 3_540, 5_310, 21_240, 18_000), report.Total);
        Assert.Equal(new[] { earlier.CreatedAt, sale.CreatedAt, returned.Return!.CreatedAt }.Select(Day).Distinct(), report.Days.Select(d => d.Date));

        var (from, to) = (Day(sale.CreatedAt.AddDays(-1)), Day(returned.Return.CreatedAt));
        var lastTwoDays = await fixture.Manager.PromotionReportAsync(deal.Id, $"from={from}&to={to}");
        Assert.Equal((from, to), (lastTwoDays.From, lastTwoDays.To));
        Assert.Equal([sellingTill.Enrolment.StoreId], lastTwoDays.Stores.Select(s => s.StoreId));
        Assert.Equal(here, lastTwoDays.Total);
    }

    [Fact]
    public async Task ScheduledPrice_SavesFromTheCataloguePriceItsTillKnew()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var deal = await fixture.Manager.CreatePromotionAsync(PromotionCalls.ScheduledPrice("Biscuits ₹80", 8_000, HqScenario.InclusivePack));
        var version = (await till.SnapshotAsync()).PricingVersion;
        // The shelf price goes up to ₹85.00 at HQ while the till still prices from ₹90.00: its sale saved ₹10.00 a pack.
        await fixture.Manager.UpsertProductsAsync([HqScenario.Product(HqScenario.InclusivePack) with { PricePaise = 8_500 }]);
        OrderLineDto[] biscuits = [OrderFactory.Line(HqScenario.InclusivePack, 2) with { UnitPricePaise = 8_000, PromotionId = deal.Id }];
        var sale = till.Orders.NextWalkIn(biscuits) with { PricingVersion = version };

        var result = Assert.Single((await till.SyncDocumentsAsync([TillClient.SaleDocument(sale)])).Results);

        Assert.Equal((SyncStatus.Created, ""), (result.Status, string.Join(',', result.Flags)));

        // ₹160.00 paid, GST included at 5 %: ₹3.81 + ₹3.81 out of it, ₹152.38 before GST.
        Assert.Equal(new PromotionFigures(1, 1, 2, 0, 2_000, 0, 0, 0, 0, 2_000, 16_000, 15_238), (await fixture.Manager.PromotionReportAsync(deal.Id)).Total);
    }

    [Theory]
    [InlineData("from=2026-13-01", "from and to are dates written yyyy-MM-dd, e.g. 2026-11-28.")]
    [InlineData("to=5-12-2026", "from and to are dates written yyyy-MM-dd, e.g. 2026-11-28.")]
    [InlineData("from=2026-12-05&to=2026-12-01", "from (2026-12-05) is after to (2026-12-01).")]
    public async Task BadDates_AreA400Problem(string query, string detail)
    {
        var deal = await fixture.Manager.CreatePromotionAsync(PromotionCalls.BillValue("₹50 off ₹500", 50_000, offPaise: 5_000));

        using var response = await fixture.Manager.PromotionReportRawAsync(deal.Id, query);

        Assert.Equal(detail, await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, fixture.Hq));
    }

    [Fact]
    public async Task NoSuchPromotion_IsA404Problem()
    {
        using var response = await fixture.Manager.PromotionReportRawAsync(999_999);

        Assert.Equal("There is no promotion 999999.", await Responses.ExpectProblemAsync(response, HttpStatusCode.NotFound, fixture.Hq));
    }

    private static string Day(DateTimeOffset at) => DocumentDates.Of(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

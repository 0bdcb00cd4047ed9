// Proves HQ recomputes each promotion a sale claims (issue 21 item 5): in force for the sale's store and time under what its
// till knew, and giving exactly what the sale took off by it — then the sale commits quietly; a promotion not in force,
// unknown, or claimed for a wrong amount commits (the money moved) with one price_deviation item naming the promotion.
// Real HQ process and HTTP, on SQLite or PostgreSQL (TILLSYNC_TEST_STORE); the sales are built as a till prices them.
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Pricing;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Promotions;

public sealed class PromotionJudgementTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private static readonly ProductDto Cola = HqScenario.Product("COLA-750ML");
    private static readonly ProductDto Soap = HqScenario.Product("SOAP-125G");
    private static readonly ProductDto Ghee = HqScenario.Product("GHEE-1L");

    [Fact]
    public async Task AllThreeKindsInForce_CommitQuietly_AtThePricesTheTillBilled()
    {
        var (cashierId, till, version) = await SetUpAsync();
        var colaDeal = await fixture.Manager.CreatePromotionAsync(PromotionCalls.ScheduledPrice("Cola ₹30", 3_000, Cola.Sku));
        var soapDeal = await fixture.Manager.CreatePromotionAsync(PromotionCalls.BuyGet("Soap 2 + 1", 2, 1, Soap.Sku));
        var billDeal = await fixture.Manager.CreatePromotionAsync(PromotionCalls.BillValue("₹100 off ₹1,000", 100_000, offPaise: 10_000));
        version = (await till.SnapshotAsync()).PricingVersion;
        // Cola 2 × ₹30.00 = ₹60.00; soap 3 × ₹45.00 with one free = ₹90.00; ghee 2 × ₹650.00 = ₹1,300.00: a ₹1,450.00 bill,
        // ₹100.00 off it spread as ₹4.14, ₹6.21 and ₹89.65 (₹4.13…, ₹6.20…, ₹89.65…, the spare paise to the first lines).
        OrderLineDto[] lines =
        [
            Promoted(Cola, 2, 3_000, 414, colaDeal.Id, 0),
            Promoted(Soap, 3, 4_500, 4_500 + 621, soapDeal.Id, 4_500),
            HqScenario.LineOf(Ghee, 2, 8_965),
        ];
        var sale = till.PricedSale(lines, cashierId, version) with { BillPromotion = new BillPromotionDto(billDeal.Id, 10_000) };

        var result = Assert.Single((await till.SyncAsync([sale])).Results);

        Assert.Equal((SyncStatus.Created, ""), (result.Status, string.Join(',', result.Flags)));
        Assert.Empty((await fixture.Manager.ListReviewsAsync($"kind={ReviewKinds.PriceDeviation}&tillId={till.TillId}")).Items);
        var order = await fixture.Manager.GetOrderAsync(sale.ClientOrderId);
        Assert.Equal(sale.Totals, order.Order.Totals);
    }

    [Fact]
    public async Task BeforeItStarted_Unknown_OrAWrongAmount_CommitsWithAPriceDeviationNamingThePromotion()
    {
        var (cashierId, till, _) = await SetUpAsync();
        var colaDeal = await fixture.Manager.CreatePromotionAsync(PromotionCalls.ScheduledPrice("Cola ₹30", 3_000, Cola.Sku));
        var billDeal = await fixture.Manager.CreatePromotionAsync(PromotionCalls.BillValue("5 % off ₹1,000", 100_000, offBp: 500, capPaise: 5_000));
        var version = (await till.SnapshotAsync()).PricingVersion;

        // Two hours ago the cola deal had not started (it runs from an hour ago).
        var early = till.PricedSale([Promoted(Cola, 1, 3_000, 0, colaDeal.Id, 0)], cashierId, version, createdAt: OrderFactory.Now().AddHours(-2));
        var unknown = till.PricedSale([Promoted(Cola, 1, 3_000, 0, 999_999, 0)], cashierId, version);
        // 5 % of ₹1,300.00 is ₹65.00, capped at ₹50.00: the till took ₹65.00.
        var wrong = till.PricedSale([HqScenario.LineOf(Ghee, 2, 6_500)], cashierId, version) with { BillPromotion = new BillPromotionDto(billDeal.Id, 6_500) };
        var right = till.PricedSale([HqScenario.LineOf(Ghee, 2, 5_000)], cashierId, version) with { BillPromotion = new BillPromotionDto(billDeal.Id, 5_000) };
        var results = await till.SyncAsync([early, unknown, wrong, right]);

        Assert.Equal(
            [(SyncStatus.Created, OrderFlags.PriceDeviation), (SyncStatus.Created, OrderFlags.PriceDeviation), (SyncStatus.Created, OrderFlags.PriceDeviation),
                (SyncStatus.Created, "")],
            results.Results.Select(r => (r.Status, string.Join(',', r.Flags))));
        var details = (await fixture.Manager.ListReviewsAsync($"kind={ReviewKinds.PriceDeviation}&tillId={till.TillId}&order=oldest")).Items
            .Select(i => i.Detail).ToList();
        Assert.Equal(3, details.Count);
        Assert.StartsWith($"Bill {early.BillNo}: line 1 (COLA-750ML) claimed promotion {colaDeal.Id} (Cola ₹30), which was not in force for it. ", details[0],
            StringComparison.Ordinal);
        Assert.StartsWith($"Bill {unknown.BillNo}: line 1 (COLA-750ML) claimed promotion 999999 (unknown to HQ), which was not in force for it. ", details[1],
            StringComparison.Ordinal);
        Assert.Equal($"Bill {wrong.BillNo}: the bill took ₹65.00 off under promotion {billDeal.Id} (5 % off ₹1,000), which gives ₹50.00.", details[2]);
    }

    [Fact]
    public async Task EndedWhileTheTillWasOffline_ItsSalesUnderItCommitQuietly_ATillThatKnewOfTheEndDoesNot()
    {
        var (cashierId, till, _) = await SetUpAsync();
        var colaDeal = await fixture.Manager.CreatePromotionAsync(PromotionCalls.ScheduledPrice("Cola ₹30", 3_000, Cola.Sku));
        var offline = (await till.SnapshotAsync()).PricingVersion;
        await fixture.Manager.EndPromotionAsync(colaDeal.Id);
        var online = (await till.SnapshotAsync()).PricingVersion;

        // Both sold after the end (a sale time is kept to the second): one from a snapshot before it, one after.
        var fromOffline = till.PricedSale([Promoted(Cola, 1, 3_000, 0, colaDeal.Id, 0)], cashierId, offline, createdAt: OrderFactory.Now().AddSeconds(2));
        var fromOnline = till.PricedSale([Promoted(Cola, 1, 3_000, 0, colaDeal.Id, 0)], cashierId, online, createdAt: OrderFactory.Now().AddSeconds(2));
        var results = await till.SyncAsync([fromOffline, fromOnline]);

        Assert.Equal(["", OrderFlags.PriceDeviation], results.Results.Select(r => string.Join(',', r.Flags)));
        var item = Assert.Single((await fixture.Manager.ListReviewsAsync($"kind={ReviewKinds.PriceDeviation}&tillId={till.TillId}")).Items);
        Assert.Contains($"claimed promotion {colaDeal.Id} (Cola ₹30), which was not in force for it", item.Detail, StringComparison.Ordinal);
    }

    private async Task<(long CashierId, TillClient Till, long? Version)> SetUpAsync()
    {
        await fixture.Manager.PutRoleLimitsAsync(PricingCalls.Defaults);
        var cashier = await fixture.Manager.SeededAsync(SeededStaff.Cashier);
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        return (cashier.StaffId, till, (await till.SnapshotAsync()).PricingVersion);
    }

    private static OrderLineDto Promoted(ProductDto product, decimal qty, long unitPricePaise, long discountPaise, long promotionId, long promotionPaise) =>
        HqScenario.LineOf(product, qty, discountPaise) with { UnitPricePaise = unitPricePaise, PromotionId = promotionId, PromotionPaise = promotionPaise };
}

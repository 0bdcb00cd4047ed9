// Proves promotions at the till (issue 21 item 5): a scheduled price, buy-N-get-M and a bill-value discount from HQ reach the
// till's snapshot, price a sale offline by the till's clock, show on the quote and the receipt with their savings, and the
// sale syncs to HQ quietly at the same totals. TillScenario: a real HQ process behind a fault proxy, the real till in
// process over its local HTTP API.
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Pricing;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using TillSync.Till.Receipts;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Sales;

public sealed class PromotionSaleTests
{
    private static readonly CartLine[] Cart = [new(HqScenario.InclusivePack, 2), new("SOAP-125G", 3), new("GHEE-1L", 2)];

    [Fact]
    public async Task Offline_AllThreeKindsPriceTheSale_TheReceiptShowsThem_AndHqCommitsItQuietly()
    {
        await using var shop = await TillScenario.StartAsync();
        var biscuits = await shop.Manager.CreatePromotionAsync(PromotionCalls.ScheduledPrice("Biscuits ₹80", 8_000, HqScenario.InclusivePack));
        var soap = await shop.Manager.CreatePromotionAsync(PromotionCalls.BuyGet("Soap 2 + 1", 2, 1, "SOAP-125G"));
        var bill = await shop.Manager.CreatePromotionAsync(PromotionCalls.BillValue("₹100 off ₹1,000", 100_000, offPaise: 10_000));
        await using var till = await shop.StartInProcessTillAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        await till.Api.WaitOnlineAsync();
        await till.Api.LogInSeededCashierAsync();
        shop.Link.SetMode(LinkMode.Refuse);

        var quote = await till.Api.QuoteAsync(new QuoteRequest(Cart));
        var receipt = await till.Api.SellAsync(new SaleRequest(Cart, [new Tender(PaymentMethods.Cash, 200_000)]));

        // Biscuits 2 × ₹80.00 (₹20.00 saved against ₹90.00); soap 3 × ₹45.00, one free; ghee 2 × ₹650.00: ₹1,550.00 at
        // promotional prices, so ₹100.00 off, spread as ₹10.33, ₹5.80 and ₹83.87.
        Assert.Equal(
            [(8_000L, 1_033L, (ReceiptPromotion?)new ReceiptPromotion(biscuits.Id, "Biscuits ₹80", 2_000)),
                (4_500L, 4_500L + 580L, new ReceiptPromotion(soap.Id, "Soap 2 + 1", 4_500)), (65_000L, 8_387L, null)],
            receipt.Lines.Select(l => (l.UnitPricePaise, l.DiscountPaise, l.Promotion)));
        Assert.Equal(new ReceiptPromotion(bill.Id, "₹100 off ₹1,000", 10_000), receipt.BillPromotion);
        Assert.Equal(quote.Lines, receipt.Lines);
        Assert.Equal(quote.Totals, receipt.Totals);
        Assert.Null(quote.ApprovalNeeded);
        // The biscuits' line comes to the shelf amount less its discount, tax included.
        Assert.Equal(16_000 - 1_033, receipt.Lines[0].TotalPaise);

        shop.Link.SetMode(LinkMode.Pass);
        await till.Api.SyncNowAsync();
        await till.Api.WaitDrainedAsync();
        var order = Assert.Single(await shop.HqOrdersAsync());
        Assert.Equal((receipt.ClientOrderId, receipt.Totals, 0), (order.ClientOrderId, order.Order.Totals, order.Flags.Count));
        Assert.Equal([biscuits.Id, soap.Id, null], order.Order.Lines.Select(l => l.PromotionId));
        Assert.Equal(new BillPromotionDto(bill.Id, 10_000), order.Order.BillPromotion);
        Assert.Empty((await shop.Manager.ListReviewsAsync($"kind={ReviewKinds.PriceDeviation}")).Items);
    }

    [Fact]
    public async Task CashiersDiscount_ComesAfterThePromotions_AndAnOverrideTakesNone()
    {
        await using var shop = await TillScenario.StartAsync();
        await shop.Manager.CreatePromotionAsync(PromotionCalls.ScheduledPrice("Biscuits ₹80", 8_000, HqScenario.InclusivePack));
        await using var till = await shop.StartInProcessTillAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        await till.Api.WaitOnlineAsync();
        await till.Api.LogInSeededCashierAsync();

        var discounted = await till.Api.QuoteAsync(new QuoteRequest([new(HqScenario.InclusivePack, 1, DiscountPaise: 500)]));
        var overridden = await till.Api.QuoteAsync(new QuoteRequest([new(HqScenario.InclusivePack, 1, UnitPricePaise: 8_500)]));
        var tooMuch = await till.Api.SellExpectingProblemAsync(
            new SaleRequest([new(HqScenario.InclusivePack, 1, DiscountPaise: 8_001)], [new Tender(PaymentMethods.Cash, 10_000)]));

        // ₹5.00 off the ₹80.00 promotional price is 6.25 % of it: within a cashier's 10 %.
        Assert.Equal((8_000L, 500L, 7_500L), (discounted.Lines[0].UnitPricePaise, discounted.Lines[0].DiscountPaise, discounted.Lines[0].TotalPaise));
        Assert.Null(discounted.ApprovalNeeded);
        Assert.Equal((8_500L, (ReceiptPromotion?)null), (overridden.Lines[0].UnitPricePaise, overridden.Lines[0].Promotion));
        Assert.Contains("the discount must be between ₹0 and the line amount after its promotions (₹80.00)", tooMuch, StringComparison.Ordinal);
        Assert.Empty(await till.Api.SalesAsync());
    }
}

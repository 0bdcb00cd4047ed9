// Proves a return of a promoted sale at the till (issue 21): offline, returning the free soap of a buy-2-get-1 refunds
// nothing, returning a ghee that drops the bill below a bill-value threshold takes that discount back in full, the last
// return refunds the rest so the three refund what was paid; HQ commits the three credit notes at the till's figures with
// no return_mismatch. TillScenario: a real HQ process behind a fault proxy, the real till in process over its local HTTP API.
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using TillSync.Till.Returns;
using TillSync.Till.Sales;
using TillSync.Till.Sync;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Returns;

public sealed class PromotionReturnTests
{
    [Fact]
    public async Task Offline_ReturnsInSteps_TakeBackWhatThePromotionsGave_AndHqAgrees()
    {
        await using var shop = await TillScenario.StartAsync();
        await shop.Manager.CreatePromotionAsync(PromotionCalls.BuyGet("Soap 2 + 1", 2, 1, "SOAP-125G"));
        await shop.Manager.CreatePromotionAsync(PromotionCalls.BillValue("₹100 off ₹1,000", 100_000, offPaise: 10_000));
        await using var till = await shop.StartInProcessTillAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        await till.Api.WaitOnlineAsync();
        await till.Api.LogInSeededCashierAsync();
        shop.Link.SetMode(LinkMode.Refuse);

        // Soap 3 × ₹45.00 (18 %, before tax), one free; ghee 2 × ₹650.00 (12 %): ₹1,390.00 before tax, ₹100.00 off spread
        // ₹6.48 and ₹93.52. Soap taxable ₹83.52 + CGST/SGST ₹7.52 each = ₹98.56; ghee ₹1,206.48 + ₹72.39 each = ₹1,351.26.
        var sale = await till.Api.SellAsync(new SaleRequest([new("SOAP-125G", 3), new("GHEE-1L", 2)], [new Tender(PaymentMethods.Cash, 200_000)]));
        Assert.Equal([9_856L, 135_126L], sale.Lines.Select(l => l.TotalPaise));
        var original = new OriginalReference(SaleId: sale.ClientOrderId);

        // The free soap back: the two kept soaps cost ₹98.56 without the offer, what the three cost: ₹0.00.
        var first = await till.Api.ReturnAsync(Return(original, new ReturnLineRequest(1, 1, ReturnConditions.Restock)));
        // A ghee back leaves ₹740.00 of goods, below ₹1,000: the kept soap ₹106.20 and ghee ₹728.00 at full price, so
        // ₹1,449.82 − ₹834.20 = ₹615.62 back, not the ₹675.62 pro rata.
        var second = await till.Api.ReturnAsync(Return(original, new ReturnLineRequest(2, 1, ReturnConditions.Restock)));
        // The rest: what is left of ₹1,449.82.
        var third = await till.Api.ReturnAsync(Return(original, new ReturnLineRequest(1, 2, ReturnConditions.Restock), new ReturnLineRequest(2, 1, ReturnConditions.Restock)));

        Assert.Equal([0L, 61_562L, 83_420L], new[] { first, second, third }.Select(n => n.Refund.Lines.Sum(l => l.TotalPaise)));
        Assert.Equal(sale.Lines.Sum(l => l.TotalPaise), new[] { first, second, third }.Sum(n => n.Refund.Lines.Sum(l => l.TotalPaise)));
        Assert.Equal([0L, 61_600L, 83_400L], new[] { first, second, third }.Select(n => n.Refund.Totals.TotalPaise));

        shop.Link.SetMode(LinkMode.Pass);
        await till.Api.SyncNowAsync();
        await till.Api.WaitDrainedAsync();
        foreach (var note in new[] { first, second, third })
        {
            var atHq = await shop.Manager.GetCreditNoteAsync(note.DocumentId);
            Assert.Equal((note.Refund.Totals.TotalPaise, note.Refund.Totals.TaxablePaise, note.Refund.Totals.CgstPaise),
                (atHq.TotalPaise, atHq.Return.Totals.TaxablePaise, atHq.Return.Totals.CgstPaise));
            Assert.Empty(atHq.Flags);
        }

        Assert.Empty((await shop.Manager.ListReviewsAsync($"kind={ReviewKinds.ReturnMismatch}")).Items);
    }

    [Fact]
    public async Task PromotionEndedAfterTheSale_TheTillSellsWithoutIt_ButItsReturnStillTakesBackTheFreeSoap()
    {
        await using var shop = await TillScenario.StartAsync();
        var soapOffer = await shop.Manager.CreatePromotionAsync(PromotionCalls.BuyGet("Soap 2 + 1", 2, 1, "SOAP-125G"));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var till = await shop.StartInProcessTillAsync(time);
        await till.Api.WaitOnlineAsync();
        await till.Api.LogInSeededCashierAsync();
        var soaps = new List<CartLine> { new("SOAP-125G", 3) };
        var sale = await till.Api.SellAsync(new SaleRequest(soaps, [new Tender(PaymentMethods.Cash, 20_000)]));

        // The offer ends at HQ; the till hears of it at its next refresh and prices the same cart without it.
        await shop.Manager.EndPromotionAsync(soapOffer.Id);
        time.Advance(SyncAgent.SnapshotRefreshInterval);
        await till.Api.SyncNowAsync();
        var unpromoted = await Eventually.UntilAsync(() => till.Api.QuoteAsync(new QuoteRequest(soaps)),
            q => q.Totals.TotalPaise > sale.Totals.TotalPaise, Patience.Exchanges, "the till to price the soaps without the ended offer", till);
        // The free soap back: the two kept soaps would cost what the three did, so nothing is refunded (ADR 0023), though
        // the offer is over: the till kept it for the returns of the sales it priced.
        var back = await till.Api.ReturnAsync(Return(new OriginalReference(SaleId: sale.ClientOrderId), new ReturnLineRequest(1, 1, ReturnConditions.Restock)));
        await till.Api.SyncNowAsync();
        await till.Api.WaitDrainedAsync();

        Assert.Equal(soapOffer.Id, Assert.Single(sale.Lines).Promotion?.PromotionId);
        Assert.Null(Assert.Single(unpromoted.Lines).Promotion);
        Assert.Equal(0, back.Refund.Totals.TotalPaise);
        Assert.Empty((await shop.Manager.GetCreditNoteAsync(back.DocumentId)).Flags);
        Assert.Empty((await shop.Manager.ListReviewsAsync($"kind={ReviewKinds.ReturnMismatch}")).Items);
    }

    private static ReturnRequest Return(OriginalReference original, params ReturnLineRequest[] lines) =>
        new(original, lines, ReturnReasons.ChangedMind, new RefundRequest(RefundMethods.Cash));
}

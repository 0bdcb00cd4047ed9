// Proves loyalty follows a return at HQ: the points earned on the returned share are taken back and the points burned
// are given back pro rata, the loyalty refund worth their share of the sale's loyalty tender; a refund worth more opens a
// return_mismatch item. Real HQ process over HTTP, on SQLite or PostgreSQL (TILLSYNC_TEST_STORE).
using TillSync.Contracts.Documents;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Core.Returns;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Returns;

public sealed class ReturnLoyaltyTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private const long EarnedBefore = 100;
    private const long Burned = 60;
    private const long EarnedOnSale = 20;

    [Fact]
    public async Task Return_TakesBackEarnedAndGivesBackBurnedPoints_ProRata_RefundedAtTheirShareOfTheLoyaltyTender()
    {
        var (till, phone, sale, document) = await SaleWithBurnAndItsReturnAsync();
        var returned = document.Return!;

        var reply = (await till.SyncDocumentsAsync([document])).Results.Single();

        Assert.Equal(SyncStatus.Created, reply.Status);
        var points = returned.Loyalty!;
        Assert.Equal(ReturnMath.LoyaltyShare(EarnedOnSale, returned.Totals.TotalPaise, sale.Totals.TotalPaise), points.EarnReversedPoints);
        Assert.Equal(ReturnMath.LoyaltyShare(Burned, returned.Totals.TotalPaise, sale.Totals.TotalPaise), points.BurnRefundedPoints);
        Assert.True(points.EarnReversedPoints > 0 && points.BurnRefundedPoints > 0, "the case must move both ways");
        var customer = await fixture.Manager.CustomerAsync(phone);
        Assert.Equal(EarnedBefore - Burned + EarnedOnSale - points.EarnReversedPoints + points.BurnRefundedPoints, customer.BalancePoints);
        Assert.Equal([("burn", points.BurnRefundedPoints), ("earn", -points.EarnReversedPoints)],
            customer.Movements.Where(m => m.ClientOrderId == document.DocumentId).Select(m => (m.Kind, m.Points)).Order());
        Assert.DoesNotContain((await fixture.Manager.ListReviewsAsync($"kind={ReviewKinds.ReturnMismatch}&status=all")).Items,
            i => i.ClientOrderId == document.DocumentId);
    }

    [Fact]
    public async Task Return_LoyaltyRefundWorthMoreThanTheTenderShare_CommitsWithAReturnMismatchItem()
    {
        var (till, _, _, document) = await SaleWithBurnAndItsReturnAsync();
        var refunds = document.Return!.Refunds;
        // One rupee moved from cash to the loyalty refund: the refund still adds up, the points are right, the value is not.
        document = document with
        {
            Return = document.Return with
            {
                Refunds = [.. refunds.Select(r => r.Method == RefundMethods.Loyalty ? r with { AmountPaise = r.AmountPaise + 100 } : r with { AmountPaise = r.AmountPaise - 100 })],
            },
        };

        var reply = (await till.SyncDocumentsAsync([document])).Results.Single();

        Assert.Equal(SyncStatus.Created, reply.Status);
        var item = Assert.Single((await fixture.Manager.ListReviewsAsync($"kind={ReviewKinds.ReturnMismatch}")).Items, i => i.ClientOrderId == document.DocumentId);
        Assert.Contains("loyalty refund", item.Detail, StringComparison.Ordinal);
    }

    // A customer with 100 points buys two ghee, burning 60 points as the loyalty tender and earning 20; the return takes one
    // ghee back with the points' pro rata share, the loyalty refund at their share of the tender and the rest in cash.
    private async Task<(TillClient Till, string Phone, OrderDto Sale, TillDocumentDto Return)> SaleWithBurnAndItsReturnAsync()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var settings = await fixture.Manager.GetSettingsAsync();
        var customer = new CustomerDto(LoyaltyCalls.NewPhone());
        var earning = till.Orders.Next([OrderFactory.Line("SOAP-125G", 1)], customer) with { Loyalty = new LoyaltyDto(EarnedBefore, 0) };
        var sale = till.Orders.Next([OrderFactory.Line("GHEE-1L", 2)], customer);
        var tenderPaise = Burned * settings.BurnValuePaisePerPoint;
        sale = sale with
        {
            Loyalty = new LoyaltyDto(EarnedOnSale, Burned),
            Payments = [new PaymentDto(PaymentMethods.Loyalty, tenderPaise), new PaymentDto(PaymentMethods.Cash, sale.Totals.TotalPaise - tenderPaise)],
        };
        Assert.All((await till.SyncDocumentsAsync([TillClient.SaleDocument(earning), TillClient.SaleDocument(sale)])).Results,
            r => Assert.Equal(SyncStatus.Created, r.Status));

        var returned = new ReturnFactory(till.Orders, till.BillPrefix).Build(sale, till.TillId, [(1, 1m, ReturnConditions.Restock)]);
        var earnReversed = ReturnMath.LoyaltyShare(EarnedOnSale, returned.Totals.TotalPaise, sale.Totals.TotalPaise);
        var burnRefunded = ReturnMath.LoyaltyShare(Burned, returned.Totals.TotalPaise, sale.Totals.TotalPaise);
        var loyaltyRefundPaise = ReturnMath.LoyaltyRefundPaise(tenderPaise, Burned, burnRefunded);
        returned = returned with
        {
            Loyalty = new ReturnLoyaltyDto(customer.Phone!, earnReversed, burnRefunded),
            Refunds = [new RefundDto(RefundMethods.Loyalty, loyaltyRefundPaise), new RefundDto(RefundMethods.Cash, returned.Totals.TotalPaise - loyaltyRefundPaise)],
        };
        return (till, customer.Phone!, sale, new TillDocumentDto(DocumentKinds.Return, Guid.CreateVersion7(), till.Orders.NextSeq++, Return: returned));
    }
}

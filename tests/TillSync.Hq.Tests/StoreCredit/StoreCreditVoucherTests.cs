// Proves store credit is a voucher HQ keeps a balance for: a return refunded to store credit issues it under its credit
// note number, sales spend it by that code, and spending more than is left (two tills offline) commits and opens one
// store_credit_overdraft item naming every spend. Real HQ process over HTTP, on SQLite or PostgreSQL (TILLSYNC_TEST_STORE).
using System.Net;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.StoreCredit;

public sealed class StoreCreditVoucherTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task Voucher_IssuedByAStoreCreditReturn_DrawnDownBySaleAtAnotherTill()
    {
        var (code, issuedPaise, _) = await IssueVoucherAsync();
        var spender = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var sale = PaidWithStoreCredit(spender, code, issuedPaise - 10_000);

        var reply = (await spender.SyncDocumentsAsync([TillClient.SaleDocument(sale)])).Results.Single();

        Assert.Equal(SyncStatus.Created, reply.Status);
        Assert.DoesNotContain(OrderFlags.StoreCreditOverdraft, reply.Flags);
        var voucher = await fixture.Manager.GetStoreCreditAsync(code);
        Assert.Equal((true, issuedPaise, issuedPaise - 10_000, 10_000L), (voucher.Issued, voucher.IssuedPaise, voucher.SpentPaise, voucher.BalancePaise));
        Assert.Equal([("issue", issuedPaise), ("spend", -(issuedPaise - 10_000))], voucher.Movements.Select(m => (m.Kind, m.AmountPaise)));
        Assert.Equal((sale.ClientOrderId, sale.BillNo, spender.TillId), (voucher.Movements[1].DocumentId, voucher.Movements[1].DocumentNo, voucher.Movements[1].TillId));

        // A replay is answered from the ledger and draws nothing again.
        Assert.Equal(SyncStatus.Duplicate, (await spender.SyncDocumentsAsync([TillClient.SaleDocument(sale)])).Results.Single().Status);
        Assert.Equal(10_000, (await fixture.Manager.GetStoreCreditAsync(code)).BalancePaise);
    }

    [Fact]
    public async Task TwoTillsSpendTheWholeVoucherOffline_BothCommit_OneOverdraftItemNamesBothSpends()
    {
        var (code, issuedPaise, returnId) = await IssueVoucherAsync();
        var first = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var second = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var firstSale = PaidWithStoreCredit(first, code, issuedPaise);
        var secondSale = PaidWithStoreCredit(second, code, issuedPaise);

        var firstReply = (await first.SyncDocumentsAsync([TillClient.SaleDocument(firstSale)])).Results.Single();
        var secondReply = (await second.SyncDocumentsAsync([TillClient.SaleDocument(secondSale)])).Results.Single();

        Assert.Equal((SyncStatus.Created, SyncStatus.Created), (firstReply.Status, secondReply.Status));
        Assert.DoesNotContain(OrderFlags.StoreCreditOverdraft, firstReply.Flags);
        Assert.Contains(OrderFlags.StoreCreditOverdraft, secondReply.Flags);
        Assert.Equal(-issuedPaise, (await fixture.Manager.GetStoreCreditAsync(code)).BalancePaise);
        var item = Assert.Single(await OverdraftItemsAsync(returnId));
        Assert.Equal(code, item.BillNo);
        Assert.Contains(firstSale.BillNo, item.Detail, StringComparison.Ordinal);
        Assert.Contains(secondSale.BillNo, item.Detail, StringComparison.Ordinal);

        // A third spend brings the open item up to date instead of opening another.
        var third = PaidWithStoreCredit(first, code, 5_000);
        Assert.Contains(OrderFlags.StoreCreditOverdraft, (await first.SyncDocumentsAsync([TillClient.SaleDocument(third)])).Results.Single().Flags);
        Assert.Contains(third.BillNo, Assert.Single(await OverdraftItemsAsync(returnId)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpendArrivingBeforeItsVoucher_Commits_AndTheIssueThatCannotCoverItOpensTheItem()
    {
        var seller = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var original = seller.Orders.NextWalkIn([OrderFactory.Line("GHEE-1L", 1)]);
        await seller.SyncDocumentsAsync([TillClient.SaleDocument(original)]);
        var returned = new ReturnFactory(seller.Orders, seller.BillPrefix).Next(original, seller.TillId, [(1, 1m, ReturnConditions.Restock)], RefundMethods.StoreCredit);
        var code = returned.Return!.CreditNoteNo;
        var spender = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var early = PaidWithStoreCredit(spender, code, returned.Return.Totals.TotalPaise + 100);

        // The spending till's queue arrives first: HQ has not seen the voucher issued, so nothing is overdrawn yet.
        var earlyReply = (await spender.SyncDocumentsAsync([TillClient.SaleDocument(early)])).Results.Single();
        Assert.Equal(SyncStatus.Created, earlyReply.Status);
        Assert.DoesNotContain(OrderFlags.StoreCreditOverdraft, earlyReply.Flags);
        var waiting = await fixture.Manager.GetStoreCreditAsync(code);
        Assert.Equal((false, 0L, -(returned.Return.Totals.TotalPaise + 100)), (waiting.Issued, waiting.IssuedPaise, waiting.BalancePaise));
        Assert.Empty(await OverdraftItemsAsync(returned.DocumentId));

        Assert.Equal(SyncStatus.Created, (await seller.SyncDocumentsAsync([returned])).Results.Single().Status);

        Assert.Equal(-100, (await fixture.Manager.GetStoreCreditAsync(code)).BalancePaise);
        Assert.Contains(early.BillNo, Assert.Single(await OverdraftItemsAsync(returned.DocumentId)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreCreditWithoutAVoucherCode_IsRejected_AndMovesNoVoucher()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var sale = till.Orders.NextWalkIn([OrderFactory.Line("SOAP-125G", 1)]);
        sale = sale with { Payments = [new PaymentDto(PaymentMethods.StoreCredit, sale.Totals.TotalPaise)] };

        var reply = (await till.SyncDocumentsAsync([TillClient.SaleDocument(sale)])).Results.Single();

        Assert.Equal((SyncStatus.Rejected, SyncReasons.InvalidPayment), (reply.Status, reply.Reason));
    }

    [Theory]
    [InlineData("T01/2627/000001", HttpStatusCode.BadRequest)]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("ZZ9/2627/C00001", HttpStatusCode.NotFound)]
    public async Task Voucher_BadOrUnknownCode_IsAProblem(string code, HttpStatusCode expected)
    {
        var response = await fixture.Manager.GetStoreCreditRawAsync(code);

        var body = await Responses.ExpectProblemAsync(response, expected, fixture.Hq);
        Assert.Contains(expected == HttpStatusCode.NotFound ? "knows no store credit voucher" : "credit note that issued it", body, StringComparison.Ordinal);
    }

    // A till sells two ghee and takes one back to store credit: the voucher's code, what it was issued for, the return's id.
    private async Task<(string Code, long IssuedPaise, Guid ReturnId)> IssueVoucherAsync()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var sale = till.Orders.NextWalkIn([OrderFactory.Line("GHEE-1L", 2)]);
        var returned = new ReturnFactory(till.Orders, till.BillPrefix).Next(sale, till.TillId, [(1, 1m, ReturnConditions.Restock)], RefundMethods.StoreCredit);
        var replies = await till.SyncDocumentsAsync([TillClient.SaleDocument(sale), returned]);
        Assert.All(replies.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        return (returned.Return!.CreditNoteNo, returned.Return.Totals.TotalPaise, returned.DocumentId);
    }

    // A sale of cola at the till paying storeCreditPaise from the voucher and the rest in cash.
    private static OrderDto PaidWithStoreCredit(TillClient till, string code, long storeCreditPaise)
    {
        var units = storeCreditPaise / 4_000 + 1;
        var sale = till.Orders.NextWalkIn([OrderFactory.Line("COLA-750ML", units)]);
        return sale with
        {
            Payments = [new PaymentDto(PaymentMethods.StoreCredit, storeCreditPaise, code), new PaymentDto(PaymentMethods.Cash, sale.Totals.TotalPaise - storeCreditPaise)],
        };
    }

    private async Task<IReadOnlyList<ReviewItemView>> OverdraftItemsAsync(Guid returnId) =>
        [.. (await fixture.Manager.ListReviewsAsync($"kind={ReviewKinds.StoreCreditOverdraft}&limit=200")).Items.Where(i => i.ClientOrderId == returnId)];
}

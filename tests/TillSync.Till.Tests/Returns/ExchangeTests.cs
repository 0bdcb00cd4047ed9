// Proves an exchange is a return and a new sale made together: both documents in one local transaction at consecutive
// tillSeq, the return's refund paid to the sale as an `exchange` tender (the return's refund names the sale), and the
// difference paid by the customer or given back in cash; a problem with either stores neither. LocalTill, HQ unreachable.
using TillSync.Contracts.Documents;
using TillSync.Contracts.Staff;
using TillSync.Contracts.Sync;
using TillSync.Till.Receipts;
using TillSync.Till.Returns;
using TillSync.Till.Sales;
using TillSync.Till.Staff;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Returns;

public sealed class ExchangeTests
{
    [Fact]
    public async Task Exchange_ForDearerGoods_CustomerPaysTheDifference()
    {
        await using var till = await LocalTill.CreateAsync();
        var sale = await till.SellAsync(Carts.PaidInCash([new CartLine("SOAP-125G", 2)]));
        List<CartLine> newCart = [new("GHEE-1L", 1)];
        var newTotal = Carts.ExpectedTotals(newCart).TotalPaise;

        var (outcome, problem) = await ExchangeAsync(till, sale, returnQty: 2, newCart, pay: p => [new Tender(PaymentMethods.Card, p)]);

        Assert.True(outcome is not null, problem);
        var refund = outcome.CreditNote.Refund.Totals.TotalPaise;
        Assert.Equal((2L, 3L), (outcome.CreditNote.TillSeq, outcome.Receipt.TillSeq));
        Assert.Equal([new RefundDto(RefundMethods.Exchange, refund, outcome.Receipt.ClientOrderId.ToString("D"))], outcome.CreditNote.Refund.Refunds);
        Assert.Equal([new PaymentDto(PaymentMethods.Exchange, refund), new PaymentDto(PaymentMethods.Card, newTotal - refund)], outcome.Receipt.Payments);
        var (sentReturn, sentSale) = (await ReturnRecorderTests.StoredAsync(till, 2), await ReturnRecorderTests.StoredAsync(till, 3));
        Assert.Equal(outcome.CreditNote.Refund.Refunds, sentReturn.Return!.Refunds);
        Assert.Equal(outcome.Receipt.Payments, sentSale.Sale!.Payments);
        Assert.Equal($"{LocalTill.BillPrefix}/{Core.Orders.BillNumber.FinancialYear(sentSale.Sale.CreatedAt)}/000002", sentSale.Sale.BillNo);
    }

    [Fact]
    public async Task Exchange_ForCheaperGoods_GivesTheDifferenceBackInCash()
    {
        await using var till = await LocalTill.CreateAsync();
        var sale = await till.SellAsync(Carts.PaidInCash([new CartLine("GHEE-1L", 1)]));
        List<CartLine> newCart = [new("SOAP-125G", 1)];
        var newTotal = Carts.ExpectedTotals(newCart).TotalPaise;

        var (outcome, problem) = await ExchangeAsync(till, sale, returnQty: 1, newCart, pay: _ => []);

        Assert.True(outcome is not null, problem);
        var refund = outcome.CreditNote.Refund.Totals.TotalPaise;
        Assert.Equal([new RefundDto(RefundMethods.Exchange, newTotal, outcome.Receipt.ClientOrderId.ToString("D")), new RefundDto(RefundMethods.Cash, refund - newTotal)],
            outcome.CreditNote.Refund.Refunds);
        Assert.Equal([new PaymentDto(PaymentMethods.Exchange, newTotal)], outcome.Receipt.Payments);
    }

    [Fact]
    public async Task Exchange_NewSaleCannotBeMade_StoresNeitherDocument()
    {
        await using var till = await LocalTill.CreateAsync();
        var sale = await till.SellAsync(Carts.PaidInCash([new CartLine("SOAP-125G", 1)]));

        var (outcome, problem) = await ExchangeAsync(till, sale, returnQty: 1, [new CartLine("GHEE-1L", 1)], pay: _ => []);

        Assert.Null(outcome);
        Assert.StartsWith("Take a payment", problem, StringComparison.Ordinal);
        Assert.Equal(1, await till.Outbox.CountAsync(CancellationToken.None));
        var retried = await ExchangeAsync(till, sale, returnQty: 1, [new CartLine("GHEE-1L", 1)], pay: p => [new Tender(PaymentMethods.Cash, p)]);
        Assert.Equal((2L, 3L), (retried.Outcome!.CreditNote.TillSeq, retried.Outcome.Receipt.TillSeq)); // the failed try consumed no number
        Assert.EndsWith("/C00001", retried.Outcome.CreditNote.CreditNoteNo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exchange_NewSaleBeyondTheCashiersLimit_NeedsAnApprover_AndRecordsThem()
    {
        await using var till = await LocalTill.CreateAsync();
        var snapshot = LocalTill.Snapshot(1, till.Time.GetUtcNow());
        await till.Snapshots.SaveAsync(snapshot with { PricingVersion = 4, RoleLimits = [new(StaffRoles.Cashier, 1_000, false), new(StaffRoles.Supervisor, 5_000, true)] },
            CancellationToken.None);
        var sale = await till.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 2)]));
        List<CartLine> thirtyPercentOff = [new("GHEE-1L", 1, DiscountPaise: 19_500)];

        var refused = await ExchangeAsync(till, sale, returnQty: 1, thirtyPercentOff, pay: p => [new Tender(PaymentMethods.Cash, p)]);
        var approved = await ExchangeAsync(till, sale, returnQty: 1, thirtyPercentOff, pay: p => [new Tender(PaymentMethods.Cash, p)],
            new Cashier(77, "Test supervisor", StaffRoles.Supervisor), new SaleApproval(77, "640528", "dented tin"));

        Assert.Equal(("This sale needs a supervisor's or manager's PIN: line 1 (GHEE-1L) 30 % off: a cashier may give 10 % off and may not override a price. "
            + "Nothing was recorded.", (ExchangeOutcome?)null), (refused.Problem, refused.Outcome));
        var sent = (await till.Outbox.NextBatchAsync(CancellationToken.None)).Single(d => d.TillSeq == approved.Outcome!.Receipt.TillSeq);
        Assert.Contains("\"approval\":{\"approverId\":77,\"reason\":\"dented tin\"}", sent.Json, StringComparison.Ordinal);
        Assert.Contains("\"pricingVersion\":4", sent.Json, StringComparison.Ordinal);
    }

    private static async Task<(ExchangeOutcome? Outcome, string? Problem)> ExchangeAsync(
        LocalTill till, Receipt sale, decimal returnQty, List<CartLine> newCart, Func<long, List<Tender>> pay, Cashier? approver = null,
        SaleApproval? approval = null)
    {
        till.Time.Advance(TimeSpan.FromSeconds(1));
        var returnRequest = ReturnRecorderTests.Return(new OriginalReference(SaleId: sale.ClientOrderId), [new ReturnLineRequest(1, returnQty, ReturnConditions.Restock)],
            new RefundRequest(RefundMethods.Exchange));
        var (quote, quoteProblem) = await till.Returns.QuoteAsync(returnRequest, CancellationToken.None);
        Assert.True(quote is not null, quoteProblem);
        var due = Math.Max(0, Carts.ExpectedTotals(newCart).TotalPaise - quote.Totals.TotalPaise);
        return await till.Returns.ExchangeAsync(
            new ExchangeRequest(returnRequest, new SaleRequest(newCart, due == 0 ? [] : pay(due), Approval: approval)), CancellationToken.None, approver);
    }
}

// Proves an exchange is a return and a new sale made together: both documents in one local transaction at consecutive
// tillSeq, the return's refund paid to the sale as an `exchange` tender (the return's refund names the sale), and the
// difference paid by the customer or given back in cash; a problem with either stores neither. LocalTill, HQ unreachable.
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Till.Receipts;
using TillSync.Till.Returns;
using TillSync.Till.Sales;
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

    private static async Task<(ExchangeOutcome? Outcome, string? Problem)> ExchangeAsync(
        LocalTill till, Receipt sale, decimal returnQty, List<CartLine> newCart, Func<long, List<Tender>> pay)
    {
        till.Time.Advance(TimeSpan.FromSeconds(1));
        var returnRequest = ReturnRecorderTests.Return(new OriginalReference(SaleId: sale.ClientOrderId), [new ReturnLineRequest(1, returnQty, ReturnConditions.Restock)],
            new RefundRequest(RefundMethods.Exchange));
        var (quote, quoteProblem) = await till.Returns.QuoteAsync(returnRequest, CancellationToken.None);
        Assert.True(quote is not null, quoteProblem);
        var due = Math.Max(0, Carts.ExpectedTotals(newCart).TotalPaise - quote.Totals.TotalPaise);
        return await till.Returns.ExchangeAsync(new ExchangeRequest(returnRequest, new SaleRequest(newCart, due == 0 ? [] : pay(due))), CancellationToken.None);
    }
}

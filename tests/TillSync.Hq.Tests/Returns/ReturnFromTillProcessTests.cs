// Proves a return made at a real till process reaches a real HQ process and commits: till 1 sells three units, till 2
// takes one back by the bill number (looked up at HQ), and after both queues drained HQ holds the credit note once,
// linked to the sale, with stock moved −3 then +1, the refund equal to a third of the line, and two units returnable.
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using TillSync.Till.Returns;
using TillSync.Till.Sales;

namespace TillSync.Hq.Tests.Returns;

public sealed class ReturnFromTillProcessTests
{
    [Fact]
    public async Task ReturnAtAnotherTill_ReachesHqLinkedToTheSale()
    {
        await using var hq = await HqProcess.StartAsync();
        await HqScenario.SetUpAsync(hq);
        var manager = new ManagerClient(hq);
        var seller = await HqScenario.EnrolTillAsync(hq);
        var returner = await HqScenario.EnrolTillAsync(hq);
        await using var till1 = await TillProcess.StartAsync(hq.BaseAddress, seller.Token);
        await using var till2 = await TillProcess.StartAsync(hq.BaseAddress, returner.Token);
        await till1.Api.WaitOnlineAsync();
        await till2.Api.WaitOnlineAsync();
        var before = await manager.OnHandAsync("GHEE-1L");
        List<CartLine> lines = [new("GHEE-1L", 3)];
        var quote = await till1.Api.QuoteAsync(new QuoteRequest(lines));
        var receipt = await till1.Api.SellAsync(new SaleRequest(lines, [new Tender(PaymentMethods.Cash, quote.Totals.TotalPaise)]));
        await till1.Api.WaitDrainedAsync();

        var creditNote = await till2.Api.ReturnAsync(new ReturnRequest(new OriginalReference(BillNo: receipt.BillNo),
            [new ReturnLineRequest(1, 1m, ReturnConditions.Restock)], ReturnReasons.Defective, new RefundRequest(RefundMethods.Cash)));
        await till2.Api.WaitDrainedAsync();

        var note = await manager.GetCreditNoteAsync(creditNote.DocumentId);
        Assert.Equal(creditNote.CreditNoteNo, note.CreditNoteNo);
        Assert.Equal(receipt.ClientOrderId, note.OriginalOrderId);
        Assert.NotNull(note.LinkedAt);
        Assert.Equal(before - 2, await manager.OnHandAsync("GHEE-1L"));
        var order = await manager.GetOrderAsync(receipt.ClientOrderId);
        Assert.Equal(order.Order.Totals.TaxablePaise / 3, note.Return.Totals.TaxablePaise);
        Assert.Equal(2m, Assert.Single(order.Returnable!).ReturnableQty);
        Assert.Equal(creditNote.DocumentId, Assert.Single(order.Returns!).DocumentId);
    }
}

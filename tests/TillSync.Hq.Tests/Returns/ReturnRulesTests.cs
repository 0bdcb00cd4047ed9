// Proves HQ's rules for a return on its own: a return that can never be accepted (totals that are not the pro rata
// refund, refunds that do not add up, a credit note number outside the till's series or used twice, more back than the
// line sold) is recorded as rejected with a review item, consumes its tillSeq so the queue moves on, and moves nothing.
using TillSync.Contracts.Documents;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Returns;

public sealed class ReturnRulesTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    public static TheoryData<string, string> Broken => new()
    {
        { "totals", SyncReasons.TotalsMismatch },
        { "refunds", SyncReasons.RefundsMismatch },
        { "series", SyncReasons.InvalidCreditNoteNo },
        { "quantity", SyncReasons.InvalidQuantity },
        { "condition", SyncReasons.InvalidReturn },
        { "refundMethod", SyncReasons.InvalidRefund },
        { "unknownSku", SyncReasons.UnknownSku },
        { "noLines", SyncReasons.NoLines },
        { "future", SyncReasons.InvalidCreatedAt },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task Return_NeverAcceptable_IsRejectedWithAReviewItemAndMovesNothing(string broken, string reason)
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var sale = till.Orders.NextWalkIn([OrderFactory.Line("COLA-750ML", 4)]);
        await till.SyncDocumentsAsync([TillClient.SaleDocument(sale)]);
        var returns = new ReturnFactory(till.Orders, till.BillPrefix);
        var document = returns.Next(sale, till.TillId, [(1, 1m, ReturnConditions.Restock)]);
        var next = returns.Next(sale, till.TillId, [(1, 1m, ReturnConditions.Restock)]);
        var onHand = await fixture.Manager.OnHandAsync("COLA-750ML");

        var reply = await till.SyncDocumentsAsync([document with { Return = Break(document.Return!, broken) }, next]);

        Assert.Equal(SyncStatus.Rejected, reply.Results[0].Status);
        Assert.Equal(reason, reply.Results[0].Reason);
        Assert.Equal(SyncStatus.Created, reply.Results[1].Status);
        Assert.Equal(onHand + 1, await fixture.Manager.OnHandAsync("COLA-750ML"));
        var items = await fixture.Manager.ListReviewsAsync($"kind={ReviewKinds.RejectedOrder}&tillId={till.TillId}");
        var item = Assert.Single(items.Items, i => i.ClientOrderId == document.DocumentId);
        Assert.Equal(reason, item.Reason);
        Assert.Equal(SyncStatus.Rejected, (await till.SyncDocumentsAsync([document with { Return = Break(document.Return!, broken) }])).Results[0].Status);
    }

    [Fact]
    public async Task Return_CreditNoteNumberUsedTwice_IsRejected()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var sale = till.Orders.NextWalkIn([OrderFactory.Line("COLA-750ML", 4)]);
        await till.SyncDocumentsAsync([TillClient.SaleDocument(sale)]);
        var returns = new ReturnFactory(till.Orders, till.BillPrefix);
        var first = returns.Next(sale, till.TillId, [(1, 1m, ReturnConditions.Restock)]);
        returns.NextCreditNote--;
        var second = returns.Next(sale, till.TillId, [(1, 1m, ReturnConditions.Restock)]);

        var reply = await till.SyncDocumentsAsync([first, second]);

        Assert.Equal(SyncStatus.Created, reply.Results[0].Status);
        Assert.Equal(SyncStatus.Rejected, reply.Results[1].Status);
        Assert.Equal(SyncReasons.CreditNoteNoReused, reply.Results[1].Reason);
    }

    private static ReturnDto Break(ReturnDto returned, string broken) => broken switch
    {
        "totals" => returned with { Totals = returned.Totals with { TaxablePaise = returned.Totals.TaxablePaise + 100, TotalPaise = returned.Totals.TotalPaise + 100 },
            Refunds = [returned.Refunds[0] with { AmountPaise = returned.Totals.TotalPaise + 100 }] },
        "refunds" => returned with { Refunds = [returned.Refunds[0] with { AmountPaise = returned.Refunds[0].AmountPaise - 100 }] },
        "series" => returned with { CreditNoteNo = returned.CreditNoteNo.Replace("/C", "/D", StringComparison.Ordinal) },
        "quantity" => returned with { Lines = [returned.Lines[0] with { Qty = returned.Lines[0].OriginalQty + 1 }] },
        "condition" => returned with { Lines = [returned.Lines[0] with { Condition = "lost" }] },
        "refundMethod" => returned with { Refunds = [returned.Refunds[0] with { Method = "cheque" }] },
        "unknownSku" => returned with { Lines = [returned.Lines[0] with { Sku = "NO-SUCH-SKU" }] },
        "noLines" => returned with { Lines = [] },
        "future" => returned with { CreatedAt = returned.CreatedAt.AddDays(3) },
        _ => throw new ArgumentOutOfRangeException(nameof(broken), broken, null),
    };
}

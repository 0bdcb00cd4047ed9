// Proves linking and over-returns across tills on a real HQ: a return taken at another till reaches HQ before or after
// its original and ends linked either way, without holding either queue; two tills refunding the same last unit
// offline both commit and open one over_return item naming both credit notes, whichever document arrives last —
// including the original itself.
using TillSync.Contracts.Documents;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Returns;

public sealed class ReturnLinkingTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CrossTillReturn_LinksToItsOriginal_InEitherOrder(bool originalFirst)
    {
        var seller = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var returner = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var sale = seller.Orders.Next([OrderFactory.Line("RICE-5KG", 3)], HqScenario.B2BInterState);
        var document = new ReturnFactory(returner.Orders, returner.BillPrefix).Next(sale, seller.TillId, [(1, 1m, ReturnConditions.Restock)]);
        var before = await fixture.Manager.OnHandAsync("RICE-5KG");

        DocumentResult returned;
        if (originalFirst)
        {
            await seller.SyncDocumentsAsync([TillClient.SaleDocument(sale)]);
            returned = (await returner.SyncDocumentsAsync([document])).Results[0];
            Assert.Empty(returned.Flags);
        }
        else
        {
            returned = (await returner.SyncDocumentsAsync([document])).Results[0];
            Assert.Equal([OrderFlags.AwaitingOriginal], returned.Flags);
            Assert.Null((await fixture.Manager.GetCreditNoteAsync(document.DocumentId)).LinkedAt);
            Assert.Contains((await fixture.Manager.ListCreditNotesAsync($"linked=false&tillId={returner.TillId}")).CreditNotes,
                n => n.DocumentId == document.DocumentId);
            Assert.Equal(SyncStatus.Created, (await seller.SyncDocumentsAsync([TillClient.SaleDocument(sale)])).Results[0].Status);
        }

        Assert.Equal(SyncStatus.Created, returned.Status);
        var note = await fixture.Manager.GetCreditNoteAsync(document.DocumentId);
        Assert.NotNull(note.LinkedAt);
        Assert.Contains((await fixture.Manager.ListCreditNotesAsync($"linked=true&tillId={returner.TillId}")).CreditNotes,
            n => n.DocumentId == document.DocumentId);
        Assert.Equal(before - 2, await fixture.Manager.OnHandAsync("RICE-5KG"));
        var order = await fixture.Manager.GetOrderAsync(sale.ClientOrderId);
        Assert.Equal(2m, Assert.Single(order.Returnable!).ReturnableQty);
        Assert.DoesNotContain((await fixture.Manager.ListReviewsAsync($"kind={ReviewKinds.ReturnMismatch}&status=all")).Items,
            i => i.ClientOrderId == document.DocumentId);
    }

    [Theory]
    [InlineData("original, till A, till B")]
    [InlineData("till A, till B, original")]
    [InlineData("till A, original, till B")]
    public async Task TwoTillsRefundTheLastUnit_BothCommit_OneOverReturnItemNamesBoth(string order)
    {
        var seller = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var tillA = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var tillB = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var sale = seller.Orders.NextWalkIn([OrderFactory.Line("SOAP-125G", 2), OrderFactory.Line("COLA-750ML", 1)]);
        // Each till, offline, believes one soap is still returnable after the other's refund of one: together three of two.
        var returnA = new ReturnFactory(tillA.Orders, tillA.BillPrefix).Next(sale, seller.TillId, [(1, 2m, ReturnConditions.Restock)]);
        var returnB = new ReturnFactory(tillB.Orders, tillB.BillPrefix).Next(sale, seller.TillId, [(1, 1m, ReturnConditions.Damaged)]);
        var steps = new Dictionary<string, Func<Task<DocumentSyncResponse>>>
        {
            ["original"] = () => seller.SyncDocumentsAsync([TillClient.SaleDocument(sale)]),
            ["till A"] = () => tillA.SyncDocumentsAsync([returnA]),
            ["till B"] = () => tillB.SyncDocumentsAsync([returnB]),
        };

        foreach (var step in order.Split(", "))
        {
            Assert.Equal(SyncStatus.Created, (await steps[step]()).Results[0].Status);
        }

        var items = (await fixture.Manager.ListReviewsAsync($"kind={ReviewKinds.OverReturn}&status=all")).Items
            .Where(i => i.ClientOrderId == sale.ClientOrderId).ToList();
        var item = Assert.Single(items);
        Assert.Equal("open", item.Status);
        Assert.Contains(returnA.Return!.CreditNoteNo, item.Detail, StringComparison.Ordinal);
        Assert.Contains(returnB.Return!.CreditNoteNo, item.Detail, StringComparison.Ordinal);
        var flagged = new[] { returnA, returnB }.Select(r => fixture.Manager.GetCreditNoteAsync(r.DocumentId)).ToList();
        var notes = await Task.WhenAll(flagged);
        Assert.Contains(notes, n => n.Flags.Contains(OrderFlags.OverReturn));
        Assert.All(notes, n => Assert.NotNull(n.LinkedAt));
        var line = (await fixture.Manager.GetOrderAsync(sale.ClientOrderId)).Returnable![0];
        Assert.Equal(3m, line.ReturnedQty);
        Assert.Equal(0m, line.ReturnableQty);
    }

    [Fact]
    public async Task ReturnNotMatchingItsOriginal_CommitsWithAReturnMismatchItem()
    {
        var seller = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var returner = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var sale = seller.Orders.NextWalkIn([OrderFactory.Line("GHEE-1L", 2)]);
        await seller.SyncDocumentsAsync([TillClient.SaleDocument(sale)]);
        var cheaper = sale with { Lines = [sale.Lines[0] with { UnitPricePaise = sale.Lines[0].UnitPricePaise - 1_000 }] };
        var document = new ReturnFactory(returner.Orders, returner.BillPrefix).Next(cheaper, seller.TillId, [(1, 1m, ReturnConditions.Restock)]);

        var reply = (await returner.SyncDocumentsAsync([document])).Results[0];

        Assert.Equal(SyncStatus.Created, reply.Status);
        var item = Assert.Single((await fixture.Manager.ListReviewsAsync($"kind={ReviewKinds.ReturnMismatch}")).Items,
            i => i.ClientOrderId == document.DocumentId);
        Assert.Contains("line 1", item.Detail, StringComparison.Ordinal);
        Assert.Equal([ResolutionActions.Acknowledge], item.AllowedActions);
    }
}

// Proves the sync contract for return documents on a real HQ over HTTP, as for sales: a return commits once with its
// stock, refund and journal; a replay answers duplicate with the recorded result and changes nothing; changed content
// is a conflict; a gap waits and a reused sequence number conflicts; a return whose original HQ has not seen commits.
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Returns;

public sealed class ReturnContractTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task Return_OfPartOfALine_CommitsWithStockBackAndTheProRataRefund()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var sale = till.Orders.NextWalkIn([OrderFactory.Line("GHEE-1L", 3), OrderFactory.Line("SOAP-125G", 2)]);
        Assert.Equal(SyncStatus.Created, (await till.SyncDocumentsAsync([TillClient.SaleDocument(sale)])).Results[0].Status);
        var afterSale = await fixture.Manager.OnHandAsync("GHEE-1L");
        var returns = new ReturnFactory(till.Orders, till.BillPrefix);
        var document = returns.Next(sale, till.TillId, [(1, 1m, ReturnConditions.Restock)]);

        var reply = await till.SyncDocumentsAsync([document]);

        var result = Assert.Single(reply.Results);
        Assert.Equal(SyncStatus.Created, result.Status);
        Assert.Equal(DocumentKinds.Return, result.Kind);
        Assert.Equal(document.Return!.CreditNoteNo, result.Number);
        Assert.Empty(result.Flags);
        Assert.Equal(afterSale + 1, await fixture.Manager.OnHandAsync("GHEE-1L"));
        var note = await fixture.Manager.GetCreditNoteAsync(document.DocumentId);
        Assert.NotNull(note.LinkedAt);
        // One of three units: a third of the line's taxable value (65,000 × 3 → 1,95,000 → 65,000) and of its tax.
        Assert.Equal(65_000, note.Return.Totals.TaxablePaise);
        var order = await fixture.Manager.GetOrderAsync(sale.ClientOrderId);
        Assert.Equal(document.DocumentId, Assert.Single(order.Returns!).DocumentId);
        Assert.Equal([2m, 2m], order.Returnable!.Select(l => l.ReturnableQty));
    }

    [Fact]
    public async Task Return_Replayed_IsDuplicateWithTheRecordedResult_AndChangesNothing()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var sale = till.Orders.NextWalkIn([OrderFactory.Line("COLA-750ML", 4)]);
        await till.SyncDocumentsAsync([TillClient.SaleDocument(sale)]);
        var document = new ReturnFactory(till.Orders, till.BillPrefix).Next(sale, till.TillId, [(1, 2m, ReturnConditions.Restock)]);
        var first = (await till.SyncDocumentsAsync([document])).Results[0];
        var onHand = await fixture.Manager.OnHandAsync("COLA-750ML");

        var replay = (await till.SyncDocumentsAsync([document])).Results[0];

        Assert.Equal(SyncStatus.Duplicate, replay.Status);
        Assert.True(replay.Replayed);
        Assert.Equal(first.Number, replay.Number);
        Assert.Equal(first.CommittedAt, replay.CommittedAt);
        Assert.Equal(first.Flags, replay.Flags);
        Assert.Equal(onHand, await fixture.Manager.OnHandAsync("COLA-750ML"));
        Assert.Single((await fixture.Manager.GetOrderAsync(sale.ClientOrderId)).Returns!);
    }

    [Fact]
    public async Task Return_SameIdOtherContent_IsAPayloadConflict()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var sale = till.Orders.NextWalkIn([OrderFactory.Line("COLA-750ML", 4)]);
        await till.SyncDocumentsAsync([TillClient.SaleDocument(sale)]);
        var document = new ReturnFactory(till.Orders, till.BillPrefix).Next(sale, till.TillId, [(1, 1m, ReturnConditions.Restock)]);
        await till.SyncDocumentsAsync([document]);
        var changed = document with { Return = document.Return! with { Reason = ReturnReasons.Defective } };

        var reply = (await till.SyncDocumentsAsync([changed])).Results[0];

        Assert.Equal(SyncStatus.Conflict, reply.Status);
        Assert.Equal(SyncReasons.PayloadMismatch, reply.Reason);
        Assert.Equal(ReturnReasons.ChangedMind, (await fixture.Manager.GetCreditNoteAsync(document.DocumentId)).Reason);
    }

    [Fact]
    public async Task Return_AfterAGap_WaitsAndAReusedSeqConflicts()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var sale = till.Orders.NextWalkIn([OrderFactory.Line("COLA-750ML", 4)]);
        await till.SyncDocumentsAsync([TillClient.SaleDocument(sale)]);
        var returns = new ReturnFactory(till.Orders, till.BillPrefix);
        till.Orders.NextSeq++; // seq 2 never reaches HQ
        var gapped = returns.Next(sale, till.TillId, [(1, 1m, ReturnConditions.Restock)]);
        var reused = returns.Next(sale, till.TillId, [(1, 1m, ReturnConditions.Restock)]) with { TillSeq = 1 };

        var gap = (await till.SyncDocumentsAsync([gapped])).Results[0];
        var reuse = (await till.SyncDocumentsAsync([reused])).Results[0];

        Assert.Equal(SyncStatus.NotProcessed, gap.Status);
        Assert.Equal(SyncReasons.SeqGap, gap.Reason);
        Assert.Equal(2, gap.ExpectedSeq);
        Assert.Equal(SyncStatus.Conflict, reuse.Status);
        Assert.Equal(SyncReasons.SeqReused, reuse.Reason);
        Assert.Empty((await fixture.Manager.GetOrderAsync(sale.ClientOrderId)).Returns!);
    }

    [Fact]
    public async Task Return_DamagedOnHqSide_ANullLineStandsAsDamaged()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var sale = till.Orders.NextWalkIn([OrderFactory.Line("COLA-750ML", 4)]);
        await till.SyncDocumentsAsync([TillClient.SaleDocument(sale)]);
        var document = new ReturnFactory(till.Orders, till.BillPrefix).Next(sale, till.TillId, [(1, 1m, ReturnConditions.Restock)]);
        var broken = document with { Return = document.Return! with { Lines = [null!] } };

        var reply = (await till.SyncDocumentsAsync([broken])).Results[0];

        Assert.Equal(SyncStatus.Rejected, reply.Status);
        Assert.Equal(SyncReasons.DamagedDocument, reply.Reason);
        Assert.Equal(DocumentKinds.Return, reply.Kind);
    }
}

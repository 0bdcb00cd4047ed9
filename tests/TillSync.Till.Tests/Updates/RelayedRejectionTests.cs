// Proves a document HQ rejected after a peer relayed it ends rejected on its own till too (issue 25, ADR 0020): HQ's
// statement carried back by the peer took it out of the queue as synced (the statement says HQ holds it, not how), and
// HQ's updates feed, once the till reads it, says it was rejected. One this till synced and HQ rejected itself keeps
// HQ's own reason. A real till.db (LocalTill).
using TillSync.Contracts.Documents;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Storage;
using TillSync.Till.Outbox;
using TillSync.Till.Sales;
using TillSync.Till.Storage;
using TillSync.Till.Tests.Harness;
using TillSync.Till.Updates;

namespace TillSync.Till.Tests.Updates;

public sealed class RelayedRejectionTests
{
    [Fact]
    public async Task RejectionInHqsFeed_MarksTheRelayedDocumentRejected_AndLeavesARejectionHqSentItAlone()
    {
        await using var till = await LocalTill.CreateAsync();
        var relayed = await till.SellAsync(Carts.PaidInCash([new CartLine("GHEE-1L", 1)]));
        var sentItself = await till.SellAsync(Carts.PaidInCash([new CartLine("SOAP-125G", 1)]));
        await using (var connection = await till.Database.OpenAsync(CancellationToken.None))
        await using (var transaction = TillDatabase.BeginWrite(connection))
        {
            // What adopting HQ's relayed statement at tillSeq 1 does (RelayedStatements).
            Assert.Equal(1, await DocumentOutbox.DeliveredThroughAsync(connection, transaction, relayed.TillSeq, till.Time.GetUtcNow(), CancellationToken.None));
            await transaction.CommitAsync(CancellationToken.None);
        }

        var sent = Assert.Single(await till.Outbox.NextBatchAsync(CancellationToken.None));
        await till.Outbox.ApplyAsync([new DocumentResult(sent.Kind, sent.DocumentId, sent.TillSeq, SyncStatus.Rejected,
            null, null, false, [], SyncReasons.InvalidCreatedAt, null, "the sale's time is in the future")], 3, till.Time.GetUtcNow(), CancellationToken.None);

        var before = await StateAsync(till, relayed.ClientOrderId);
        await new HqUpdates(till.Database, till.Time).SaveAsync([
            Rejection(1, relayed.ClientOrderId, relayed.BillNo, "Bill was rejected: a line's price is above its MRP."),
            Rejection(2, sentItself.ClientOrderId, sentItself.BillNo, "Bill was rejected: the sale's time is in the future."),
        ], CancellationToken.None);

        Assert.Equal(("synced", (string?)null), before);
        Assert.Equal(("rejected", (string?)ReviewKinds.RejectedOrder), await StateAsync(till, relayed.ClientOrderId));
        Assert.Equal(("rejected", (string?)SyncReasons.InvalidCreatedAt), await StateAsync(till, sentItself.ClientOrderId));
        var attention = await till.Outbox.AttentionAsync(CancellationToken.None);
        var item = Assert.Single(attention, a => a.DocumentId == relayed.ClientOrderId);
        Assert.Equal(("rejected", "Bill was rejected: a line's price is above its MRP."), (item.Status, item.Detail));
        Assert.Equal(2, attention.Count);
    }

    private static TillUpdate Rejection(long cursor, Guid id, string billNo, string summary) =>
        new(cursor, TillUpdateKinds.ReviewOpened, id, billNo, 100 + cursor, ReviewKinds.RejectedOrder, summary, DateTimeOffset.UtcNow);

    private static async Task<(string State, string? Reason)> StateAsync(LocalTill till, Guid id)
    {
        await using var connection = await till.Database.OpenAsync(CancellationToken.None);
        return (await connection.Command("SELECT sync_state, sync_reason FROM documents WHERE document_id = @id").With("@id", id.ToString("D"))
            .FirstOrDefaultAsync(r => (r.GetString(0), r.NullableString(1)), CancellationToken.None))!;
    }
}

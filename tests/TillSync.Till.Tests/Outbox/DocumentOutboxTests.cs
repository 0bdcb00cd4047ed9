// Proves the outbox hands out the oldest documents first in batches within both sync limits, and records each HQ answer
// per docs/sync.md (only created, duplicate, rejected leave the queue). Runs DocumentOutbox on a real SQLite file with real sales.
using Microsoft.Data.Sqlite;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core;
using TillSync.Storage;
using TillSync.Till.Outbox;
using TillSync.Till.Receipts;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Outbox;

public sealed class DocumentOutboxTests
{
    private static readonly SaleRequest Milk = Carts.PaidInCash([new CartLine("MILK-500ML", 1)]);

    [Fact]
    public async Task NextBatch_600Queued_ReturnsTheOldest500InTillSeqOrder()
    {
        await using var till = await LocalTill.CreateAsync();
        var receipts = await SellAsync(till, 600);

        var batch = await till.Outbox.NextBatchAsync(CancellationToken.None);

        Assert.Equal(Limits.SyncOrdersMax, batch.Count);
        Assert.Equal(receipts.Take(500).Select(r => (r.TillSeq, r.ClientOrderId)), batch.Select(b => (b.TillSeq, b.DocumentId)));
        Assert.All(batch, b => Assert.Equal(b.DocumentId,
            System.Text.Json.JsonSerializer.Deserialize(b.Json, TillSync.Contracts.TillSyncJsonContext.Default.TillDocumentDto)!.Sale!.ClientOrderId));
        Assert.All(batch, b => Assert.Equal((DocumentKinds.Sale, (string?)null), (b.Kind, b.Damage)));
    }

    [Fact]
    public async Task NextBatch_AfterTheFirst500Synced_ReturnsTheRest()
    {
        await using var till = await LocalTill.CreateAsync();
        var receipts = await SellAsync(till, 600);
        var first = await till.Outbox.NextBatchAsync(CancellationToken.None);

        await till.Outbox.ApplyAsync([.. first.Select(b => Result(b, SyncStatus.Created))], 501, till.Time.GetUtcNow(), CancellationToken.None);
        var second = await till.Outbox.NextBatchAsync(CancellationToken.None);

        Assert.Equal(receipts.Skip(500).Select(r => r.TillSeq), second.Select(b => b.TillSeq));
        Assert.Equal(100, (await till.Outbox.StateAsync(CancellationToken.None)).QueueDepth);
    }

    [Fact]
    public async Task NextBatch_LargeOrders_StaysWithinSyncBodyBytesMax()
    {
        await using var till = await LocalTill.CreateAsync();
        var bigCart = Carts.PaidInCash([.. Enumerable.Range(0, Limits.OrderLinesMax).Select(i => i % 2 == 0 ? new CartLine("MILK-500ML", 1) : new CartLine("SUGAR-LOOSE", 1.125m))]);
        await SellAsync(till, 120, bigCart);

        var batch = await till.Outbox.NextBatchAsync(CancellationToken.None);

        var bodyBytes = 64 + batch.Sum(b => b.Json.Length + 1);
        Assert.InRange(batch.Count, 2, 119);
        Assert.True(bodyBytes <= Limits.SyncBodyBytesMax, $"{batch.Count} orders make {bodyBytes} bytes");
        Assert.Equal(Enumerable.Range(1, batch.Count).Select(n => (long)n), batch.Select(b => b.TillSeq));
    }

    [Fact]
    public async Task NextBatch_EmptyQueue_IsEmpty()
    {
        await using var till = await LocalTill.CreateAsync();

        Assert.Empty(await till.Outbox.NextBatchAsync(CancellationToken.None));
        Assert.Equal(new QueueState(0, null, 0), await till.Outbox.StateAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Apply_EachStatus_MovesTheSaleAsDesignSection5Says()
    {
        await using var till = await LocalTill.CreateAsync();
        var receipts = await SellAsync(till, 6);
        var batch = await till.Outbox.NextBatchAsync(CancellationToken.None);
        DocumentResult[] results =
        [
            Result(batch[0], SyncStatus.Created),
            Result(batch[1], SyncStatus.Duplicate),
            Result(batch[2], SyncStatus.Rejected, SyncReasons.TotalsMismatch, "totals sent … but the lines give …"),
            Result(batch[3], SyncStatus.Conflict, SyncReasons.PayloadMismatch, "known with other content"),
            Result(batch[4], SyncStatus.NotProcessed, SyncReasons.RetryLater),
            Result(batch[5], SyncStatus.NotProcessed, SyncReasons.RetryLater),
        ];

        var applied = await till.Outbox.ApplyAsync(results, 5, till.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal((2, 1, 1, 2, 0), (applied.Synced, applied.Rejected, applied.Conflicts, applied.NotProcessed, applied.Requeued));
        Assert.Null(applied.UnsupportedKind);
        var states = (await till.Outbox.RecentAsync(10, null, CancellationToken.None)).OrderBy(s => s.TillSeq).Select(s => s.SyncState);
        Assert.Equal([SyncStates.Synced, SyncStates.Synced, SyncStates.Rejected, SyncStates.Conflict, SyncStates.Pending, SyncStates.Pending], states);
        // The queue is the conflict and the two not processed (pending go first); rejected and conflict need attention.
        Assert.Equal([receipts[4].TillSeq, receipts[5].TillSeq], (await till.Outbox.NextBatchAsync(CancellationToken.None)).Select(b => b.TillSeq));
        var state = await till.Outbox.StateAsync(CancellationToken.None);
        Assert.Equal((3, receipts[3].CreatedAt, 2), (state.QueueDepth, state.OldestUnsyncedAt, state.AttentionCount));
        var attention = await till.Outbox.AttentionAsync(CancellationToken.None);
        Assert.Equal(
            [(receipts[3].ClientOrderId, "conflict", SyncReasons.PayloadMismatch, "known with other content"),
             (receipts[2].ClientOrderId, "rejected", SyncReasons.TotalsMismatch, "totals sent … but the lines give …")],
            attention.Select(a => (a.DocumentId, a.Status, a.Reason, a.Detail)));
        Assert.Equal(SyncStates.Rejected, (await till.Sales.ReceiptAsync(receipts[2].ClientOrderId, CancellationToken.None))!.SyncState);
    }

    [Fact]
    public async Task NextBatch_ConflictsAndPending_SendsPendingFirstAndConflictsOnlyWhenNoneIsPending()
    {
        await using var till = await LocalTill.CreateAsync();
        var receipts = await SellAsync(till, 5);
        var batch = await till.Outbox.NextBatchAsync(CancellationToken.None);
        await till.Outbox.ApplyAsync(
            [.. batch.Select(b => b.TillSeq <= 2 ? Result(b, SyncStatus.Conflict, SyncReasons.SeqReused) : Result(b, SyncStatus.NotProcessed, SyncReasons.RetryLater))],
            3, till.Time.GetUtcNow(), CancellationToken.None); // seq_reused for 1 and 2: HQ is already at 3

        var pendingFirst = await till.Outbox.NextBatchAsync(CancellationToken.None);
        await till.Outbox.ApplyAsync([.. pendingFirst.Select(b => Result(b, SyncStatus.Created))], 6, till.Time.GetUtcNow(), CancellationToken.None);
        var conflictsThen = await till.Outbox.NextBatchAsync(CancellationToken.None);

        Assert.Equal([3L, 4L, 5L], pendingFirst.Select(b => b.TillSeq));
        Assert.Equal([receipts[0].ClientOrderId, receipts[1].ClientOrderId], conflictsThen.Select(b => b.DocumentId));
        Assert.Equal((2, receipts[0].CreatedAt), await QueueAsync(till));
    }

    [Fact]
    public async Task Apply_HqNextSeqAtOrBelowConflicts_ResendsThemAsPending()
    {
        await using var till = await LocalTill.CreateAsync();
        await SellAsync(till, 3);
        var batch = await till.Outbox.NextBatchAsync(CancellationToken.None);
        await till.Outbox.ApplyAsync([.. batch.Select(b => Result(b, SyncStatus.Conflict, SyncReasons.PayloadMismatch))], 4, till.Time.GetUtcNow(), CancellationToken.None);

        // HQ now says it holds only sales 1 and 2 (restored from a backup): sale 3's conflict is HQ's to decide again.
        await till.Outbox.ApplyAsync([], 3, till.Time.GetUtcNow(), CancellationToken.None);
        var next = await till.Outbox.NextBatchAsync(CancellationToken.None);

        Assert.Equal([3L], next.Select(b => b.TillSeq));
        Assert.Equal(2, (await till.Outbox.AttentionAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Apply_ConflictThenCreated_LeavesTheQueueAndAttention()
    {
        await using var till = await LocalTill.CreateAsync();
        await SellAsync(till, 1);
        var batch = await till.Outbox.NextBatchAsync(CancellationToken.None);
        await till.Outbox.ApplyAsync([Result(batch[0], SyncStatus.Conflict, SyncReasons.SeqReused)], 1, till.Time.GetUtcNow(), CancellationToken.None);

        await till.Outbox.ApplyAsync([Result(batch[0], SyncStatus.Created)], 2, till.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(new QueueState(0, null, 0), await till.Outbox.StateAsync(CancellationToken.None));
        Assert.Empty(await till.Outbox.AttentionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Apply_HqNextSeqBelowSyncedSales_RequeuesThemInOrder()
    {
        await using var till = await LocalTill.CreateAsync();
        var receipts = await SellAsync(till, 10);
        var batch = await till.Outbox.NextBatchAsync(CancellationToken.None);
        await till.Outbox.ApplyAsync(
            [.. batch.Select(b => b.TillSeq == 8 ? Result(b, SyncStatus.Rejected, SyncReasons.UnknownSku) : Result(b, SyncStatus.Created))],
            11, till.Time.GetUtcNow(), CancellationToken.None);

        // A heartbeat to an HQ restored from a backup taken after sale 5.
        var applied = await till.Outbox.ApplyAsync([], 6, till.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(5, applied.Requeued);
        Assert.Equal(receipts.Skip(5).Select(r => (r.TillSeq, r.ClientOrderId)), (await till.Outbox.NextBatchAsync(CancellationToken.None)).Select(b => (b.TillSeq, b.DocumentId)));
        Assert.Equal((5, receipts[5].CreatedAt), await QueueAsync(till));
    }

    [Fact]
    public async Task Apply_HqNextSeqAboveTheQueue_RequeuesNothing()
    {
        await using var till = await LocalTill.CreateAsync();
        await SellAsync(till, 3);
        var batch = await till.Outbox.NextBatchAsync(CancellationToken.None);

        var applied = await till.Outbox.ApplyAsync([.. batch.Select(b => Result(b, SyncStatus.Created))], 4, till.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal((3, 0, 0, 0, 0), (applied.Synced, applied.Rejected, applied.Conflicts, applied.NotProcessed, applied.Requeued));
        Assert.Equal((0, (DateTimeOffset?)null), await QueueAsync(till));
    }

    [Fact]
    public async Task Apply_RecordsWhenHqAnswered()
    {
        await using var till = await LocalTill.CreateAsync();
        await SellAsync(till, 1);
        var batch = await till.Outbox.NextBatchAsync(CancellationToken.None);
        var answeredAt = till.Time.GetUtcNow().AddMinutes(3);

        await till.Outbox.ApplyAsync([Result(batch[0], SyncStatus.Rejected, SyncReasons.InvalidCreatedAt)], 2, answeredAt, CancellationToken.None);

        Assert.Equal(answeredAt, Assert.Single(await till.Outbox.AttentionAsync(CancellationToken.None)).At);
        await using var connection = new SqliteConnection($"Data Source={till.Database.FilePath}");
        await connection.OpenAsync();
        Assert.Equal(StoredTime.Text(answeredAt), await connection.Command("SELECT synced_at FROM documents").ScalarAsync(CancellationToken.None));
    }

    private static async Task<List<Receipt>> SellAsync(LocalTill till, int count, SaleRequest? sale = null)
    {
        var receipts = new List<Receipt>(count);
        for (var i = 0; i < count; i++)
        {
            receipts.Add(await till.SellAsync(sale ?? Milk));
        }

        return receipts;
    }

    private static async Task<(int Depth, DateTimeOffset? Oldest)> QueueAsync(LocalTill till)
    {
        var state = await till.Outbox.StateAsync(CancellationToken.None);
        return (state.QueueDepth, state.OldestUnsyncedAt);
    }

    private static DocumentResult Result(QueuedDocument document, SyncStatus status, string? reason = null, string? detail = null) =>
        new(document.Kind, document.DocumentId, document.TillSeq, status, null, null, false, [], reason, null, detail);
}

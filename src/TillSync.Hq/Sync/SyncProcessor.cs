using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Hq.Access;
using TillSync.Hq.Orders;
using TillSync.Hq.Reviews;
using TillSync.Hq.Storage;

namespace TillSync.Hq.Sync;

/// <summary>Applies one sync batch per DESIGN §4 in one database transaction and answers only after it commits. The
/// batch is decided in memory, order by order, and written at the end (<see cref="OrderBatch"/>).</summary>
public sealed partial class SyncProcessor(HqDatabase database, SyncGate gate, TimeProvider time, ILogger<SyncProcessor> logger)
{
    /// <summary>Test-only fault for the simulator's proof that its checker catches broken dedup: when set, every id in a
    /// batch is treated as one HQ has never seen. Internal, visible to TillSync.Simulation only; <c>tillsync hq</c> has
    /// no way to set it.</summary>
    internal bool ForgetKnownIds { get; set; }

    /// <summary>Processes the batch of <paramref name="till"/>; the envelope has already been checked.</summary>
    public async Task<SyncResponse> ProcessAsync(Caller till, SyncRequest request, CancellationToken cancellationToken)
    {
        var orders = request.Orders;
        // Pure CPU work before the gate, so that it overlaps another till's write instead of holding the writer.
        var fingerprints = orders.Select(OrderFingerprint.Compute).ToArray();
        // SQLite has one writer at a time anyway; queueing here spares its busy handler. PostgreSQL runs tills in parallel.
        using var turn = database.Engine == StoreEngine.Sqlite ? await gate.EnterAsync(cancellationToken) : null;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var state = await TillState.LoadAsync(connection, transaction, till.Id, database.LockRowSql, cancellationToken);
        var known = await KnownOrder.FindAsync(connection, transaction, orders.Select(o => o.ClientOrderId).ToList(), cancellationToken);
        if (ForgetKnownIds)
        {
            known.Clear();
        }

        var now = time.GetUtcNow();
        var newOrders = orders.Where(o => !known.ContainsKey(o.ClientOrderId)).ToList();
        var batch = await OrderBatch.BeginAsync(
            connection, transaction, state, newOrders, now, database.Engine == StoreEngine.Postgres, database.BulkParametersPerStatement, cancellationToken);
        var results = new SyncResult[orders.Count];
        var nextSeq = state.NextSeq;
        var gap = false;
        var conflicts = new List<(OrderDto Order, SyncResult Result)>();
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i];
            var fingerprint = fingerprints[i];
            if (known.TryGetValue(order.ClientOrderId, out var seen))
            {
                results[i] = seen.Answer(order, till.Id, fingerprint);
            }
            else if (gap)
            {
                results[i] = SyncResults.NotProcessed(order, SyncReasons.SeqGap, nextSeq, SeqGapDetail);
            }
            else if (order.TillSeq < nextSeq)
            {
                results[i] = SyncResults.Conflict(order, SyncReasons.SeqReused, nextSeq,
                    $"tillSeq {order.TillSeq} was already used by another sale; HQ expects {nextSeq}. Was the till restored from a backup?");
                LogSeqReused(till.Id, order.ClientOrderId, order.TillSeq, nextSeq);
            }
            else if (order.TillSeq > nextSeq)
            {
                gap = true;
                results[i] = SyncResults.NotProcessed(order, SyncReasons.SeqGap, nextSeq, SeqGapDetail);
            }
            else
            {
                results[i] = batch.Record(order, fingerprint);
                nextSeq++;
            }

            if (results[i].Status == SyncStatus.Conflict)
            {
                conflicts.Add((order, results[i]));
            }
        }

        // A transient failure from here on rolls the whole batch back; the endpoint answers 503 and nothing is stored.
        await batch.FlushAsync(connection, transaction, cancellationToken);
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = batch.WithStockFlag(results[i]);
        }

        await SyncConflicts.OpenAsync(connection, transaction, state, conflicts, now, cancellationToken);
        await TillState.SaveAsync(connection, transaction, till.Id, nextSeq, now, request.Status, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogBatch(till.Id, orders.Count, results.Count(r => r.Status == SyncStatus.Created),
            results.Count(r => r.Replayed), results.Count(r => r.Status == SyncStatus.Rejected && !r.Replayed),
            results.Count(r => r.Status == SyncStatus.Conflict), results.Count(r => r.Status == SyncStatus.NotProcessed), nextSeq);
        return new SyncResponse(results, nextSeq);
    }

    private const string SeqGapDetail = "an earlier sale of this till has not reached HQ; resend from expectedSeq";

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Sync from till {TillId}: {Orders} orders, {Created} created, {Replayed} replayed, {Rejected} rejected, {Conflicts} conflicts, {NotProcessed} not processed; nextSeq {NextSeq}")]
    private partial void LogBatch(long tillId, int orders, int created, int replayed, int rejected, int conflicts, int notProcessed, long nextSeq);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Till {TillId} sent new order {ClientOrderId} with tillSeq {TillSeq} below nextSeq {NextSeq}: its counter went backwards")]
    private partial void LogSeqReused(long tillId, Guid clientOrderId, long tillSeq, long nextSeq);
}

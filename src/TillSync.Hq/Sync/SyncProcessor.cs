using System.Data.Common;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Hq.Access;
using TillSync.Hq.Orders;
using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Sync;

/// <summary>Applies one sync batch per DESIGN §4 in one database transaction and answers only after it commits.
/// Each order runs inside a savepoint so that a transient failure keeps the prefix before it and answers the rest
/// <c>retry_later</c>.</summary>
public sealed partial class SyncProcessor(HqDatabase database, SyncGate gate, TimeProvider time, ILogger<SyncProcessor> logger)
{
    /// <summary>Processes the batch of <paramref name="till"/>; the envelope has already been checked.</summary>
    public async Task<SyncResponse> ProcessAsync(Caller till, SyncRequest request, CancellationToken cancellationToken)
    {
        var orders = request.Orders;
        // SQLite has one writer at a time anyway; queueing here spares its busy handler. PostgreSQL runs tills in parallel.
        using var turn = database.Engine == StoreEngine.Sqlite ? await gate.EnterAsync(cancellationToken) : null;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var state = await TillState.LoadAsync(connection, transaction, till.Id, database.LockRowSql, cancellationToken);
        var known = await KnownOrder.FindAsync(connection, transaction, orders.Select(o => o.ClientOrderId).ToList(), cancellationToken);
        var now = time.GetUtcNow();
        var newOrders = orders.Where(o => !known.ContainsKey(o.ClientOrderId)).ToList();
        var batch = await OrderBatch.BeginAsync(
            connection, transaction, state, newOrders, now, database.Engine == StoreEngine.Postgres, cancellationToken);
        await using (batch)
        {
            var results = new SyncResult[orders.Count];
            var nextSeq = state.NextSeq;
            string? stopReason = null;
            for (var i = 0; i < orders.Count; i++)
            {
                var order = orders[i];
                var fingerprint = OrderFingerprint.Compute(order);
                if (known.TryGetValue(order.ClientOrderId, out var seen))
                {
                    results[i] = seen.Answer(order, till.Id, fingerprint);
                }
                else if (stopReason is not null)
                {
                    results[i] = SyncResults.NotProcessed(order, stopReason, nextSeq, NotProcessedDetail(stopReason));
                }
                else if (order.TillSeq < nextSeq)
                {
                    results[i] = SyncResults.Conflict(order, SyncReasons.SeqReused, nextSeq,
                        $"tillSeq {order.TillSeq} was already used by another sale; HQ expects {nextSeq}. Was the till restored from a backup?");
                    LogSeqReused(till.Id, order.ClientOrderId, order.TillSeq, nextSeq);
                }
                else if (order.TillSeq > nextSeq)
                {
                    stopReason = SyncReasons.SeqGap;
                    results[i] = SyncResults.NotProcessed(order, stopReason, nextSeq, NotProcessedDetail(stopReason));
                }
                else
                {
                    var result = await TryRecordAsync(connection, transaction, batch, order, fingerprint, cancellationToken);
                    results[i] = result;
                    if (result.Status == SyncStatus.NotProcessed)
                    {
                        stopReason = SyncReasons.RetryLater;
                    }
                    else
                    {
                        nextSeq++;
                    }
                }
            }

            await TillState.SaveAsync(connection, transaction, till.Id, nextSeq, now, request.Status, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogBatch(till.Id, orders.Count, results.Count(r => r.Status == SyncStatus.Created),
                results.Count(r => r.Replayed), results.Count(r => r.Status == SyncStatus.Rejected && !r.Replayed),
                results.Count(r => r.Status == SyncStatus.Conflict), results.Count(r => r.Status == SyncStatus.NotProcessed), nextSeq);
            return new SyncResponse(results, nextSeq);
        }
    }

    private async Task<SyncResult> TryRecordAsync(
        DbConnection connection, DbTransaction transaction, OrderBatch batch, OrderDto order, string fingerprint, CancellationToken cancellationToken)
    {
        await connection.Command("SAVEPOINT sync_order", transaction).ExecuteAsync(cancellationToken);
        try
        {
            var result = await batch.RecordAsync(order, fingerprint, cancellationToken);
            await connection.Command("RELEASE SAVEPOINT sync_order", transaction).ExecuteAsync(cancellationToken);
            return result;
        }
        catch (Exception e) when (HqDatabase.IsTransient(e))
        {
            await connection.Command("ROLLBACK TO SAVEPOINT sync_order", transaction).ExecuteAsync(cancellationToken);
            await connection.Command("RELEASE SAVEPOINT sync_order", transaction).ExecuteAsync(cancellationToken);
            LogTransient(e, order.ClientOrderId);
            return SyncResults.NotProcessed(order, SyncReasons.RetryLater, order.TillSeq, NotProcessedDetail(SyncReasons.RetryLater));
        }
    }

    private static string NotProcessedDetail(string reason) => reason == SyncReasons.SeqGap
        ? "an earlier sale of this till has not reached HQ; resend from expectedSeq"
        : "HQ could not record this sale just now; resend it with the same id";

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Sync from till {TillId}: {Orders} orders, {Created} created, {Replayed} replayed, {Rejected} rejected, {Conflicts} conflicts, {NotProcessed} not processed; nextSeq {NextSeq}")]
    private partial void LogBatch(long tillId, int orders, int created, int replayed, int rejected, int conflicts, int notProcessed, long nextSeq);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Till {TillId} sent new order {ClientOrderId} with tillSeq {TillSeq} below nextSeq {NextSeq}: its counter went backwards")]
    private partial void LogSeqReused(long tillId, Guid clientOrderId, long tillSeq, long nextSeq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transient failure recording order {ClientOrderId}; answered retry_later")]
    private partial void LogTransient(Exception exception, Guid clientOrderId);
}

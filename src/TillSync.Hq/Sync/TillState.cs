using System.Data.Common;
using TillSync.Contracts.Sync;
using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Sync;

/// <summary>What a sync transaction needs to know about the till and the catalogue, read inside the transaction.</summary>
/// <param name="TillId">The till.</param>
/// <param name="StoreId">Its store.</param>
/// <param name="BillPrefix">Its bill prefix.</param>
/// <param name="SellerGstin">Its store's GSTIN.</param>
/// <param name="NextSeq">The <c>tillSeq</c> HQ expects next, as committed.</param>
public sealed record TillState(long TillId, long StoreId, string BillPrefix, string SellerGstin, long NextSeq)
{
    /// <summary>Reads the till's row. On SQLite the write transaction already holds the database's write lock; a
    /// server database takes the till's row lock here so that two HQ processes serialise per till.</summary>
    /// <param name="connection">The connection of the write transaction.</param>
    /// <param name="transaction">The write transaction.</param>
    /// <param name="tillId">The till.</param>
    /// <param name="lockRowSql">The engine's row-lock clause (<see cref="DatabaseEngine.LockRowSql"/>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<TillState> LoadAsync(
        DbConnection connection, DbTransaction transaction, long tillId, string lockRowSql, CancellationToken cancellationToken)
    {
        var state = await connection.Command($"""
            SELECT t.till_id, t.store_id, t.bill_prefix, s.gstin, t.next_seq
            FROM tills t JOIN stores s ON s.store_id = t.store_id
            WHERE t.till_id = @till{lockRowSql}
            """, transaction)
            .With("@till", tillId)
            .FirstOrDefaultAsync(r => new TillState(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetInt64(4)), cancellationToken);
        return state ?? throw new InvalidOperationException($"Till {tillId} authenticated but has no row.");
    }

    /// <summary>Stores the till's new <c>next_seq</c>, the time of this sync and the queue it reported (when it did). A
    /// batch another till relayed (ADR 0020) passes no <paramref name="at"/>: the origin did not reach HQ itself, so its
    /// last sync time — what the fleet page judges a till offline by — stays.</summary>
    public static Task<int> SaveAsync(
        DbConnection connection, DbTransaction transaction, long tillId, long nextSeq, DateTimeOffset? at, TillStatusReport? status,
        CancellationToken cancellationToken)
    {
        var reported = status is null ? "" : ", reported_queue_depth = @depth, reported_oldest_unsynced_at = @oldest";
        var contact = at is null ? "" : ", last_sync_at = @at";
        var command = connection.Command($"UPDATE tills SET next_seq = @next{contact}{reported} WHERE till_id = @till", transaction)
            .With("@next", nextSeq).With("@till", tillId);
        if (at is { } syncedAt)
        {
            command.With("@at", StoredTime.Text(syncedAt));
        }

        if (status is not null)
        {
            command.With("@depth", status.QueueDepth)
                .With("@oldest", status.OldestUnsyncedAt is { } oldest ? StoredTime.Text(oldest) : null);
        }

        return command.ExecuteAsync(cancellationToken);
    }
}

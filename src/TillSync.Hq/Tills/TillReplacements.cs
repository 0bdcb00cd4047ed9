using System.Data.Common;
using TillSync.Contracts.Tills;
using TillSync.Hq.Access;
using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Tills;

/// <summary>A till's token as a device's credential: revoked, rotated, or handed to a new device that replaces a dead one
/// (docs/operations.md). The rows and SQL of <c>tills.revoked_at</c> and <c>till_replacements</c>.</summary>
public static class TillReplacements
{
    /// <summary>Most numbers a manager may leave unused beyond the dead till's reported queue.</summary>
    public const int ReserveMax = 100_000;

    /// <summary>Revokes the till's token unless it already is; returns when it was revoked, or null when there is no such till.</summary>
    public static async Task<DateTimeOffset?> RevokeAsync(
        DbConnection connection, DbTransaction transaction, HqDatabase database, long tillId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var till = await LockAsync(connection, transaction, database, tillId, cancellationToken);
        if (till is null)
        {
            return null;
        }

        if (till.RevokedAt is { } already)
        {
            return already;
        }

        await connection.Command("UPDATE tills SET revoked_at = @at WHERE till_id = @till", transaction)
            .With("@at", StoredTime.Text(now)).With("@till", tillId).ExecuteAsync(cancellationToken);
        return now;
    }

    /// <summary>Gives the till a new token (the old one is refused from now on, a revocation is lifted); null when there
    /// is no such till.</summary>
    public static async Task<string?> RotateAsync(
        DbConnection connection, DbTransaction transaction, HqDatabase database, long tillId, CancellationToken cancellationToken)
    {
        if (await LockAsync(connection, transaction, database, tillId, cancellationToken) is null)
        {
            return null;
        }

        var token = Tokens.New("till_");
        await connection.Command("UPDATE tills SET token_hash = @hash, revoked_at = NULL WHERE till_id = @till", transaction)
            .With("@hash", Tokens.Hash(token)).With("@till", tillId).ExecuteAsync(cancellationToken);
        return token;
    }

    /// <summary>Replaces the till's device: HQ's <c>next_seq</c> skips the queue the dead till last reported and
    /// <paramref name="reserve"/> more, the gap is recorded, the token rotated, and the dead device's receipt key
    /// forgotten so that the new one registers its own. Null when there is no such till.</summary>
    public static async Task<TillReplacementResult?> ReplaceAsync(
        DbConnection connection, DbTransaction transaction, HqDatabase database, long tillId, int reserve, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var till = await LockAsync(connection, transaction, database, tillId, cancellationToken);
        if (till is null)
        {
            return null;
        }

        var lastBill = await connection.Command(
                "SELECT bill_no FROM orders WHERE till_id = @till ORDER BY till_seq DESC LIMIT 1", transaction)
            .With("@till", tillId).ScalarAsync(cancellationToken) as string;
        // Each document the dead till queued took one tillSeq and at most one bill number, and a till's bill numbers never
        // run ahead of its tillSeq (SnapshotStore raises both together), so starting the new device past the skipped
        // range leaves every number the dead till may have printed unused.
        var skipped = (long)(till.ReportedQueueDepth ?? 0) + reserve;
        var gap = new TillGap(tillId, till.NextSeq, till.NextSeq + skipped - 1, lastBill, till.ReportedQueueDepth, till.ReportedAt, reserve, now);
        await connection.Command("""
            INSERT INTO till_replacements (till_id, undelivered_from_seq, undelivered_to_seq, last_delivered_bill_no, reported_queue_depth,
                                           reported_at, reserved, replaced_at)
            VALUES (@till, @from, @to, @bill, @depth, @reported, @reserve, @at)
            """, transaction)
            .With("@till", tillId).With("@from", gap.FromSeq).With("@to", gap.ToSeq).With("@bill", lastBill)
            .With("@depth", till.ReportedQueueDepth).With("@reported", till.ReportedAt is { } at ? StoredTime.Text(at) : null)
            .With("@reserve", reserve).With("@at", StoredTime.Text(now)).ExecuteAsync(cancellationToken);
        var token = Tokens.New("till_");
        await connection.Command("""
            UPDATE tills SET token_hash = @hash, revoked_at = NULL, next_seq = @next, reported_queue_depth = NULL,
                             reported_oldest_unsynced_at = NULL
            WHERE till_id = @till
            """, transaction)
            .With("@hash", Tokens.Hash(token)).With("@next", gap.ToSeq + 1).With("@till", tillId).ExecuteAsync(cancellationToken);
        await connection.Command("DELETE FROM till_keys WHERE till_id = @till", transaction).With("@till", tillId).ExecuteAsync(cancellationToken);
        return new TillReplacementResult(tillId, token, gap.ToSeq + 1, gap);
    }

    /// <summary>Every gap replacements of the till left, oldest first; null when there is no such till.</summary>
    public static async Task<IReadOnlyList<TillGap>?> GapsAsync(DbConnection connection, long tillId, CancellationToken cancellationToken)
    {
        if (await connection.Command("SELECT 1 FROM tills WHERE till_id = @till").With("@till", tillId).ScalarAsync(cancellationToken) is null)
        {
            return null;
        }

        return await connection.Command("""
                SELECT undelivered_from_seq, undelivered_to_seq, last_delivered_bill_no, reported_queue_depth, reported_at, reserved, replaced_at
                FROM till_replacements WHERE till_id = @till ORDER BY replacement_id
                """)
            .With("@till", tillId)
            .ListAsync(r => new TillGap(tillId, r.GetInt64(0), r.GetInt64(1), r.NullableString(2), r.IsDBNull(3) ? null : r.GetInt32(3),
                r.IsDBNull(4) ? null : StoredTime.Parse(r.GetString(4)), r.GetInt32(5), StoredTime.Parse(r.GetString(6))), cancellationToken);
    }

    private static async Task<TillRow?> LockAsync(
        DbConnection connection, DbTransaction transaction, HqDatabase database, long tillId, CancellationToken cancellationToken) =>
        await connection.Command($"""
                SELECT t.next_seq, t.revoked_at, t.reported_queue_depth, t.last_sync_at FROM tills t WHERE t.till_id = @till{database.LockRowSql}
                """, transaction)
            .With("@till", tillId)
            .FirstOrDefaultAsync(r => new TillRow(
                r.GetInt64(0),
                r.IsDBNull(1) ? null : StoredTime.Parse(r.GetString(1)),
                r.IsDBNull(2) ? null : r.GetInt32(2),
                r.IsDBNull(3) ? null : StoredTime.Parse(r.GetString(3))), cancellationToken);

    private sealed record TillRow(long NextSeq, DateTimeOffset? RevokedAt, int? ReportedQueueDepth, DateTimeOffset? ReportedAt);
}

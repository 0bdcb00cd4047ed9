using TillSync.Contracts.Documents;
using TillSync.Storage;
using TillSync.Till.Outbox;
using TillSync.Till.Storage;

namespace TillSync.Till.Chain;

/// <summary>HQ's signed statements about this till, and its signed rejections of this till's documents, that a peer
/// carried back after relaying them (ADR 0020).
/// One is adopted only when it is about this till, checks with the snapshot's HQ key and names this till's own entry
/// (the same hash at that <c>tillSeq</c>); then it is kept as the statement of a sync would be (<see cref="HqStatements"/>)
/// and the till's pending documents up to it leave the queue as synced, so that the till sends none of them again when its
/// own link returns. The peer is not trusted: it can withhold a statement but not forge one.</summary>
public sealed partial class RelayedStatements(TillDatabase database, ILogger<RelayedStatements> logger)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _rejectionsSeen = new(StringComparer.Ordinal);
    private long _adoptedSeq;
    private string? _lastIgnored;

    /// <summary>Adopts <paramref name="statement"/> when it holds; returns how many documents left the queue, or null when
    /// it was ignored (logged once per statement).</summary>
    public async Task<int?> AdoptAsync(
        HqStatementDto statement, string? hqKey, long tillId, string carriedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (statement.TillId == tillId && statement.TillSeq <= Volatile.Read(ref _adoptedSeq))
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var own = await connection.Command("SELECT chain_hash FROM documents WHERE till_seq = @seq").With("@seq", statement.TillSeq)
            .FirstOrDefaultAsync(r => r.NullableString(0), cancellationToken);
        var problem = statement.TillId != tillId ? $"it is about till {statement.TillId}, not this till"
            : !HqStatements.Checks(statement, hqKey) ? "it does not check with HQ's key from the snapshot"
            : statement.Hash is null || own != statement.Hash ? $"this till's entry at tillSeq {statement.TillSeq} has another hash (or none)"
            : null;
        if (problem is not null)
        {
            if (_lastIgnored != statement.Signature)
            {
                _lastIgnored = statement.Signature;
                LogIgnored(statement.TillSeq, carriedBy, problem);
            }

            return null;
        }

        await using var transaction = TillDatabase.BeginWrite(connection);
        await HqStatements.StoreAsync(connection, transaction, statement, hqKey, tillId, now, cancellationToken);
        var delivered = await DocumentOutbox.DeliveredThroughAsync(connection, transaction, statement.TillSeq, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Volatile.Write(ref _adoptedSeq, statement.TillSeq);
        if (delivered > 0)
        {
            LogAdopted(delivered, statement.TillSeq, carriedBy);
        }

        return delivered;
    }

    /// <summary>Adopts HQ's signed rejections of this till's documents that a peer carried back (ADR 0020): each one about
    /// this till, signed with the snapshot's HQ key and naming this till's own document at its <c>tillSeq</c>, marks that
    /// document rejected with HQ's reason and sentence — as this till's own sync would have — whether it was still queued
    /// or already taken as synced on HQ's statement. Any other is ignored and logged once. Returns how many it marked.</summary>
    public async Task<int> AdoptRejectionsAsync(
        IReadOnlyList<HqOutcomeDto> rejections, string? hqKey, long tillId, string carriedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejections);
        var fresh = rejections.Where(r => !_rejectionsSeen.ContainsKey(r.Signature)).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = TillDatabase.BeginWrite(connection);
        await using var reject = connection.Command("""
            UPDATE documents SET sync_state = 'rejected', sync_reason = @reason, sync_detail = @detail, synced_at = @at
            WHERE till_seq = @seq AND document_id = @id AND sync_state IN ('pending', 'synced')
            """, transaction)
            .With("@reason", "").With("@detail", null).With("@at", StoredTime.Text(now)).With("@seq", 0L).With("@id", "");
        var marked = 0;
        foreach (var rejection in fresh)
        {
            var own = await connection.Command("SELECT document_id FROM documents WHERE till_seq = @seq", transaction).With("@seq", rejection.TillSeq)
                .FirstOrDefaultAsync(r => r.GetString(0), cancellationToken);
            var problem = rejection.TillId != tillId ? $"it is about till {rejection.TillId}, not this till"
                : !HqStatements.Checks(rejection, hqKey) ? "it does not check with HQ's key from the snapshot"
                : own != rejection.DocumentId.ToString("D") ? $"this till's document at tillSeq {rejection.TillSeq} is another (or none)"
                : null;
            if (problem is not null)
            {
                LogRejectionIgnored(rejection.TillSeq, carriedBy, problem);
                continue;
            }

            reject.Set("@reason", rejection.Reason);
            reject.Set("@detail", rejection.Detail);
            reject.Set("@seq", rejection.TillSeq);
            reject.Set("@id", own);
            if (await reject.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                marked++;
                LogRejectionAdopted(rejection.TillSeq, rejection.Reason, carriedBy);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var rejection in fresh)
        {
            _rejectionsSeen.TryAdd(rejection.Signature, 0);
        }

        return marked;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "HQ rejected this till's document at tillSeq {TillSeq} ({Reason}; its word relayed via {Peer})")]
    private partial void LogRejectionAdopted(long tillSeq, string reason, string peer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored HQ's rejection at tillSeq {TillSeq} carried by {Peer}: {Problem}")]
    private partial void LogRejectionIgnored(long tillSeq, string peer, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "HQ holds this till's documents up to tillSeq {TillSeq} (its statement relayed via {Peer}): {Delivered} left the queue")]
    private partial void LogAdopted(int delivered, long tillSeq, string peer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored HQ's statement at tillSeq {TillSeq} carried by {Peer}: {Problem}")]
    private partial void LogIgnored(long tillSeq, string peer, string problem);
}

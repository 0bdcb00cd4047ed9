using TillSync.Contracts.Documents;
using TillSync.Storage;
using TillSync.Till.Outbox;
using TillSync.Till.Storage;

namespace TillSync.Till.Chain;

/// <summary>HQ's signed statements about this till that a peer carried back after relaying its documents (ADR 0020).
/// One is adopted only when it is about this till, checks with the snapshot's HQ key and names this till's own entry
/// (the same hash at that <c>tillSeq</c>); then it is kept as the statement of a sync would be (<see cref="HqStatements"/>)
/// and the till's pending documents up to it leave the queue as synced, so that the till sends none of them again when its
/// own link returns. The peer is not trusted: it can withhold a statement but not forge one.</summary>
public sealed partial class RelayedStatements(TillDatabase database, ILogger<RelayedStatements> logger)
{
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

    [LoggerMessage(Level = LogLevel.Information, Message = "HQ holds this till's documents up to tillSeq {TillSeq} (its statement relayed via {Peer}): {Delivered} left the queue")]
    private partial void LogAdopted(int delivered, long tillSeq, string peer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored HQ's statement at tillSeq {TillSeq} carried by {Peer}: {Problem}")]
    private partial void LogIgnored(long tillSeq, string peer, string problem);
}

using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Hq.Access;
using TillSync.Hq.Chain;
using TillSync.Hq.Reviews;
using TillSync.Hq.Storage;

namespace TillSync.Hq.Sync;

/// <summary>The coordinator of one sync batch (ADR 0007): one database transaction, the till's row lock and
/// <c>next_seq</c>, the dedup ledger, strict per-till order, one answer per document, sent only after the commit. Each
/// new document is dispatched to its kind, which decides it in memory in <c>tillSeq</c> order; the batch is written at
/// the end, kinds' rows first, then the features' steps by stage (<see cref="WriteStage"/>). The coordinator knows the
/// order of the steps and nothing of their insides.</summary>
public sealed partial class SyncProcessor(
    HqDatabase database, SyncSpine spine, HqStatementKey statementKey, TimeProvider time, ILogger<SyncProcessor> logger)
{
    /// <summary>Test-only fault for the simulator's proof that its checker catches broken dedup: when set, every id in a
    /// batch is treated as one HQ has never seen. Internal, visible to TillSync.Simulation only; <c>tillsync hq</c> has
    /// no way to set it.</summary>
    internal bool ForgetKnownIds { get; set; }

    /// <summary>Processes the batch of <paramref name="till"/>; the envelope has already been checked. A batch another till
    /// carried (<paramref name="relayedBy"/>, ADR 0020) is the origin's own in every rule — its row lock, <c>next_seq</c>,
    /// ledger, chain and key — but is not the origin's contact with HQ: its last sync time and reported queue stay.</summary>
    public async Task<DocumentSyncResponse> ProcessAsync(
        Caller till, IReadOnlyList<IncomingDocument> documents, TillStatusReport? status, CancellationToken cancellationToken,
        Caller? relayedBy = null)
    {
        var kinds = documents.Select(d => spine.Find(d.Kind)).ToArray();
        // Pure CPU work before the writer gate, so that it overlaps another till's write instead of holding the writer.
        var fingerprints = documents.Select((d, i) => kinds[i]?.Fingerprint(d.Document)).ToArray();
        var numbers = documents.Select((d, i) => kinds[i]?.NumberOf(d.Document)).ToArray();
        await statementKey.LoadAsync(cancellationToken);
        using var turn = await database.Engine.EnterWriterAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var state = await TillState.LoadAsync(connection, transaction, till.Id, database.Engine.LockRowSql, cancellationToken);
        var known = await TillDocuments.FindAsync(database.Engine, connection, transaction, documents.Select(d => d.DocumentId).ToList(), cancellationToken);
        if (ForgetKnownIds)
        {
            known.Clear();
        }

        using var chains = await TillChains.BeginAsync(connection, transaction, till.Id, state.NextSeq, documents.Any(d => d.Chain is not null), cancellationToken);
        var batch = new SyncBatch(connection, transaction, state, time.GetUtcNow(), database.Engine, spine);
        var kindBatches = BeginKinds(batch, documents, known);
        foreach (var step in batch.Steps.Concat(kindBatches.Values))
        {
            await step.LoadAsync(batch, cancellationToken);
        }

        var ledger = new TillDocuments(database.Engine);
        var (results, nextSeq) = Decide(batch, documents, kinds, fingerprints, numbers, known, kindBatches, ledger, chains);

        // A transient failure from here on rolls the whole batch back; the endpoint answers 503 and nothing is stored.
        await ledger.WriteAsync(batch, cancellationToken);
        foreach (var stage in Enum.GetValues<WriteStage>())
        {
            foreach (var step in kindBatches.Values.Concat(batch.Steps).Where(s => s.Stage == stage))
            {
                await step.WriteAsync(batch, cancellationToken);
            }
        }

        await StoreAddedFlagsAsync(batch, results, kindBatches, cancellationToken);
        var conflicts = documents.Select((d, i) => (Document: d, Result: results[i])).Where(c => c.Result.Status == SyncStatus.Conflict).ToList();
        await SyncConflicts.OpenAsync(connection, transaction, state, conflicts, batch.Now, cancellationToken);
        await TillState.SaveAsync(connection, transaction, till.Id, nextSeq, relayedBy is null ? batch.Now : null, status, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogAnswered(till.Id, relayedBy, results, nextSeq);
        // Signed after the commit, of what the commit made HQ hold: the till checks its log against it (ADR 0016).
        return new DocumentSyncResponse(results, nextSeq, statementKey.Statement(till.Id, nextSeq - 1, chains.Head));
    }

    // Each kind's part of the batch, begun with the kind's documents HQ has not seen, in registration order.
    private Dictionary<string, IKindBatch> BeginKinds(SyncBatch batch, IReadOnlyList<IncomingDocument> documents, Dictionary<Guid, KnownDocument> known)
    {
        var kindBatches = new Dictionary<string, IKindBatch>(StringComparer.Ordinal);
        foreach (var kind in spine.Kinds)
        {
            var mine = documents.Where(d => d.Kind == kind.Kind && !known.ContainsKey(d.DocumentId)).Select(d => d.Document).ToList();
            if (mine.Count > 0)
            {
                kindBatches[kind.Kind] = kind.Begin(batch, mine);
            }
        }

        return kindBatches;
    }

    // The contract, document by document in request order: a known id is answered from the ledger; a new one at the
    // till's next tillSeq is decided by its kind and recorded; a new one past it is a gap that stops the rest; a kind HQ
    // does not know stops the rest too, so that HQ never skips a document it cannot record.
    private (DocumentResult[] Results, long NextSeq) Decide(
        SyncBatch batch, IReadOnlyList<IncomingDocument> documents, IDocumentKind?[] kinds, string?[] fingerprints, string?[] numbers,
        Dictionary<Guid, KnownDocument> known, Dictionary<string, IKindBatch> kindBatches, TillDocuments ledger, TillChains chains)
    {
        var results = new DocumentResult[documents.Count];
        var nextSeq = batch.Till.NextSeq;
        var gap = false;
        long? brokenAt = null;
        long? unsupportedAt = null;
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            if (known.TryGetValue(document.DocumentId, out var seen))
            {
                results[i] = seen.Answer(document, batch.Till.TillId, fingerprints[i] ?? "", numbers[i]);
            }
            else if (gap)
            {
                results[i] = DocumentResults.NotProcessed(document, numbers[i], SyncReasons.SeqGap, nextSeq, SeqGapDetail);
            }
            else if (brokenAt is { } brokenSeq)
            {
                results[i] = DocumentResults.NotProcessed(document, numbers[i], SyncReasons.ChainBroken, brokenSeq,
                    "an earlier document of this till broke its chain; nothing after it is recorded until a person has looked");
            }
            else if (unsupportedAt is { } blockedSeq)
            {
                results[i] = DocumentResults.NotProcessed(document, numbers[i], SyncReasons.UnsupportedKind, blockedSeq,
                    "an earlier document of this till is of a kind this HQ cannot record yet; it waits with it");
            }
            else if (document.TillSeq < nextSeq)
            {
                results[i] = DocumentResults.Conflict(document, numbers[i], SyncReasons.SeqReused, nextSeq,
                    $"tillSeq {document.TillSeq} was already used by another document; HQ expects {nextSeq}. Was the till restored from a backup?");
                LogSeqReused(batch.Till.TillId, document.DocumentId, document.TillSeq, nextSeq);
            }
            else if (document.TillSeq > nextSeq)
            {
                gap = true;
                results[i] = DocumentResults.NotProcessed(document, numbers[i], SyncReasons.SeqGap, nextSeq, SeqGapDetail);
            }
            else if (kinds[i] is null)
            {
                unsupportedAt = document.TillSeq;
                results[i] = DocumentResults.NotProcessed(document, null, SyncReasons.UnsupportedKind, document.TillSeq,
                    $"this HQ cannot record '{Clip(document.Kind)}' documents yet; upgrade HQ, then the till's queue moves on from here");
            }
            else if (document.TillSeq == nextSeq && chains.Check(document) is { } broken)
            {
                // Nothing of it is recorded and nextSeq stays: a conflict the till keeps and a review item a manager sees.
                brokenAt = document.TillSeq;
                results[i] = DocumentResults.Conflict(document, numbers[i], broken.Reason, document.TillSeq, broken.Detail);
                LogChainBroken(batch.Till.TillId, document.TillSeq, broken.Detail);
            }
            else
            {
                var decision = kindBatches[document.Kind].Decide(batch, document.Document, fingerprints[i]!);
                var rejection = decision.Rejection;
                ledger.Add(new LedgerRow(document.DocumentId, document.Kind, batch.Till.TillId, document.TillSeq, batch.Till.StoreId, fingerprints[i]!,
                    decision.Status, decision.Number, batch.Now, decision.Flags, rejection?.Reason, rejection?.Detail,
                    document.Chain is { } entry ? new LedgerChain(document.BodySha256, entry.PrevHash, entry.Hash, entry.Signature) : null));
                results[i] = new DocumentResult(document.SentKind, document.DocumentId, document.TillSeq,
                    decision.Status == DocumentStatus.Committed ? SyncStatus.Created : SyncStatus.Rejected, decision.Number, batch.Now, false,
                    decision.Flags, rejection?.Reason, null, rejection?.Detail);
                nextSeq++;
            }
        }

        return (results, nextSeq);
    }

    // Flags a step added after the documents were decided (stock_short) go first, then the decided ones: into the
    // ledger, the kind's own rows and the answer.
    private static async Task StoreAddedFlagsAsync(
        SyncBatch batch, DocumentResult[] results, Dictionary<string, IKindBatch> kindBatches, CancellationToken cancellationToken)
    {
        if (batch.Flagged.Count == 0)
        {
            return;
        }

        var complete = new Dictionary<Guid, IReadOnlyList<string>>();
        for (var i = 0; i < results.Length; i++)
        {
            var result = results[i];
            if (result is { Status: SyncStatus.Created, Replayed: false } && batch.AddedFlags(result.DocumentId) is { Count: > 0 } added)
            {
                IReadOnlyList<string> flags = [.. added, .. result.Flags.Where(f => !added.Contains(f))];
                complete[result.DocumentId] = flags;
                results[i] = result with { Flags = flags };
            }
        }

        await TillDocuments.UpdateFlagsAsync(batch, complete, cancellationToken);
        foreach (var (kind, kindBatch) in kindBatches)
        {
            // Only committed documents are flagged, and those were processed as the kind they were sent as.
            var mine = results.Where(r => r.Kind == kind && complete.ContainsKey(r.DocumentId)).ToDictionary(r => r.DocumentId, r => complete[r.DocumentId]);
            await kindBatch.FlagAsync(batch, mine, cancellationToken);
        }
    }

    private void LogAnswered(long tillId, Caller? relayedBy, DocumentResult[] results, long nextSeq)
    {
        var created = results.Count(r => r.Status == SyncStatus.Created);
        var replayed = results.Count(r => r.Replayed);
        var rejected = results.Count(r => r.Status == SyncStatus.Rejected && !r.Replayed);
        var conflicts = results.Count(r => r.Status == SyncStatus.Conflict);
        var notProcessed = results.Count(r => r.Status == SyncStatus.NotProcessed);
        if (relayedBy is null)
        {
            LogBatch(tillId, results.Length, created, replayed, rejected, conflicts, notProcessed, nextSeq);
        }
        else
        {
            LogRelayedBatch(tillId, relayedBy.Id, results.Length, created, replayed, rejected, conflicts, notProcessed, nextSeq);
        }
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private const string SeqGapDetail = "an earlier document of this till has not reached HQ; resend from expectedSeq";

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Sync from till {TillId}: {Documents} documents, {Created} created, {Replayed} replayed, {Rejected} rejected, {Conflicts} conflicts, {NotProcessed} not processed; nextSeq {NextSeq}")]
    private partial void LogBatch(long tillId, int documents, int created, int replayed, int rejected, int conflicts, int notProcessed, long nextSeq);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Sync of till {TillId} relayed by till {RelayingTillId}: {Documents} documents, {Created} created, {Replayed} replayed, {Rejected} rejected, {Conflicts} conflicts, {NotProcessed} not processed; nextSeq {NextSeq}")]
    private partial void LogRelayedBatch(
        long tillId, long relayingTillId, int documents, int created, int replayed, int rejected, int conflicts, int notProcessed, long nextSeq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Till {TillId} document at tillSeq {TillSeq} refused: {Detail}")]
    private partial void LogChainBroken(long tillId, long tillSeq, string detail);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Till {TillId} sent new document {DocumentId} with tillSeq {TillSeq} below nextSeq {NextSeq}: its counter went backwards")]
    private partial void LogSeqReused(long tillId, Guid documentId, long tillSeq, long nextSeq);
}

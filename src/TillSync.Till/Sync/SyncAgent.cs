using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Core.Receipts;
using TillSync.Till.Catalog;
using TillSync.Till.Chain;
using TillSync.Till.Metrics;
using TillSync.Till.Outbox;
using TillSync.Till.Peers;
using TillSync.Till.Receipts;
using TillSync.Till.Updates;

namespace TillSync.Till.Sync;

/// <summary>Sends the queue of documents to HQ in the background, oldest first, one sync in flight, batches of at most
/// <c>SyncOrdersMax</c>; sends a light heartbeat while idle; after each sync reads HQ's updates about its documents;
/// refreshes the catalogue snapshot and registers the till's receipt key; keeps HQ's signed statement of what it holds
/// and checks the till's log against it (<see cref="TillChain"/>); then relays the store's other tills' documents that HQ
/// does not hold yet (<see cref="PeerRelay"/>, ADR 0020); backs off (capped, with jitter) while HQ cannot
/// be reached or refuses — forever, never minting a new id to get past an error.</summary>
public sealed partial class SyncAgent(
    HqClient hq, DocumentOutbox outbox, SnapshotStore snapshots, HqUpdates updates, LinkState link, SyncSignal signal, Backoff backoff,
    ReceiptKey receiptKey, TillMetrics metrics, TimeProvider time, ILogger<SyncAgent> logger, TillChain? chain = null,
    PeerRelay? relay = null) : BackgroundService
{
    /// <summary>How often an idle, online till tells HQ it is alive (and reports its queue).</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    /// <summary>How old the catalogue snapshot may get before the till asks for a new one.</summary>
    public static readonly TimeSpan SnapshotRefreshInterval = TimeSpan.FromMinutes(5);

    private DateTimeOffset? _snapshotFetchedAt;
    private bool _keyRegistered;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await signal.WaitAsync(wait, time, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    // Only what changed since the version held, when the till holds one from an HQ that hands versions out; the whole
    // snapshot otherwise, or when the changes do not fit what is held (docs/sync.md, "The catalogue by delta").
    private async Task RefreshSnapshotAsync(CancellationToken cancellationToken)
    {
        if (snapshots.Current?.Version is { } since && await hq.ChangesAsync(since, cancellationToken) is var changes
            && (changes is null || await snapshots.ApplyAsync(changes, cancellationToken)))
        {
            return;
        }

        await snapshots.SaveAsync(await hq.SnapshotAsync(cancellationToken), cancellationToken);
    }

    /// <summary>One step: refresh the snapshot when due, then send one batch (or a heartbeat). Returns how long to wait
    /// before the next step; zero when more sales are waiting.</summary>
    public async Task<TimeSpan> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            if (snapshots.Current is null || _snapshotFetchedAt is null || now - _snapshotFetchedAt >= SnapshotRefreshInterval)
            {
                // The key first, so that the snapshot (the store's keys) already holds this till's own.
                await RegisterKeyAsync(cancellationToken);
                await RefreshSnapshotAsync(cancellationToken);
                _snapshotFetchedAt = now;
            }

            var batch = await outbox.NextBatchAsync(cancellationToken);
            var lastContact = link.Current.LastContactAt;
            if (batch.Count == 0 && link.Current.Online && lastContact is not null && now - lastContact < HeartbeatInterval)
            {
                // Idle and online: the other tills' new documents need no sync of this till's own first.
                return await RelayAsync(cancellationToken) ? TimeSpan.Zero : HeartbeatInterval - (now - lastContact.Value);
            }

            var queue = await outbox.StateAsync(cancellationToken);
            var reply = await hq.SyncAsync(batch, new TillStatusReport(queue.QueueDepth, queue.OldestUnsyncedAt), cancellationToken);
            var applied = await outbox.ApplyAsync(reply.Results, reply.NextSeq, time.GetUtcNow(), cancellationToken);
            if (chain is not null && snapshots.Current is { } current)
            {
                // HQ's signed word on what it holds of this till: a log behind it or differing from it is named, not repaired.
                await chain.ReceivedAsync(reply.Statement, current.HqKey, current.TillId, time.GetUtcNow(), cancellationToken);
            }

            // After every successful sync (heartbeats included), learn what HQ decided about this till's documents.
            await updates.PullAsync(hq, cancellationToken);
            var wait = AfterReply(batch.Count, applied);
            return await RelayAsync(cancellationToken) ? TimeSpan.Zero : wait;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong — a reset, a timeout, a captive portal's page instead of HQ's JSON, a refusal — the
            // outcome is unknown or negative: the documents stay queued with their ids and go again after the backoff.
            // The agent itself must never stop: a till that stops syncing loses nothing but silently piles up sales.
            // HQ refusing is not HQ being away: the till shows it as failing, with HQ's reason, not as offline.
            var delay = backoff.NextDelay();
            var outcome = e switch
            {
                TaskCanceledException or TimeoutException => "HQ did not answer in time",
                System.Text.Json.JsonException or NotSupportedException => "something other than HQ answered (a Wi-Fi sign-in page?)",
                HqRefusedException => e.Message,
                _ => $"HQ unreachable: {e.Message}",
            };
            if (e is HqRefusedException)
            {
                link.Refused(time.GetUtcNow(), outcome, time.GetUtcNow() + delay);
            }
            else
            {
                link.Failed(time.GetUtcNow(), outcome, time.GetUtcNow() + delay);
            }

            LogFailed(e.Message, delay.TotalSeconds);
            return delay;
        }
    }

    // The relay of the other tills' documents, only after this till's own sync has reached HQ; it never throws but for a
    // stop, so it cannot break the till's own sync (PeerRelay).
    private async Task<bool> RelayAsync(CancellationToken cancellationToken) =>
        relay is not null && snapshots.Current is { } snapshot && await relay.RelayAsync(hq, snapshot, cancellationToken);

    // What became of a batch, naming only what happened ("3 synced", "2 synced, 1 rejected"): short enough for the status bar.
    private static string SentOutcome(AppliedResults applied) =>
        string.Join(", ", new[] { (applied.Synced, "synced"), (applied.Rejected, "rejected"), (applied.Conflicts, "conflicts"), (applied.NotProcessed, "to resend") }
            .Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {p.Item2}").DefaultIfEmpty("nothing taken"));

    // The key is registered on the first snapshot after each start (HQ answers a repeat as the first time) and on each
    // refresh until it is: an HQ that refuses it (another key, an HQ from before receipt keys) does not stop the sync,
    // only the checking of this till's receipts at other tills, which the status says.
    private async Task RegisterKeyAsync(CancellationToken cancellationToken)
    {
        if (_keyRegistered)
        {
            return;
        }

        try
        {
            var key = await hq.RegisterKeyAsync(new TillKeyRegistration(ReceiptCode.Algorithm, receiptKey.PublicKey), cancellationToken);
            _keyRegistered = true;
            receiptKey.Registration = $"registered at HQ {key.RegisteredAt:yyyy-MM-dd HH:mm}Z";
        }
        catch (HqRefusedException e)
        {
            receiptKey.Registration = $"not registered: {e.Message}";
            LogKeyRefused(e.Message);
        }
    }

    private TimeSpan AfterReply(int sent, AppliedResults applied)
    {
        metrics.SyncApplied(applied);
        var now = time.GetUtcNow();
        if (applied.UnsupportedKind is { } kind)
        {
            // A newer till than HQ: HQ holds the first document of a kind it does not know, and everything after it, until
            // it is upgraded. Nothing the till resends changes that; it shows why and tries again after the backoff.
            var delay = backoff.NextDelay();
            link.Refused(now, $"HQ must be upgraded: it does not take {kind} documents yet; {applied.NotProcessed} wait on this till", now + delay);
            return delay;
        }

        if (applied.NotProcessed > 0 && applied.Requeued == 0 && applied.Synced + applied.Rejected + applied.Conflicts == 0)
        {
            // HQ answered but could take none of them now (retry_later, or a gap it is waiting for): back off.
            var delay = backoff.NextDelay();
            link.Contacted(now, $"HQ asked to retry {applied.NotProcessed} documents later");
            return delay;
        }

        backoff.Reset();
        link.Contacted(now, sent == 0 ? "up to date" : SentOutcome(applied));
        if (sent > 0)
        {
            LogSynced(sent, applied.Synced, applied.Rejected, applied.Conflicts, applied.NotProcessed);
        }

        // More may be waiting (a full batch, sales requeued because HQ lost them): go again at once. An all-conflict
        // batch would only repeat itself, so it waits for the heartbeat like an idle till.
        var progressed = applied.Synced + applied.Rejected + applied.Requeued > 0;
        return progressed ? TimeSpan.Zero : HeartbeatInterval;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "HQ did not register this till's receipt key: {Reason}")]
    private partial void LogKeyRefused(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Sent} documents: {Synced} synced, {Rejected} rejected, {Conflicts} conflicts, {NotProcessed} to resend")]
    private partial void LogSynced(int sent, int synced, int rejected, int conflicts, int notProcessed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync failed ({Reason}); retrying in {DelaySeconds:0.0} s")]
    private partial void LogFailed(string reason, double delaySeconds);
}

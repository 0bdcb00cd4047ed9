using System.Diagnostics.Metrics;
using TillSync.Till.Outbox;
using TillSync.Till.Sync;

namespace TillSync.Till.Metrics;

/// <summary>The till's instruments (meter <c>TillSync.Till</c>), after OpenTelemetry's semantic conventions as HQ's are
/// (docs/operations.md): its queue, the age of its last successful sync, what HQ answered for the documents it sent, and
/// how long recording a sale takes. The queue gauges are read from <c>till.db</c> once per scrape
/// (<see cref="RefreshAsync"/>).</summary>
public sealed class TillMetrics : IDisposable
{
    /// <summary>The meter's name, which the SDK subscribes to.</summary>
    public const string MeterName = "TillSync.Till";

    // Recording a sale is one local transaction with a full fsync: milliseconds, seconds only on a failing disk.
    private static readonly double[] SaleSecondsBounds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

    private readonly Meter _meter;
    private readonly Histogram<double> _saleDuration;
    private readonly Counter<long> _documents;
    private readonly DocumentOutbox _outbox;
    private readonly TimeProvider _time;
    private volatile QueueState _queue = new(0, null, 0);

    /// <summary>Creates the instruments.</summary>
    public TillMetrics(DocumentOutbox outbox, LinkState link, TimeProvider time)
    {
        _outbox = outbox;
        _time = time;
        _meter = new Meter(MeterName, Contracts.Status.ReleaseVersion.Current);
        _saleDuration = _meter.CreateHistogram("tillsync.sale.duration", "s",
            "Time to record a sale (check, number, store, fsync) from the cashier's request to the receipt, by outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SaleSecondsBounds });
        _documents = _meter.CreateCounter<long>("tillsync.sync.documents", "{document}",
            "Documents sent to HQ by what HQ answered: synced (committed now or before), rejected, conflict, not_processed; and requeued (HQ had lost them).");
        _meter.CreateObservableGauge("tillsync.outbox.queue.depth", () => (long)_queue.QueueDepth, "{document}",
            "Documents waiting to go to HQ (pending or in conflict).");
        _meter.CreateObservableGauge("tillsync.outbox.queue.oldest_age", () => _queue.OldestUnsyncedAt is { } oldest
            ? [new Measurement<double>((_time.GetUtcNow() - oldest).TotalSeconds)] : Array.Empty<Measurement<double>>(), "s",
            "Age of the oldest document waiting to go to HQ; absent while the queue is empty.");
        _meter.CreateObservableGauge("tillsync.sync.last_success.age", () => link.Current.LastContactAt is { } at
            ? [new Measurement<double>((_time.GetUtcNow() - at).TotalSeconds)] : Array.Empty<Measurement<double>>(), "s",
            "Time since HQ last answered and took a sync or heartbeat; absent until the first since the till started.");
    }

    /// <summary>Records how long one sale took to record (or to refuse).</summary>
    public void SaleRecorded(TimeSpan elapsed, bool recorded) =>
        _saleDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("tillsync.sale.outcome", recorded ? "recorded" : "refused"));

    /// <summary>Records what HQ answered for one sync's documents.</summary>
    public void SyncApplied(AppliedResults applied)
    {
        Add(applied.Synced, "synced");
        Add(applied.Rejected, "rejected");
        Add(applied.Conflicts, "conflict");
        Add(applied.NotProcessed, "not_processed");
        Add(applied.Requeued, "requeued");
    }

    /// <summary>Reads the queue's gauges from <c>till.db</c>.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken) => _queue = await _outbox.StateAsync(cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    private void Add(int count, string status)
    {
        if (count > 0)
        {
            _documents.Add(count, new KeyValuePair<string, object?>("tillsync.sync.status", status));
        }
    }
}

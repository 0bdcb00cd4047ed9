using System.Diagnostics.Metrics;
using TillSync.Contracts.Reviews;
using TillSync.Core.EInvoicing;
using TillSync.Hq.EInvoicing;
using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Metrics;

/// <summary>The gauges HQ reads from its database: each till's queue as the till last reported it and how long ago it
/// last called, the e-invoices waiting or parked and those near the portal's 30-day limit, the open review items by
/// kind. <see cref="RefreshAsync"/> reads them once per scrape, before the exporter collects; the gauges then answer
/// from that reading. With several HQ processes on one database each reports the same values (scrape one, or take
/// <c>max</c> across instances).</summary>
public sealed class FleetGauges(HqDatabase database, TimeProvider time)
{
    private volatile Reading _reading = new([], [], 0, []);

    /// <summary>Adds the gauges to <paramref name="meter"/>.</summary>
    public void Register(Meter meter)
    {
        meter.CreateObservableGauge("tillsync.till.queue.depth", () => _reading.Tills.Where(t => t.QueueDepth is not null)
            .Select(t => new Measurement<long>(t.QueueDepth!.Value, TillTag(t))), "{document}",
            "Documents waiting in the till's queue, as the till reported at its last sync or heartbeat.");
        meter.CreateObservableGauge("tillsync.till.queue.oldest_age", () => _reading.Tills.Where(t => t.OldestUnsyncedAge is not null)
            .Select(t => new Measurement<double>(t.OldestUnsyncedAge!.Value.TotalSeconds, TillTag(t))), "s",
            "Age of the oldest document in the till's queue: now less its time, as the till last reported it.");
        meter.CreateObservableGauge("tillsync.till.contact.age", () => _reading.Tills.Where(t => t.ContactAge is not null)
            .Select(t => new Measurement<double>(t.ContactAge!.Value.TotalSeconds, TillTag(t))), "s",
            "Time since the till last synced or sent a heartbeat (it sends one at least every minute while it runs).");
        meter.CreateObservableGauge("tillsync.einvoice.bills", () => _reading.EInvoices
            .Select(e => new Measurement<long>(e.Count, new KeyValuePair<string, object?>("tillsync.einvoice.status", e.Status))), "{bill}",
            "B2B bills not registered with the e-invoice portal: pending (being tried) and failed (parked for a manager).");
        meter.CreateObservableGauge("tillsync.einvoice.at_risk", () => _reading.EInvoicesAtRisk, "{bill}",
            $"Unregistered B2B bills dated {ReportingLimit.AtRiskFromDays} to {ReportingLimit.Days} days ago: the portal refuses them after {ReportingLimit.Days}.");
        meter.CreateObservableGauge("tillsync.review.items.open", () => _reading.OpenReviews
            .Select(r => new Measurement<long>(r.Count, new KeyValuePair<string, object?>("tillsync.review.kind", r.Kind))), "{item}",
            "Review items waiting for a manager, by kind.");
    }

    /// <summary>Reads the gauges' values from the database.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginReadAsync(connection, cancellationToken);
        var tills = await connection.Command(
                "SELECT till_id, reported_queue_depth, reported_oldest_unsynced_at, last_sync_at FROM tills ORDER BY till_id", transaction)
            .ListAsync(r => new TillReading(
                r.GetInt64(0),
                r.IsDBNull(1) ? null : r.GetInt64(1),
                r.IsDBNull(2) ? null : now - StoredTime.Parse(r.GetString(2)),
                r.IsDBNull(3) ? null : now - StoredTime.Parse(r.GetString(3))), cancellationToken);
        var unregistered = await connection.Command(
                $"SELECT status, doc_date, COUNT(*) FROM einvoices WHERE status IN ({EInvoiceStatuses.UnregisteredSql}) GROUP BY status, doc_date", transaction)
            .ListAsync(r => (Status: r.GetString(0), Date: r.GetString(1), Count: r.GetInt64(2)), cancellationToken);
        var reviews = await connection.Command("SELECT kind, COUNT(*) FROM review_items WHERE status = @open GROUP BY kind", transaction)
            .With("@open", Reviews.ReviewItems.Open)
            .ListAsync(r => (Kind: r.GetString(0), Count: r.GetInt64(1)), cancellationToken);

        var today = DocumentDates.Of(now);
        _reading = new Reading(
            tills,
            [.. new[] { EInvoiceStatuses.Pending, EInvoiceStatuses.Failed }.Select(s => (s, unregistered.Where(u => u.Status == s).Sum(u => u.Count)))],
            unregistered.Where(u => DocumentDates.TryParse(u.Date, out var date) && ReportingLimit.IsAtRisk(date, today))
                .Sum(u => u.Count),
            [.. ReviewKinds.All.Union(reviews.Select(r => r.Kind)).Select(k => (k, reviews.Where(r => r.Kind == k).Sum(r => r.Count)))]);
    }

    private static KeyValuePair<string, object?> TillTag(TillReading till) => new("tillsync.till.id", till.TillId);

    private sealed record TillReading(long TillId, long? QueueDepth, TimeSpan? OldestUnsyncedAge, TimeSpan? ContactAge);

    private sealed record Reading(
        IReadOnlyList<TillReading> Tills,
        IReadOnlyList<(string Status, long Count)> EInvoices,
        long EInvoicesAtRisk,
        IReadOnlyList<(string Kind, long Count)> OpenReviews);
}

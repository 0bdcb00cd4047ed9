using System.Diagnostics.Metrics;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;

namespace TillSync.Hq.Metrics;

/// <summary>HQ's instruments (meter <c>TillSync.Hq</c>), named and measured after OpenTelemetry's semantic conventions:
/// dotted lowercase names, units in UCUM (<c>s</c>, <c>{document}</c>), attributes namespaced <c>tillsync.*</c> beside the
/// conventions' own (<c>error.type</c>, <c>db.system.name</c>). The gauges read from the database are in
/// <see cref="FleetGauges"/>; docs/operations.md lists them all with the alerts built on them.</summary>
public sealed class HqMetrics : IDisposable
{
    /// <summary>The meter's name, which the SDK subscribes to.</summary>
    public const string MeterName = "TillSync.Hq";

    // Bucket bounds for a sync batch: a heartbeat takes milliseconds, a full batch of 500 on a busy disk seconds.
    private static readonly double[] BatchSecondsBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private static readonly Dictionary<SyncStatus, string> StatusNames = Enum.GetValues<SyncStatus>()
        .ToDictionary(s => s, s => JsonSerializer.Serialize(s, TillSyncJsonContext.Default.SyncStatus).Trim('"'));

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _documents;
    private readonly Counter<long> _relayedDocuments;
    private readonly Histogram<double> _batchDuration;
    private readonly Counter<long> _databaseErrors;

    /// <summary>Creates the instruments; <paramref name="fleet"/>'s gauges join the same meter.</summary>
    public HqMetrics(FleetGauges fleet)
    {
        _meter = new Meter(MeterName, Contracts.Status.ReleaseVersion.Current);
        _requests = _meter.CreateCounter<long>("tillsync.sync.requests", "{request}",
            "Sync requests by contract (v1, v2, relay) and outcome: answered, refused (a bad envelope or token), retry_later (the database was busy).");
        _documents = _meter.CreateCounter<long>("tillsync.sync.documents", "{document}",
            "Documents answered by kind and status; status created is a document committed now.");
        _relayedDocuments = _meter.CreateCounter<long>("tillsync.sync.relayed_documents", "{document}",
            "Documents another till of the store relayed (ADR 0020), by kind and status; also counted in tillsync.sync.documents.");
        _batchDuration = _meter.CreateHistogram("tillsync.sync.duration", "s",
            "Time from a sync request's arrival to its answer, by contract and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = BatchSecondsBounds });
        _databaseErrors = _meter.CreateCounter<long>("tillsync.database.errors", "{error}",
            "Transient database failures (busy, locked, I/O, serialisation, lost connection) that made HQ answer retry_later.");
        fleet.Register(_meter);
    }

    /// <summary>Records a sync request answered with <paramref name="reply"/>.</summary>
    public void SyncAnswered(string contract, DocumentSyncResponse reply, TimeSpan elapsed)
    {
        Request(contract, "answered", elapsed);
        foreach (var result in reply.Results)
        {
            _documents.Add(1, new("tillsync.document.kind", result.Kind), new("tillsync.sync.status", StatusNames[result.Status]));
        }
    }

    /// <summary>Records a relay request (contract <c>relay</c>, ADR 0020) answered with <paramref name="reply"/>: each
    /// document in the documents counter, and again in the relayed documents counter.</summary>
    public void RelayAnswered(RelaySyncResponse reply, TimeSpan elapsed)
    {
        Request("relay", "answered", elapsed);
        foreach (var result in reply.Groups.SelectMany(g => g.Results))
        {
            KeyValuePair<string, object?>[] tags = [new("tillsync.document.kind", result.Kind), new("tillsync.sync.status", StatusNames[result.Status])];
            _documents.Add(1, tags);
            _relayedDocuments.Add(1, tags);
        }
    }

    /// <summary>Records a sync request refused before its documents were looked at (400, 401, 403, 413, 415).</summary>
    public void SyncRefused(string contract, TimeSpan elapsed) => Request(contract, "refused", elapsed);

    /// <summary>Records a sync request answered 503 because of <paramref name="error"/>, a transient database failure.</summary>
    public void SyncRetryLater(string contract, Exception error, string databaseSystem, TimeSpan elapsed)
    {
        Request(contract, "retry_later", elapsed);
        _databaseErrors.Add(1, new("db.system.name", databaseSystem), new("error.type", ErrorType(error)));
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    private void Request(string contract, string outcome, TimeSpan elapsed)
    {
        KeyValuePair<string, object?>[] tags = [new("tillsync.sync.contract", contract), new("tillsync.sync.outcome", outcome)];
        _requests.Add(1, tags);
        _batchDuration.Record(elapsed.TotalSeconds, tags);
    }

    // The engine's own code where it has one (SQLite's result code, PostgreSQL's SQLSTATE), else the exception's type.
    private static string ErrorType(Exception error) => error switch
    {
        Microsoft.Data.Sqlite.SqliteException e => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sqlite_{e.SqliteErrorCode}"),
        Npgsql.PostgresException e => e.SqlState,
        _ => error.GetType().Name,
    };
}

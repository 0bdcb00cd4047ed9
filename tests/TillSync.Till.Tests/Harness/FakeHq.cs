// HQ as a till's HttpClient meets it, answered inside the test process: the network boundary, faked so that a test can
// give any answer HQ might (documents of a kind it does not know, 404 from an older HQ, a refusal) without an HQ that
// does. Every request is kept, so a test can assert what the till sent.
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;

namespace TillSync.Till.Tests.Harness;

/// <summary>A fake HQ: snapshot, key registration, updates (none), <c>POST /api/v2/sync</c> answered by
/// <see cref="Sync"/> and <c>POST /api/v2/sync/relay</c> by <see cref="Relay"/>; anything else is 404.</summary>
public sealed class FakeHq(TillSnapshot snapshot) : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly List<DocumentSyncRequest> _syncs = [];
    private readonly List<TillKeyRegistration> _keys = [];

    /// <summary>Answers a sync; by default every document is created and HQ expects the next tillSeq.</summary>
    public Func<DocumentSyncRequest, HttpResponseMessage> Sync { get; set; } = Accept;

    /// <summary>Answers a key registration; by default 200 with the key.</summary>
    public Func<TillKeyRegistration, HttpResponseMessage> RegisterKey { get; set; } = registration => Json(
        new TillPublicKey(snapshot.TillId, snapshot.BillPrefix, registration.Algorithm, registration.PublicKey, DateTimeOffset.UnixEpoch),
        TillSyncJsonContext.Default.TillPublicKey);

    /// <summary>Answers <c>POST /api/v2/sync/relay</c>; by default 404, as an HQ before the relay.</summary>
    public Func<HttpResponseMessage> Relay { get; set; } = () => Problem(HttpStatusCode.NotFound, "No such endpoint");

    /// <summary>How many relay requests arrived.</summary>
    public int RelayRequests => Volatile.Read(ref _relayRequests);

    private int _relayRequests;

    /// <summary>Every sync body received, in order.</summary>
    public IReadOnlyList<DocumentSyncRequest> Syncs
    {
        get
        {
            lock (_gate)
            {
                return [.. _syncs];
            }
        }
    }

    /// <summary>Every key registration received.</summary>
    public IReadOnlyList<TillKeyRegistration> Keys
    {
        get
        {
            lock (_gate)
            {
                return [.. _keys];
            }
        }
    }

    /// <summary>An HQ that takes every document: created, and <c>nextSeq</c> after the last.</summary>
    public static HttpResponseMessage Accept(DocumentSyncRequest request) => Answer(request, _ => (SyncStatus.Created, null));

    /// <summary>A reply with one result per document as <paramref name="decide"/> says.</summary>
    public static HttpResponseMessage Answer(DocumentSyncRequest request, Func<TillDocumentDto, (SyncStatus Status, string? Reason)> decide)
    {
        var results = request.Documents.Select(d =>
        {
            var (status, reason) = decide(d);
            return new DocumentResult(d.Kind, d.DocumentId, d.TillSeq, status, null, status is SyncStatus.Created or SyncStatus.Rejected ? DateTimeOffset.UnixEpoch : null,
                false, [], reason, reason == SyncReasons.UnsupportedKind ? d.TillSeq : null, reason);
        }).ToList();
        var next = results.Where(r => r.Status is SyncStatus.Created or SyncStatus.Duplicate or SyncStatus.Rejected).Select(r => r.TillSeq + 1).DefaultIfEmpty(1).Max();
        return Json(new DocumentSyncResponse(results, next), TillSyncJsonContext.Default.DocumentSyncResponse);
    }

    /// <summary>A problem+json answer.</summary>
    public static HttpResponseMessage Problem(HttpStatusCode status, string detail) =>
        new(status) { Content = new StringContent($$"""{"title":"refused","status":{{(int)status}},"detail":"{{detail}}"}""", System.Text.Encoding.UTF8, "application/problem+json") };

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        switch (request.Method.Method, path)
        {
            case ("GET", "/api/v1/till/snapshot"):
                return Json(snapshot, TillSyncJsonContext.Default.TillSnapshot);
            case ("GET", "/api/v1/till/updates"):
                return Json(new TillUpdatesPage([], 0, false), TillSyncJsonContext.Default.TillUpdatesPage);
            case ("PUT", "/api/v1/till/key"):
                var registration = (await request.Content!.ReadFromJsonAsync(TillSyncJsonContext.Default.TillKeyRegistration, cancellationToken))!;
                lock (_gate)
                {
                    _keys.Add(registration);
                }

                return RegisterKey(registration);
            case ("POST", "/api/v2/sync"):
                var body = (await request.Content!.ReadFromJsonAsync(TillSyncJsonContext.Default.DocumentSyncRequest, cancellationToken))!;
                lock (_gate)
                {
                    _syncs.Add(body);
                }

                return Sync(body);
            case ("POST", "/api/v2/sync/relay"):
                Interlocked.Increment(ref _relayRequests);
                return Relay();
            default:
                return Problem(HttpStatusCode.NotFound, "No such endpoint");
        }
    }

    private static HttpResponseMessage Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        new(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(value, type), System.Text.Encoding.UTF8, "application/json") };
}

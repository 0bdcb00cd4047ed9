using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Status;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Till.Outbox;

namespace TillSync.Till.Sync;

/// <summary>The till's HTTP client for HQ: snapshot, sync and updates, authenticated with the till's own token.</summary>
public sealed class HqClient(HttpClient http)
{
    /// <summary>The sync contract this till speaks: <c>POST /api/{SyncContract}/sync</c>.</summary>
    public const string SyncContract = "v2";

    /// <summary>How long one request may take before its outcome counts as unknown (the till resends the same ids).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Configures <paramref name="http"/> for HQ at <paramref name="hqUrl"/> with <paramref name="tillToken"/>.</summary>
    public static void Configure(HttpClient http, Uri hqUrl, string tillToken)
    {
        http.BaseAddress = hqUrl;
        http.Timeout = RequestTimeout;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tillToken);
    }

    /// <summary>HQ's current snapshot for this till.</summary>
    public async Task<TillSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri("/api/v1/till/snapshot", UriKind.Relative), cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.TillSnapshot, cancellationToken))!;
    }

    /// <summary>What changed in this till's snapshot since version <paramref name="since"/>
    /// (<c>GET /api/v1/till/snapshot/changes</c>, docs/sync.md): null when nothing did (304). An HQ that cannot answer
    /// for that version — older than deltas (404), or not knowing the token (400) — is asked for the whole snapshot, which
    /// comes back as the changes' <see cref="SnapshotChanges.Whole"/>.</summary>
    public async Task<SnapshotChanges?> ChangesAsync(string since, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"/api/v1/till/snapshot/changes?since={Uri.EscapeDataString(since)}", UriKind.Relative), cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.NotModified:
                return null;
            case HttpStatusCode.NotFound or HttpStatusCode.BadRequest:
                var whole = await SnapshotAsync(cancellationToken);
                return new SnapshotChanges(since, whole.Version ?? "", whole.NextSeq, whole.TakenAt, whole.PricingVersion ?? 0, whole.StockVersion ?? 0,
                    [], [], [], null, whole);
            default:
                await EnsureSuccessAsync(response, cancellationToken);
                return (await response.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.SnapshotChanges, cancellationToken))!;
        }
    }

    /// <summary>One page of HQ's updates about this till's sales after <paramref name="after"/>.</summary>
    public async Task<TillUpdatesPage> UpdatesAsync(long after, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(
            new Uri(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/api/v1/till/updates?after={after}"), UriKind.Relative), cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.TillUpdatesPage, cancellationToken))!;
    }

    /// <summary>Sends the queued documents (none for a heartbeat) with the queue's state to <c>POST /api/v2/sync</c>; the
    /// body carries each document's stored JSON unchanged, so a resend is byte for byte the first send. An HQ without that
    /// endpoint (404: older than till documents) is refused as such: it must be upgraded, and the till waits.</summary>
    public async Task<DocumentSyncResponse> SyncAsync(IReadOnlyList<QueuedDocument> batch, TillStatusReport status, CancellationToken cancellationToken)
    {
        var body = new StringBuilder(batch.Sum(b => b.Json.Length + 1) + 128).Append('{');
        AppendDocuments(body, batch.Select(b => (b.Json, b.Chain)).ToList());
        body.Append(",\"status\":").Append(JsonSerializer.Serialize(status, TillSyncJsonContext.Default.TillStatusReport)).Append('}');
        using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri($"/api/{SyncContract}/sync", UriKind.Relative), content, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new HqRefusedException(await OlderHqAsync(cancellationToken));
        }

        await EnsureSuccessAsync(response, cancellationToken);
        var reply = (await response.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.DocumentSyncResponse, cancellationToken))!;
        if (reply.Results.Count != batch.Count
            || reply.Results.Where((r, i) => r.DocumentId != batch[i].DocumentId || r.TillSeq != batch[i].TillSeq).Any())
        {
            throw new HqRefusedException("HQ's answer does not line up with the documents sent; they stay queued.");
        }

        return reply;
    }

    /// <summary>Relays peer tills' documents to <c>POST /api/v2/sync/relay</c> (ADR 0020), each group's documents as their
    /// stored bytes with their chain entries, and returns HQ's answer per group — results, <c>nextSeq</c> and HQ's signed
    /// statement of each peer, to be handed back to it. Null when HQ does not relay (404: an HQ before the relay); then
    /// the peers wait for their own links. A refusal (400, 403, 413) throws <see cref="HqRefusedException"/>.</summary>
    public async Task<RelaySyncResponse?> RelayAsync(IReadOnlyList<RelayedGroup> groups, CancellationToken cancellationToken)
    {
        var body = new StringBuilder(groups.Sum(g => g.Documents.Sum(d => d.Json.Length + 1)) + 128).Append("{\"groups\":[");
        for (var i = 0; i < groups.Count; i++)
        {
            body.Append(i == 0 ? "" : ",").Append("{\"tillId\":").Append(groups[i].OriginTillId).Append(',');
            AppendDocuments(body, groups[i].Documents.Select(d => (d.Json, (DocumentChainDto?)d.Chain)).ToList());
            body.Append('}');
        }

        using var content = new StringContent(body.Append("]}").ToString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri($"/api/{SyncContract}/sync/relay", UriKind.Relative), content, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, cancellationToken);
        var reply = (await response.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.RelaySyncResponse, cancellationToken))!;
        if (reply.Groups.Count != groups.Count || reply.Groups.Where((g, i) => g.TillId != groups[i].OriginTillId
                || g.Results.Count != groups[i].Documents.Count
                || g.Results.Where((r, j) => r.DocumentId != groups[i].Documents[j].DocumentId || r.TillSeq != groups[i].Documents[j].TillSeq).Any()).Any())
        {
            throw new HqRefusedException("HQ's answer to the relay does not line up with the documents sent; the peers' documents are kept.");
        }

        return reply;
    }

    // `"documents":[…]` with each document's stored JSON unchanged, and beside it `,"chain":[…]` with the entries of those
    // that have one (ADR 0016), so that each document still goes as the bytes its chain hash covers.
    private static void AppendDocuments(StringBuilder body, IReadOnlyList<(string Json, DocumentChainDto? Chain)> documents)
    {
        body.Append("\"documents\":[");
        for (var i = 0; i < documents.Count; i++)
        {
            body.Append(i == 0 ? "" : ",").Append(documents[i].Json);
        }

        body.Append(']');
        var chain = documents.Where(d => d.Chain is not null).Select(d => d.Chain!).ToList();
        if (chain.Count > 0)
        {
            body.Append(",\"chain\":").Append(JsonSerializer.Serialize(chain, TillSyncJsonContext.Default.IReadOnlyListDocumentChainDto));
        }
    }

    /// <summary>Registers the till's receipt-signing public key (<c>PUT /api/v1/till/key</c>); HQ answers with the key it
    /// holds, or refuses another key than the first (409).</summary>
    public async Task<TillPublicKey> RegisterKeyAsync(TillKeyRegistration registration, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync(new Uri("/api/v1/till/key", UriKind.Relative), registration,
            TillSyncJsonContext.Default.TillKeyRegistration, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.TillPublicKey, cancellationToken))!;
    }

    /// <summary>A committed sale of this till's store by bill number (<c>GET /api/v1/till/sales?billNo=</c>), or null when
    /// HQ has none.</summary>
    public async Task<TillSaleLookup?> FindSaleAsync(string billNo, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"/api/v1/till/sales?billNo={Uri.EscapeDataString(billNo)}", UriKind.Relative), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.TillSaleLookup, cancellationToken);
    }

    /// <summary>Relays one loyalty call to HQ (<c>GET /api/v1/till/loyalty/{phone}</c>, <c>POST /api/v1/loyalty/codes</c>,
    /// <c>POST /api/v1/loyalty/redemptions</c>): HQ's status and JSON body, for the cashier page to show as they are.</summary>
    public async Task<(int Status, string Body)> LoyaltyAsync(HttpMethod method, string path, string? jsonBody, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>HQ's release and the sync contracts it states (<c>GET /api/status</c>); null from an HQ that predates
    /// the status answer.</summary>
    public async Task<HqStatus?> StatusAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri("/api/status", UriKind.Relative), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.HqStatus, cancellationToken);
    }

    // HQ has no endpoint for this till's contract: it is of an earlier release than the till. The till refuses to go
    // on (the sales stay queued) and says what to do, naming HQ's release when HQ states it.
    private async Task<string> OlderHqAsync(CancellationToken cancellationToken)
    {
        var status = await StatusAsync(cancellationToken);
        var hq = status is null
            ? "HQ is of an earlier release than this till (it does not state its version)"
            : $"HQ {status.Version} speaks sync {string.Join(", ", status.SyncContracts)}";
        return $"{hq}; this till ({ReleaseVersion.Current}) needs sync {SyncContract}. Upgrade HQ first (docs/deploy.md); the documents stay queued.";
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var detail = "";
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            detail = problem.RootElement.TryGetProperty("detail", out var d) ? ": " + d.GetString() : "";
        }
        catch (JsonException)
        {
            // Not problem+json (a proxy's error page); the status code says enough.
        }

        throw new HqRefusedException($"HQ answered {(int)response.StatusCode} {response.ReasonPhrase}{detail}");
    }
}

/// <summary>HQ answered, but not with success; the message is for the status bar.</summary>
public sealed class HqRefusedException(string message) : Exception(message);

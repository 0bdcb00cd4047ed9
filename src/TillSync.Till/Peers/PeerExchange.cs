using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TillSync.Contracts.Tills;
using TillSync.Till.Catalog;
using TillSync.Till.Chain;
using TillSync.Till.Receipts;
using TillSync.Till.Sync;

namespace TillSync.Till.Peers;

/// <summary>The store LAN's anti-entropy loop (ADR 0019): every <see cref="PeerOptions.PollInterval"/>, or at once when
/// this till makes a document or a peer says it holds newer entries of its own, it asks each configured peer for the
/// highest <c>tillSeq</c> it holds per till and pulls, page by page, what this till lacks — from the highest copy it holds
/// of that till, so that an exchange cut mid-page resumes where it stopped. Each page is checked by
/// <see cref="PeerAcceptance"/> and stored by <see cref="PeerCopies"/>; a refusal is logged and shown, and nothing of the
/// refused entry is stored.</summary>
public sealed class PeerExchange(
    PeerOptions options, PeerCopies copies, PeerStatus status, SnapshotStore snapshots, ReceiptKey key, IHttpClientFactory http,
    SyncSignal documents, TimeProvider time, RelayedStatements? relayed = null) : BackgroundService
{
    /// <summary>The most entries in one page.</summary>
    public const int PageDocumentsMax = 200;

    /// <summary>The most document bytes in one page (one entry is always sent, however large).</summary>
    public const int PageBytesMax = 1 << 20;

    /// <summary>The most pages pulled of one till from one peer in one round, so that a long backlog does not starve the
    /// other peers; the next round carries on.</summary>
    public const int PagesPerRoundMax = 50;

    /// <summary>How long one request to a peer may take: a LAN answers in milliseconds, and a page is at most a megabyte.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The named HTTP client of the exchange.</summary>
    public const string HttpClientName = "peers";

    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Lock _gate = new();

    /// <summary>Asks the loop to run a round now; several calls before it runs count as one.</summary>
    public void Wake()
    {
        lock (_gate)
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        documents.Woken += Wake;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await RoundAsync(stoppingToken);
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                await Task.WhenAny(_wake.WaitAsync(stop.Token), Task.Delay(options.PollInterval, time, stop.Token));
                await stop.CancelAsync();
            }
        }
        finally
        {
            documents.Woken -= Wake;
        }
    }

    /// <summary>One round: every peer once.</summary>
    public async Task RoundAsync(CancellationToken cancellationToken)
    {
        if (snapshots.Current is not { } snapshot)
        {
            return;
        }

        foreach (var peer in options.Peers)
        {
            try
            {
                var stored = await PullAsync(snapshot, peer, cancellationToken);
                status.Reached(peer, stored);
                if (stored > 0)
                {
                    // New copies for the sync agent to relay when this till's link is up (ADR 0020); the round it also
                    // wakes here pulls nothing more and so wakes nobody.
                    documents.Wake();
                }
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or PeerAnswerException
                                          || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                status.Failed(peer, e.Message);
            }
        }
    }

    private async Task<int> PullAsync(TillSnapshot snapshot, Uri peer, CancellationToken cancellationToken)
    {
        var held = (await copies.HeadsAsync(snapshot.TillId, cancellationToken)).ToDictionary(h => h.TillId, h => h.TillSeq);
        var own = held.GetValueOrDefault(snapshot.TillId);
        var heads = await GetAsync(snapshot, peer, string.Create(CultureInfo.InvariantCulture, $"peer/v1/heads?mine={own}"),
            PeerJsonContext.Default.PeerHeads, cancellationToken);
        if (relayed is not null && heads.Statements?.FirstOrDefault(s => s.TillId == snapshot.TillId) is { } aboutMe)
        {
            // HQ's word on this till's documents, relayed by a till with a link: checked here, not trusted from the peer.
            await relayed.AdoptAsync(aboutMe, snapshot.HqKey, snapshot.TillId, peer.ToString(), time.GetUtcNow(), cancellationToken);
        }

        if (relayed is not null && heads.Outcomes?.Where(r => r.TillId == snapshot.TillId).ToList() is { Count: > 0 } rejectedMine)
        {
            // HQ's signed rejections of this till's relayed documents: checked here too.
            await relayed.AdoptRejectionsAsync(rejectedMine, snapshot.HqKey, snapshot.TillId, peer.ToString(), time.GetUtcNow(), cancellationToken);
        }

        var stored = 0;
        foreach (var head in heads.Heads.Where(h => h.TillId != snapshot.TillId && h.TillSeq > held.GetValueOrDefault(h.TillId)))
        {
            stored = checked(stored + await PullTillAsync(snapshot, peer, head.TillId, cancellationToken));
        }

        return stored;
    }

    private async Task<int> PullTillAsync(TillSnapshot snapshot, Uri peer, long originTillId, CancellationToken cancellationToken)
    {
        var stored = 0;
        for (var pages = 0; pages < PagesPerRoundMax; pages++)
        {
            var top = await copies.TopAsync(originTillId, cancellationToken);
            var page = await GetAsync(snapshot, peer,
                string.Create(CultureInfo.InvariantCulture, $"peer/v1/tills/{originTillId}/entries?after={top?.TillSeq ?? 0}"),
                PeerJsonContext.Default.PeerPage, cancellationToken);
            if (page.OriginTillId != originTillId)
            {
                throw new PeerAnswerException($"{peer} answered with till {page.OriginTillId}'s entries when asked for till {originTillId}'s");
            }

            var (accepted, refusal) = PeerAcceptance.Check(snapshot, originTillId, top?.TillSeq, top?.Hash, page.Entries);
            var (count, duplicate) = await copies.StoreAsync(accepted, peer.ToString(), time.GetUtcNow(), cancellationToken);
            stored = checked(stored + count);
            if ((refusal ?? duplicate) is { } refused)
            {
                status.Refused(peer, refused);
                break;
            }

            if (!page.More || page.Entries.Count == 0)
            {
                break;
            }
        }

        return stored;
    }

    private async Task<T> GetAsync<T>(TillSnapshot snapshot, Uri peer, string relative, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var uri = new Uri(peer, relative);
        var at = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add(PeerRequestSignature.Header, PeerRequestSignature.Value(snapshot.TillId, at,
            key.SignChain(PeerRequestSignature.Digest("GET", uri.PathAndQuery, at, snapshot.TillId, []))));
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new PeerAnswerException($"{peer} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return await response.Content.ReadFromJsonAsync(type, cancellationToken)
            ?? throw new PeerAnswerException($"{peer} answered with an empty body");
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}

/// <summary>A peer answered, but not with what the exchange asked for.</summary>
public sealed class PeerAnswerException(string message) : Exception(message);

using TillSync.Contracts;
using TillSync.Contracts.Sync;

namespace TillSync.Simulation.Lan;

/// <summary>Sits between a till's real <c>HqClient</c> and its simulated WAN link and reads, without changing them, HQ's
/// answers to the till's relay requests (<c>POST /api/v2/sync/relay</c>, ADR 0020): each document HQ answered for is
/// recorded with its origin (<see cref="StoreLan.Relayed"/>), for the invariants and the report, and the origins' tills are
/// asked to run an exchange round, as a peer's <c>mine</c> hint would, so that they read HQ's statement back.</summary>
internal sealed class RelayTap(StoreLan lan, int tillNumber, HttpMessageHandler link) : DelegatingHandler(link)
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!request.RequestUri!.AbsolutePath.EndsWith("/sync/relay", StringComparison.Ordinal) || !response.IsSuccessStatusCode)
        {
            return response;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var reply = System.Text.Json.JsonSerializer.Deserialize(body, TillSyncJsonContext.Default.RelaySyncResponse)!;
        foreach (var group in reply.Groups)
        {
            foreach (var result in group.Results.Where(r => r.Status is SyncStatus.Created or SyncStatus.Duplicate or SyncStatus.Rejected))
            {
                lan.Relayed.Add(new RelayedDocument(tillNumber, group.TillId, result.DocumentId, result.TillSeq, result.Status, result.Replayed));
            }
        }

        lan.RelayAnswered(tillNumber, reply.Groups.Sum(g => g.Results.Count));
        var copy = new HttpResponseMessage(response.StatusCode) { Content = new ByteArrayContent(body) };
        copy.Content.Headers.ContentType = response.Content.Headers.ContentType;
        response.Dispose();
        return copy;
    }
}

/// <summary>One document a till relayed to HQ, as HQ answered it.</summary>
/// <param name="RelayedBy">The number of the till that carried it.</param>
/// <param name="OriginTillId">HQ's id of the till that made and signed it.</param>
/// <param name="DocumentId">Its id.</param>
/// <param name="TillSeq">Its place in the origin's log.</param>
/// <param name="Status">HQ's answer.</param>
/// <param name="Replayed">True when HQ answered from what it already held.</param>
public sealed record RelayedDocument(int RelayedBy, long OriginTillId, Guid DocumentId, long TillSeq, SyncStatus Status, bool Replayed);

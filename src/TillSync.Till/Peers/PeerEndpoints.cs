using System.Globalization;
using TillSync.Till.Catalog;

namespace TillSync.Till.Peers;

/// <summary>The peer listener's two reads (ADR 0019), each only for a request <see cref="PeerAuthenticator"/> accepts:
/// <c>GET /peer/v1/heads?mine=</c> — the highest <c>tillSeq</c> this till holds per till (and, when the caller says it holds
/// more of its own chain than this till has copied, this till's exchange wakes to pull it) — and
/// <c>GET /peer/v1/tills/{tillId}/entries?after=</c> — a bounded page of that till's entries. Plain middleware on the
/// listener's own branch, apart from the cashier API and its web boundary; the till's status of the exchange is
/// <c>GET /api/peers</c> on the cashier side.</summary>
public static class PeerEndpoints
{
    private const string HeadsPath = "/peer/v1/heads";
    private const string TillsPath = "/peer/v1/tills/";
    private const string EntriesSuffix = "/entries";

    /// <summary>Answers one request on the peer listener.</summary>
    public static async Task HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var services = http.RequestServices;
        var path = http.Request.Path.Value ?? "";
        if (!HttpMethods.IsGet(http.Request.Method))
        {
            await Problem(http, new(StatusCodes.Status405MethodNotAllowed, "Method not allowed", "The peer listener only answers GET."));
            return;
        }

        var (caller, refusal) = services.GetRequiredService<PeerAuthenticator>().Check(http.Request);
        if (refusal is not null || caller is not { } callerId)
        {
            await Problem(http, refusal!);
            return;
        }

        var snapshot = services.GetRequiredService<SnapshotStore>().Current!;
        var copies = services.GetRequiredService<PeerCopies>();
        if (path == HeadsPath)
        {
            var heads = await copies.HeadsAsync(snapshot.TillId, http.RequestAborted);
            if (long.TryParse(http.Request.Query["mine"], NumberStyles.None, CultureInfo.InvariantCulture, out var mine)
                && mine > (heads.FirstOrDefault(h => h.TillId == callerId)?.TillSeq ?? 0))
            {
                services.GetRequiredService<PeerExchange>().Wake();
            }

            var relay = services.GetRequiredService<PeerRelay>();
            await TypedResults.Json(new PeerHeads(snapshot.TillId, heads, relay.Statements(), relay.Rejections(callerId)), PeerJsonContext.Default.PeerHeads)
                .ExecuteAsync(http);
            return;
        }

        if (path.StartsWith(TillsPath, StringComparison.Ordinal) && path.EndsWith(EntriesSuffix, StringComparison.Ordinal)
            && long.TryParse(path.AsSpan(TillsPath.Length, path.Length - TillsPath.Length - EntriesSuffix.Length), NumberStyles.None,
                CultureInfo.InvariantCulture, out var tillId))
        {
            if (!long.TryParse(http.Request.Query["after"], NumberStyles.None, CultureInfo.InvariantCulture, out var after))
            {
                await Problem(http, new(StatusCodes.Status400BadRequest, "Bad request", "Give ?after= as the highest tillSeq you hold of that till (0 for none)."));
                return;
            }

            var page = await copies.PageAsync(tillId, snapshot.TillId, after, http.RequestAborted);
            await TypedResults.Json(page, PeerJsonContext.Default.PeerPage).ExecuteAsync(http);
            return;
        }

        await Problem(http, new(StatusCodes.Status404NotFound, "Not found", $"The peer listener has no '{Shorten(path)}'."));
    }

    /// <summary>The exchange's status on the cashier API: <c>GET /api/peers</c>.</summary>
    public static WebApplication MapPeerStatus(this WebApplication app)
    {
        app.MapGet("/api/peers", async (PeerStatus status, PeerCopies copies, SnapshotStore snapshots, CancellationToken ct) =>
            TypedResults.Json(status.View(snapshots.Current is { } snapshot ? await copies.HeadsAsync(snapshot.TillId, ct) : []),
                PeerJsonContext.Default.PeerStatusView));
        return app;
    }

    private static Task Problem(HttpContext http, PeerRefusalAnswer refusal) =>
        TypedResults.Problem(refusal.Detail, statusCode: refusal.Status, title: refusal.Title).ExecuteAsync(http);

    private static string Shorten(string value) => value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 80), "…");
}

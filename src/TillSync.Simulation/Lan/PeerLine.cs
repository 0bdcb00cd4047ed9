using System.Globalization;

namespace TillSync.Simulation.Lan;

/// <summary>One till's end of the store LAN: the <see cref="HttpMessageHandler"/> under its exchange's HTTP client. A request
/// to <c>http://till-N.lan/</c> is answered by till N's real peer endpoints (<see cref="Till.Peers.PeerEndpoints.HandleAsync"/>,
/// its authenticator first) over an in-process <see cref="HttpContext"/>, unless either till is cut off from the LAN or till
/// N is down, which the exchange sees as a connection that fails. A request that reaches the peer meets the fate the LAN
/// draws for it (<see cref="PeerFate"/>): its answer lost, the request delivered twice, or its answer held back and read
/// late, after a newer answer to the same request. The line is the till's connections: a till that restarts gets a new one,
/// and the answers held back on the old one are gone with it.</summary>
internal sealed class PeerLine(StoreLan lan, int fromNumber) : HttpMessageHandler
{
    private readonly Dictionary<(int To, string PathAndQuery), HeldReply> _held = [];

    /// <summary>The base address of till <paramref name="number"/>'s peer listener on the simulated LAN.</summary>
    public static Uri AddressOf(int number) => new(string.Create(CultureInfo.InvariantCulture, $"http://till-{number}.lan/"));

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var toNumber = int.Parse(uri.Host.AsSpan("till-".Length, uri.Host.Length - "till-".Length - ".lan".Length), CultureInfo.InvariantCulture);
        var services = lan.Reach(fromNumber, toNumber);
        var key = (toNumber, uri.PathAndQuery);
        var fate = lan.RequestFaults.Draw(fromNumber, toNumber, uri.PathAndQuery);
        var reply = await AnswerAsync(request, services, cancellationToken);
        switch (fate)
        {
            case PeerFate.LoseReply:
                lan.PeerRequestFailed(fromNumber);
                throw new HttpRequestException("simulated: connection reset after the peer answered");
            case PeerFate.Duplicate:
                reply = await AnswerAsync(request, lan.Reach(fromNumber, toNumber), cancellationToken);
                break;
            case PeerFate.HoldReply:
                _held[key] = new HeldReply(reply);
                lan.PeerRequestFailed(fromNumber);
                throw new TaskCanceledException("simulated: the peer did not answer in time");
        }

        if (_held.TryGetValue(key, out var held) && !lan.Healed)
        {
            if (held.NewerDelivered)
            {
                _held.Remove(key);
                lan.RequestFaults.LateReplyDelivered(fromNumber, toNumber, uri.PathAndQuery);
                return held.Reply.ToResponse();
            }

            held.NewerDelivered = true;
        }

        return reply.ToResponse();
    }

    // One pass through the peer's real endpoints; a refusal is counted by its status.
    private async Task<PeerReply> AnswerAsync(HttpRequestMessage request, IServiceProvider services, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var http = new DefaultHttpContext { RequestServices = services, RequestAborted = cancellationToken };
        http.Request.Method = request.Method.Method;
        http.Request.Scheme = uri.Scheme;
        http.Request.Host = new HostString(uri.Host);
        http.Request.Path = uri.AbsolutePath;
        http.Request.QueryString = new QueryString(uri.Query);
        foreach (var header in request.Headers)
        {
            http.Request.Headers[header.Key] = header.Value.ToArray();
        }

        using var body = new MemoryStream();
        http.Response.Body = body;
        await Till.Peers.PeerEndpoints.HandleAsync(http);
        if (http.Response.StatusCode != StatusCodes.Status200OK)
        {
            lan.Count(string.Create(CultureInfo.InvariantCulture, $"peer requests refused with {http.Response.StatusCode}"));
        }

        return new PeerReply(http.Response.StatusCode, body.ToArray(), http.Response.ContentType);
    }

    // An answer held back, and whether a newer answer to the same request has reached the till since.
    private sealed class HeldReply(PeerReply reply)
    {
        public PeerReply Reply => reply;

        public bool NewerDelivered { get; set; }
    }
}

/// <summary>The exchange's HTTP clients over one till's <see cref="PeerLine"/>.</summary>
internal sealed class LanClients(HttpMessageHandler line) : IHttpClientFactory
{
    /// <inheritdoc />
    public HttpClient CreateClient(string name) => new(line, disposeHandler: false);
}

/// <summary>A handler that hands a request straight to HQ's endpoints, past the simulated WAN.</summary>
internal sealed class HqDirect(Nodes.HqNode hq) : HttpMessageHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        hq.SendAsync(request, cancellationToken);
}

using System.Globalization;

namespace TillSync.Simulation.Lan;

/// <summary>One till's end of the store LAN: the <see cref="HttpMessageHandler"/> under its exchange's HTTP client. A request
/// to <c>http://till-N.lan/</c> is answered by till N's real peer endpoints (<see cref="Till.Peers.PeerEndpoints.HandleAsync"/>,
/// its authenticator first) over an in-process <see cref="HttpContext"/>, unless either till is cut off from the LAN or till
/// N is down, which the exchange sees as a connection that fails.</summary>
internal sealed class PeerLine(StoreLan lan, int fromNumber) : HttpMessageHandler
{
    /// <summary>The base address of till <paramref name="number"/>'s peer listener on the simulated LAN.</summary>
    public static Uri AddressOf(int number) => new(string.Create(CultureInfo.InvariantCulture, $"http://till-{number}.lan/"));

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var toNumber = int.Parse(uri.Host.AsSpan("till-".Length, uri.Host.Length - "till-".Length - ".lan".Length), CultureInfo.InvariantCulture);
        var services = lan.Reach(fromNumber, toNumber);
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

        var response = new HttpResponseMessage((System.Net.HttpStatusCode)http.Response.StatusCode) { Content = new ByteArrayContent(body.ToArray()) };
        if (http.Response.ContentType is { } contentType)
        {
            response.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        return response;
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

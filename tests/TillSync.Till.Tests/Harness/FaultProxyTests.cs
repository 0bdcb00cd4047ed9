// Proves the fault proxy the till tests rely on does what each mode says: forwards, resets, black-holes until healed,
// drops or cuts an answer only after HQ committed, and cuts a request before HQ can commit it. Sends real requests through it to a real HQ process.
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Till.Tests.Harness;

public sealed class FaultProxyTests(HqFixture shop) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task Pass_ForwardsRequestAndAnswer()
    {
        await using var proxy = FaultProxy.Start(shop.Hq.BaseAddress);
        using var http = Client(proxy);

        var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        var exchange = Assert.Single(proxy.Exchanges);
        Assert.Equal(new ProxyExchange("GET", "/healthz", 200, "Healthy", false), exchange with { ResponseBytes = 0 });
        Assert.InRange(exchange.ResponseBytes, "HTTP/1.1 200 OK\r\n\r\nHealthy".Length, 4_096); // the answer's head and body as they crossed
    }

    [Fact]
    public async Task Refuse_RefusesConnectionsUntilPassListensOnTheSamePortAgain()
    {
        await using var proxy = FaultProxy.Start(shop.Hq.BaseAddress);
        using var http = Client(proxy);
        proxy.SetMode(LinkMode.Refuse);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("/healthz", UriKind.Relative)));
        proxy.SetMode(LinkMode.Pass);

        Assert.Equal(System.Net.Sockets.SocketError.ConnectionRefused, Assert.IsType<System.Net.Sockets.SocketException>(refused.InnerException).SocketErrorCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Reset_AcceptsAndResetsTheConnection()
    {
        await using var proxy = FaultProxy.Start(shop.Hq.BaseAddress);
        using var http = Client(proxy);
        proxy.SetMode(LinkMode.Reset);

        // HttpClient reports a reset during connect as a bare SocketException now and then (see Regressions/).
        var error = await Record.ExceptionAsync(() => http.GetAsync(new Uri("/healthz", UriKind.Relative)));
        Assert.True(error is HttpRequestException or System.Net.Sockets.SocketException, $"{error}");
        Assert.Empty(proxy.Exchanges);
    }

    [Fact]
    public async Task CaptivePortal_AnswersALoginPage()
    {
        await using var proxy = FaultProxy.Start(shop.Hq.BaseAddress);
        using var http = Client(proxy);
        proxy.SetMode(LinkMode.CaptivePortal);

        var response = await http.PostAsync(new Uri("/api/v1/sync", UriKind.Relative), new StringContent("{\"orders\":[]}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<html>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blackhole_HoldsTheRequestUntilTheLinkHeals()
    {
        await using var proxy = FaultProxy.Start(shop.Hq.BaseAddress);
        using var http = Client(proxy);
        proxy.SetMode(LinkMode.Blackhole);

        var request = http.GetAsync(new Uri("/healthz", UriKind.Relative));
        var first = await Task.WhenAny(request, Task.Delay(TimeSpan.FromMilliseconds(300)));
        proxy.SetMode(LinkMode.Pass);

        // Healing resets the held connection; the client may fail or (HttpClient retries a GET on a connection closed
        // before any answer) get through, but it must not hang any longer.
        Assert.NotSame(request, first);
        // Shorter than the client's own timeout, which would end a request the proxy kept holding.
        var healed = await Task.WhenAny(request, Task.Delay(Patience.Exchanges));
        Assert.Same(request, healed);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task DropResponses_HqCommitsButTheClientGetsNoAnswer()
    {
        await using var proxy = FaultProxy.Start(shop.Hq.BaseAddress);
        var till = await shop.EnrolTillAsync();
        var order = till.Orders.Next();
        using var http = Client(proxy);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", till.Token);
        proxy.DropResponses(1);

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            http.PostAsync(new Uri("/api/v1/sync", UriKind.Relative), JsonContent.Create(new SyncRequest([order]), TillSyncJsonContext.Default.SyncRequest)));
        var resent = await http.PostAsync(new Uri("/api/v1/sync", UriKind.Relative), JsonContent.Create(new SyncRequest([order]), TillSyncJsonContext.Default.SyncRequest));

        Assert.Equal("committed", (await shop.Manager.GetOrderAsync(order.ClientOrderId)).Status);
        var reply = await Responses.ExpectAsync(resent, HttpStatusCode.OK, TillSyncJsonContext.Default.SyncResponse, shop.Hq);
        Assert.Equal(SyncStatus.Duplicate, Assert.Single(reply.Results).Status);
        Assert.Equal([true, false], proxy.Exchanges.Select(e => e.Dropped));
        Assert.Contains("\"created\"", proxy.Exchanges[0].ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CutResponses_HqCommitsButTheClientGetsHalfAnAnswer()
    {
        await using var proxy = FaultProxy.Start(shop.Hq.BaseAddress);
        var till = await shop.EnrolTillAsync();
        var order = till.Orders.Next();
        using var http = SyncClient(proxy, till);
        proxy.CutResponses(1);

        var error = await Record.ExceptionAsync(() => http.PostAsync(new Uri("/api/v1/sync", UriKind.Relative), SyncBody(order)));

        Assert.True(error is HttpRequestException or IOException, $"{error}");
        Assert.Equal("committed", (await shop.Manager.GetOrderAsync(order.ClientOrderId)).Status);
        Assert.True(Assert.Single(proxy.Exchanges).Dropped);
    }

    [Fact]
    public async Task CutRequests_HqNeverSeesAWholeBatchAndStoresNothing()
    {
        await using var proxy = FaultProxy.Start(shop.Hq.BaseAddress);
        var till = await shop.EnrolTillAsync();
        var order = till.Orders.Next();
        using var http = SyncClient(proxy, till);
        proxy.CutRequests(1);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.PostAsync(new Uri("/api/v1/sync", UriKind.Relative), SyncBody(order)));

        Assert.Null(await shop.Manager.FindOrderAsync(order.ClientOrderId));
        var resent = await http.PostAsync(new Uri("/api/v1/sync", UriKind.Relative), SyncBody(order));
        var reply = await Responses.ExpectAsync(resent, HttpStatusCode.OK, TillSyncJsonContext.Default.SyncResponse, shop.Hq);
        Assert.Equal(SyncStatus.Created, Assert.Single(reply.Results).Status);
    }

    [Fact]
    public async Task Latency_DelaysBothWays()
    {
        await using var proxy = FaultProxy.Start(shop.Hq.BaseAddress);
        using var http = Client(proxy);
        proxy.Latency = TimeSpan.FromMilliseconds(200);

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        // A lower bound only (two 200 ms waits): the proxy's own delay, not a speed claim about HQ.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(400));
    }

    private static HttpClient SyncClient(FaultProxy proxy, TillClient till)
    {
        var http = Client(proxy);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", till.Token);
        return http;
    }

    private static JsonContent SyncBody(OrderDto order) => JsonContent.Create(new SyncRequest([order]), TillSyncJsonContext.Default.SyncRequest);

    private static HttpClient Client(FaultProxy proxy) => new() { BaseAddress = proxy.Address, Timeout = Patience.Request };
}

// Proves the demo's switch on a till's link to HQ: a cut link fails every request to HQ before it leaves the till, as an
// unreachable HQ does, and a restored one lets them through; a till without the switch (every till but the demo's)
// refuses to be cut and its API has no switch to offer.
using System.Net;
using TillSync.Testing;
using TillSync.Till.Sync;
using TillSync.Till.Tests.Harness;
using static TillSync.Testing.BoundaryRequests;

namespace TillSync.Till.Tests.Sync;

public sealed class LinkSwitchTests(TillFixture fixture) : IClassFixture<TillFixture>
{
    [Fact]
    public async Task DemoSwitch_CutFailsRequestsToHqAsUnreachable_RestoredLetsThemThrough()
    {
        var link = LinkSwitch.Demo();
        using var http = new HttpClient(new SwitchedLinkHandler(link) { InnerHandler = new Answering() });

        link.Set(cut: true);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("http://hq.invalid/api/v1/till/snapshot")));
        link.Set(cut: false);
        using var answered = await http.GetAsync(new Uri("http://hq.invalid/api/v1/till/snapshot"));

        Assert.Equal(SwitchedLinkHandler.CutMessage, refused.Message);
        Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
    }

    [Fact]
    public void FixedLink_RefusesToBeCut()
    {
        var link = LinkSwitch.Fixed;

        Assert.Throws<InvalidOperationException>(() => link.Set(cut: true));
        Assert.False(link.IsCut);
    }

    [Fact]
    public async Task TillWithoutTheDemo_Put404_AndItsStatusOffersNoSwitch()
    {
        using var client = new HttpClient { BaseAddress = fixture.Api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        using var response = await SendAsync(client, "PUT", "/api/demo/link", """{"cut":true}""", "application/json");
        var status = await client.GetStringAsync(new Uri("/api/status", UriKind.Relative));

        var detail = await Responses.ExpectProblemAsync(response, HttpStatusCode.NotFound, fixture.Till);
        Assert.Contains("only the tills of `tillsync demo`", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("demoLink", status, StringComparison.Ordinal);
    }

    // Stands in for HQ: answers every request that reaches it.
    private sealed class Answering : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
    }
}

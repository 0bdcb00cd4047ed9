// Proves the till's client for the relay (ADR 0020) against a real HQ process over HTTP: it sends peers' documents as
// their signed bytes, reads HQ's answer per peer, and tells an HQ that does not relay (404) from a refusal.
using System.Net;
using TillSync.Contracts.Sync;
using TillSync.Core.Chain;
using TillSync.Testing;
using TillSync.Till.Sync;

namespace TillSync.Till.Tests.Sync;

public sealed class HqClientRelayTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task Relay_PeersDocuments_CommitAndEachPeerGetsHqsSignedStatement()
    {
        using var a = await ChainedTill.EnrolAsync(fixture);
        using var c = await ChainedTill.EnrolAsync(fixture);
        using var b = await ChainedTill.EnrolAsync(fixture);
        var fromA = new[] { a.NextSale(), a.NextSale() };
        var fromC = new[] { c.NextSale() };

        var reply = await ClientOf(b).RelayAsync([Group(a, fromA), Group(c, fromC)], CancellationToken.None);
        var again = await ClientOf(b).RelayAsync([Group(a, fromA)], CancellationToken.None);

        Assert.Equal([a.Till.TillId, c.Till.TillId], reply!.Groups.Select(g => g.TillId));
        Assert.All(reply.Groups.SelectMany(g => g.Results), r => Assert.Equal(SyncStatus.Created, r.Status));
        Assert.Equal([3L, 2L], reply.Groups.Select(g => g.NextSeq!.Value));
        Assert.All(again!.Groups.Single().Results, r => Assert.Equal(SyncStatus.Duplicate, r.Status));
        // What A is handed back through its peers it can check with HQ's key alone.
        var statement = reply.Groups[0].Statement!;
        using var hqKey = DocumentChain.PublicKey((await a.Till.SnapshotAsync()).HqKey)!;
        Assert.Equal((a.Till.TillId, 2L, fromA[1].Chain!.Hash), (statement.TillId, statement.TillSeq, statement.Hash));
        Assert.True(HqStatementText.Verify(statement.TillId, statement.TillSeq, statement.Hash, statement.Signature, hqKey));
    }

    [Fact]
    public async Task Relay_RefusedRequest_Throws_AndAnHqWithoutTheRelayAnswersNull()
    {
        using var a = await ChainedTill.EnrolAsync(fixture);
        using var b = await ChainedTill.EnrolAsync(fixture);

        var own = await Assert.ThrowsAsync<HqRefusedException>(() => ClientOf(b).RelayAsync([Group(b, [b.NextSale()])], CancellationToken.None));
        using var older = new HttpClient(new OlderHq());
        HqClient.Configure(older, new Uri("http://hq.test/"), "a-till-token");
        var none = await new HqClient(older).RelayAsync([Group(a, [a.NextSale()])], CancellationToken.None);

        Assert.Contains("HQ answered 400", own.Message, StringComparison.Ordinal);
        Assert.Contains("its own documents", own.Message, StringComparison.Ordinal);
        Assert.Null(none);
    }

    private HqClient ClientOf(ChainedTill till)
    {
        var http = new HttpClient();
        HqClient.Configure(http, fixture.Hq.BaseAddress, till.Till.Token);
        return new HqClient(http);
    }

    private static RelayedGroup Group(ChainedTill origin, IReadOnlyList<ChainedTill.Entry> entries) =>
        new(origin.Till.TillId, [.. entries.Select(e => new RelayedDocument(e.Order.TillSeq, e.Order.ClientOrderId, e.Json, e.Chain!))]);

    // An HQ of a release before the relay, at the network boundary: no such path (404, as ASP.NET answers an unmapped one).
    private sealed class OlderHq : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}

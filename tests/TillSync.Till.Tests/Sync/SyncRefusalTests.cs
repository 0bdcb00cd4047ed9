// Proves what the sync agent does with each answer an HQ may give that is not "taken": a kind HQ does not know yet (a
// newer till), an HQ without the documents endpoint, a refused batch — each shown as failing with the reason, never as
// offline, and backed off — while an unreachable HQ shows offline; a damaged row goes as a placeholder in its place and the
// queue drains behind it; the receipt key is registered at first contact. The real agent, outbox and till.db; HQ faked at
// the network boundary (Harness/FakeHq) so that it can answer as no HQ of this version would.
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Storage;
using TillSync.Till.Returns;
using TillSync.Till.Sales;
using TillSync.Till.Sync;
using TillSync.Till.Tests.Harness;
using TillSync.Till.Tests.Returns;
using TillSync.Till.Updates;

namespace TillSync.Till.Tests.Sync;

public sealed class SyncRefusalTests
{
    private static readonly SaleRequest Soap = Carts.PaidInCash([new CartLine("SOAP-125G", 2)]);

    [Fact]
    public async Task Sync_HqDoesNotTakeReturnsYet_FailsUntilUpgradedThenSendsTheRestInOrder()
    {
        await using var till = await LocalTill.CreateAsync();
        var sale = await till.SellAsync(Soap);
        await ReturnRecorderTests.RecordAsync(till, ReturnRecorderTests.Return(new OriginalReference(SaleId: sale.ClientOrderId), [new ReturnLineRequest(1, 1, ReturnConditions.Restock)]));
        await till.SellAsync(Soap);
        var hq = new FakeHq(LocalTill.Snapshot(1, till.Time.GetUtcNow()));
        var held = false;
        hq.Sync = request => FakeHq.Answer(request, d =>
            (held |= d.Kind == DocumentKinds.Return) ? (SyncStatus.NotProcessed, SyncReasons.UnsupportedKind) : (SyncStatus.Created, null));
        var (agent, link) = AgentFor(till, hq);

        var wait = await agent.RunOnceAsync(CancellationToken.None);

        Assert.True(wait > TimeSpan.Zero, "the agent must back off, not resend at once");
        Assert.Equal(LinkStatus.Failing, link.Current.Status);
        Assert.Contains("HQ must be upgraded: it does not take return documents", link.Current.LastOutcome, StringComparison.Ordinal);
        Assert.Equal(2, (await till.Outbox.StateAsync(CancellationToken.None)).QueueDepth);

        hq.Sync = FakeHq.Accept; // HQ upgraded
        Assert.Equal(TimeSpan.Zero, await agent.RunOnceAsync(CancellationToken.None));

        Assert.Equal(LinkStatus.Online, link.Current.Status);
        Assert.Equal(0, (await till.Outbox.StateAsync(CancellationToken.None)).QueueDepth);
        Assert.Equal([(DocumentKinds.Return, 2L), (DocumentKinds.Sale, 3L)], hq.Syncs[^1].Documents.Select(d => (d.Kind, d.TillSeq)));
    }

    [Fact]
    public async Task Sync_HqWithoutTheDocumentsEndpoint_ShowsFailingNotOffline()
    {
        await using var till = await LocalTill.CreateAsync();
        await till.SellAsync(Soap);
        var hq = new FakeHq(LocalTill.Snapshot(1, till.Time.GetUtcNow())) { Sync = _ => FakeHq.Problem(HttpStatusCode.NotFound, "No such endpoint") };
        var (agent, link) = AgentFor(till, hq);

        await agent.RunOnceAsync(CancellationToken.None);

        Assert.Equal(LinkStatus.Failing, link.Current.Status);
        Assert.Contains("Upgrade HQ first", link.Current.LastOutcome, StringComparison.Ordinal);
        Assert.NotNull(link.Current.TroubleSince);
    }

    [Fact]
    public async Task Sync_HqRefusesTheBatch_ShowsFailingWithHqsReason()
    {
        await using var till = await LocalTill.CreateAsync();
        await till.SellAsync(Soap);
        var hq = new FakeHq(LocalTill.Snapshot(1, till.Time.GetUtcNow())) { Sync = _ => FakeHq.Problem(HttpStatusCode.BadRequest, "documents[0] is not a document") };
        var (agent, link) = AgentFor(till, hq);

        await agent.RunOnceAsync(CancellationToken.None);
        var firstTrouble = link.Current.TroubleSince;
        till.Time.Advance(TimeSpan.FromMinutes(1));
        await agent.RunOnceAsync(CancellationToken.None);

        Assert.Equal(LinkStatus.Failing, link.Current.Status);
        Assert.Contains("documents[0] is not a document", link.Current.LastOutcome, StringComparison.Ordinal);
        Assert.Equal(firstTrouble, link.Current.TroubleSince); // failing since the first refusal
    }

    [Fact]
    public async Task Sync_HqUnreachable_ShowsOffline()
    {
        await using var till = await LocalTill.CreateAsync();
        await till.SellAsync(Soap);
        var hq = new FakeHq(LocalTill.Snapshot(1, till.Time.GetUtcNow())) { Sync = _ => throw new HttpRequestException("Connection refused") };
        var (agent, link) = AgentFor(till, hq);

        await agent.RunOnceAsync(CancellationToken.None);

        Assert.Equal(LinkStatus.Offline, link.Current.Status);
        Assert.Contains("HQ unreachable", link.Current.LastOutcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_OneSaleDamaged_ItsPlaceholderGoesInItsPlaceAndTheQueueDrains()
    {
        await using var till = await LocalTill.CreateAsync();
        var sales = new List<TillSync.Till.Receipts.Receipt>();
        for (var i = 0; i < 4; i++)
        {
            sales.Add(await till.SellAsync(Soap));
        }

        await using (var connection = new SqliteConnection($"Data Source={till.Database.FilePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await connection.Command("UPDATE documents SET body_json = replace(body_json, 'SOAP', 'S0AP') WHERE till_seq = 3").ExecuteAsync(CancellationToken.None);
        }

        var hq = new FakeHq(LocalTill.Snapshot(1, till.Time.GetUtcNow()));
        hq.Sync = request => FakeHq.Answer(request, d => d.Kind == DocumentKinds.Damaged ? (SyncStatus.Rejected, SyncReasons.DamagedDocument) : (SyncStatus.Created, null));
        var (agent, link) = AgentFor(till, hq);

        await agent.RunOnceAsync(CancellationToken.None);

        Assert.Equal(LinkStatus.Online, link.Current.Status);
        Assert.Equal([(DocumentKinds.Sale, 1L), (DocumentKinds.Sale, 2L), (DocumentKinds.Damaged, 3L), (DocumentKinds.Sale, 4L)],
            hq.Syncs.Single(s => s.Documents.Count > 0).Documents.Select(d => (d.Kind, d.TillSeq)));
        Assert.Equal((sales[2].ClientOrderId, sales[2].BillNo), (hq.Syncs[^1].Documents[2].DocumentId, hq.Syncs[^1].Documents[2].Damaged!.Number));
        Assert.Equal(0, (await till.Outbox.StateAsync(CancellationToken.None)).QueueDepth);
        var attention = Assert.Single(await till.Outbox.AttentionAsync(CancellationToken.None));
        Assert.Equal((sales[2].ClientOrderId, "rejected", SyncReasons.DamagedDocument), (attention.DocumentId, attention.Status, attention.Reason));
    }

    [Fact]
    public async Task FirstContact_RegistersTheReceiptKey_AndARefusalDoesNotStopTheSync()
    {
        await using var till = await LocalTill.CreateAsync();
        await till.SellAsync(Soap);
        var hq = new FakeHq(LocalTill.Snapshot(1, till.Time.GetUtcNow()))
        {
            RegisterKey = _ => FakeHq.Problem(HttpStatusCode.Conflict, "This till registered another receipt key"),
        };
        var (agent, link) = AgentFor(till, hq);

        await agent.RunOnceAsync(CancellationToken.None);

        Assert.Equal(till.Key.PublicKey, Assert.Single(hq.Keys).PublicKey);
        Assert.Contains("not registered: HQ answered 409", till.Key.Registration, StringComparison.Ordinal);
        Assert.Equal(LinkStatus.Online, link.Current.Status);
        Assert.Equal(0, (await till.Outbox.StateAsync(CancellationToken.None)).QueueDepth);
    }

    private static (SyncAgent Agent, LinkState Link) AgentFor(LocalTill till, FakeHq hq)
    {
        var http = new HttpClient(hq, disposeHandler: true);
        HqClient.Configure(http, new Uri("http://hq.test/"), "till_token");
        var link = new LinkState();
        return (new SyncAgent(new HqClient(http), till.Outbox, till.Snapshots, new HqUpdates(till.Database, till.Time), link, till.Signal,
            new Backoff(TimeSpan.FromSeconds(10), new Random(1)), till.Key, new TillSync.Till.Metrics.TillMetrics(till.Outbox, link, till.Time), till.Time,
            NullLogger<SyncAgent>.Instance), link);
    }
}

// Proves exactly-once under contention: 16 connections post the same 50-order batch at once and every order is
// created exactly once across all answers; HQ may serialize or answer 409 + Retry-After, never apply twice.
using System.Net;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using Xunit.Sdk;

namespace TillSync.Hq.Tests.Sync;

/// <summary>The contract through <c>/api/v1/sync</c>.</summary>
public sealed class ConcurrencyTests(HqFixture fixture) : ConcurrencyContract(fixture, SyncVersion.V1), IClassFixture<HqFixture>;

/// <summary>The same contract through <c>/api/v2/sync</c>, each order sent as a sale document.</summary>
public sealed class ConcurrencyV2Tests(HqFixture fixture) : ConcurrencyContract(fixture, SyncVersion.V2), IClassFixture<HqFixture>;

/// <summary>The tests, run once per sync version.</summary>
public abstract class ConcurrencyContract(HqFixture fixture, SyncVersion version)
{
    private const int Senders = 16;
    private static readonly TimeSpan Deadline = Patience.Exchanges;

    [Fact]
    public async Task Sync_SameBatchFrom16ConnectionsAtOnce_CommitsEachOrderExactlyOnce()
    {
        var till = await fixture.EnrolTillAsync(version: version);
        // One unit of one SKU per order, so "stock moved exactly once" is exactly 50 units.
        var batch = Enumerable.Range(0, 50).Select(_ => till.Orders.Next([OrderFactory.Line("SOAP-125G", 1)])).ToList();
        var onHandBefore = await fixture.Manager.OnHandAsync("SOAP-125G");
        var clients = Enumerable.Range(0, Senders).Select(_ => fixture.Hq.CreateIsolatedClient(till.Token)).ToList();
        try
        {
            using var start = new SemaphoreSlim(0, Senders);
            var senders = clients.Select(client => SendUntilAnsweredAsync(till, client, batch, start)).ToList();
            start.Release(Senders);
            var answers = (await Task.WhenAll(senders)).SelectMany(a => a).ToList();

            var results = answers.SelectMany(a => a.Results).ToList();
            foreach (var order in batch)
            {
                var forOrder = results.Where(r => r.ClientOrderId == order.ClientOrderId).ToList();
                Assert.Equal(1, forOrder.Count(r => r.Status == SyncStatus.Created));
                Assert.All(forOrder, r => Assert.Contains(r.Status, (SyncStatus[])[SyncStatus.Created, SyncStatus.Duplicate]));
                var created = forOrder.Single(r => r.Status == SyncStatus.Created);
                Assert.All(forOrder, r => Assert.Equal(created.CommittedAt, r.CommittedAt));
            }

            Assert.All(answers.Where(a => a.Results.All(r => r.Status != SyncStatus.NotProcessed)),
                a => Assert.Equal(51, a.NextSeq));
            Assert.Equal(onHandBefore - 50, await fixture.Manager.OnHandAsync("SOAP-125G"));
            var stored = await fixture.Manager.ListAllOrdersAsync(till.TillId);
            Assert.Equal(batch.Select(o => o.ClientOrderId), stored.Select(o => o.ClientOrderId));
            Assert.Equal(51, (await fixture.Manager.GetTillAsync(till.TillId)).NextSeq);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Sync_FourTillsAtOnce_CommitEverySaleOfEachTill()
    {
        var tills = new List<TillClient>();
        for (var i = 0; i < 4; i++)
        {
            tills.Add(await fixture.EnrolTillAsync(version: version));
        }

        var batches = tills.Select(t => t.Orders.NextBatch(100)).ToList();
        var stockBefore = await fixture.Manager.OnHandAllAsync();

        var replies = await Task.WhenAll(tills.Select((t, i) => t.SyncAsync(batches[i])));

        Assert.All(replies, r => Assert.All(r.Results, x => Assert.Equal(SyncStatus.Created, x.Status)));
        Assert.All(replies, r => Assert.Equal(101, r.NextSeq));
        OrderAssert.StockMovedBy(stockBefore, await fixture.Manager.OnHandAllAsync(), batches.SelectMany(b => b));
        foreach (var (till, batch) in tills.Zip(batches))
        {
            var stored = await fixture.Manager.ListAllOrdersAsync(till.TillId);
            Assert.Equal(batch.Select(o => o.TillSeq), stored.Select(o => o.TillSeq));
        }
    }

    /// <summary>Posts the batch until HQ has looked at every order: a 409 or 503 waits its Retry-After, and a
    /// <c>retry_later</c> result is resent, as a till would. Returns every 200 answer it got.</summary>
    private async Task<List<SyncResponse>> SendUntilAnsweredAsync(TillClient till, HttpClient client, IReadOnlyList<OrderDto> batch, SemaphoreSlim start)
    {
        await start.WaitAsync();
        var answers = new List<SyncResponse>();
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (DateTimeOffset.UtcNow < deadline)
        {
            using var response = await client.PostAsync(till.SyncPath, till.SyncContent(batch));
            // docs/sync.md: a second concurrent sync may get 409 with Retry-After, and a busy database 503; both store nothing.
            if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.ServiceUnavailable)
            {
                var retryAfter = response.Headers.RetryAfter;
                Assert.True(retryAfter is not null, $"a {(int)response.StatusCode} from /sync must carry Retry-After");
                var wait = retryAfter.Delta ?? (retryAfter.Date - DateTimeOffset.UtcNow) ?? TimeSpan.Zero;
                await Task.Delay(wait < TimeSpan.FromMilliseconds(50) ? TimeSpan.FromMilliseconds(50)
                    : wait > TimeSpan.FromSeconds(2) ? TimeSpan.FromSeconds(2) : wait);
                continue;
            }

            await Responses.ExpectStatusAsync(response, HttpStatusCode.OK, fixture.Hq);
            var reply = await till.ReadReplyAsync(response);
            TillClient.AssertAligned(batch, reply);
            answers.Add(reply);
            var unexpected = reply.Results.FirstOrDefault(r =>
                r.Status is not (SyncStatus.Created or SyncStatus.Duplicate)
                && !(r.Status == SyncStatus.NotProcessed && r.Reason == SyncReasons.RetryLater));
            if (unexpected is not null)
            {
                throw new XunitException($"unexpected result under contention: {unexpected}");
            }

            if (reply.Results.All(r => r.Status != SyncStatus.NotProcessed))
            {
                return answers;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        throw new XunitException($"HQ did not take the batch within {Deadline.TotalSeconds} s\n{fixture.Hq.Output(40)}");
    }
}

// Proves that several HQ processes on one database commit each order exactly once and in till order: batches go to
// two real HQ processes at random, the same batch to both at once, and one HQ is SIGKILLed mid-batch while the other serves.
using TillSync.Contracts.Sync;
using TillSync.Testing;
using Xunit.Abstractions;

namespace TillSync.Hq.Tests.Sync;

/// <summary>The contract through <c>/api/v1/sync</c>.</summary>
public sealed class MultiInstanceTests(ITestOutputHelper log) : MultiInstanceContract(log, SyncVersion.V1);

/// <summary>The same contract through <c>/api/v2/sync</c>, each order sent as a sale document.</summary>
public sealed class MultiInstanceV2Tests(ITestOutputHelper log) : MultiInstanceContract(log, SyncVersion.V2);

/// <summary>The tests, run once per sync version.</summary>
public abstract class MultiInstanceContract(ITestOutputHelper log, SyncVersion version)
{
    private const int TillCount = 3;
    private const int BatchesPerTill = 6;
    private const int BatchSize = 40;

    [Fact]
    public async Task Sync_BatchesSentToTwoInstancesAtRandom_EachOrderOnceInTillOrder()
    {
        await using var first = await HqProcess.StartAsync();
        await HqScenario.SetUpAsync(first);
        await using var second = await HqProcess.StartSiblingAsync(first);
        var instances = new[] { first, second };
        var tills = new List<TillClient>();
        for (var i = 0; i < TillCount; i++)
        {
            tills.Add(await HqScenario.EnrolTillAsync(first, version: version));
        }

        var stockBefore = await new ManagerClient(first).OnHandAllAsync();
        var random = new Random(tills[0].Orders.Seed);
        log.WriteLine($"store {TestStore.Name}, seed {tills[0].Orders.Seed}");
        var sent = new Dictionary<long, List<OrderDto>>();

        // Each till sends its batches in order; every batch goes to a random instance, and every other batch goes to
        // both instances at once, as a client retrying through a load balancer would.
        await Task.WhenAll(tills.Select(async till =>
        {
            var mine = sent[till.TillId] = [];
            for (var b = 0; b < BatchesPerTill; b++)
            {
                var batch = till.Orders.NextBatch(BatchSize);
                mine.AddRange(batch);
                var targets = b % 2 == 0 ? instances : [instances[random.Next(2)]];
                var replies = await Task.WhenAll(targets.Select(hq => SyncThroughAsync(hq, till, batch)));
                AssertEachOrderCreatedOnce(batch, replies);
            }
        }));

        await AssertCommittedOnceInTillOrderAsync(first, sent);
        await AssertCommittedOnceInTillOrderAsync(second, sent);
        await AssertStockMovedOnceAsync(first, stockBefore, sent.Values.SelectMany(o => o));
    }

    [Fact]
    public async Task Sync_OneInstanceKilledMidBatch_OtherServesAndNothingIsLostOrDoubled()
    {
        await using var first = await HqProcess.StartAsync();
        await HqScenario.SetUpAsync(first);
        await using var second = await HqProcess.StartSiblingAsync(first);
        var till = await HqScenario.EnrolTillAsync(first, version: version);
        var stockBefore = await new ManagerClient(first).OnHandAllAsync();
        var batch = till.Orders.NextBatch(500);
        var random = new Random(till.Orders.Seed);
        log.WriteLine($"store {TestStore.Name}, seed {till.Orders.Seed}");

        using (var client = first.CreateIsolatedClient(till.Token))
        {
            var post = client.PostAsync(till.SyncPath, till.SyncContent(batch));
            await Task.WhenAny(post, Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 301))));
            first.KillHard();
            try
            {
                using var answered = await post;
                log.WriteLine($"first instance answered {(int)answered.StatusCode} before the kill");
            }
            catch (HttpRequestException e)
            {
                log.WriteLine($"first instance died mid-batch: {e.Message}");
            }
        }

        // The till's resend reaches the surviving instance: the unknown outcome resolves to exactly one bill each.
        var reply = await SyncThroughAsync(second, till, batch);
        Assert.All(reply.Results, r => Assert.Contains(r.Status, new[] { SyncStatus.Created, SyncStatus.Duplicate }));
        Assert.Equal(501, reply.NextSeq);
        await AssertCommittedOnceInTillOrderAsync(second, new Dictionary<long, List<OrderDto>> { [till.TillId] = [.. batch] });
        await AssertStockMovedOnceAsync(second, stockBefore, batch);
    }

    private static async Task<SyncResponse> SyncThroughAsync(HqProcess hq, TillClient till, IReadOnlyList<OrderDto> batch)
    {
        using var client = hq.CreateIsolatedClient(till.Token);
        using var response = await client.PostAsync(till.SyncPath, till.SyncContent(batch));
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{hq.Output()}");
        return await till.ReadReplyAsync(response);
    }

    private static void AssertEachOrderCreatedOnce(IReadOnlyList<OrderDto> batch, SyncResponse[] replies)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            var statuses = replies.Select(r => r.Results[i].Status).ToList();
            var described = string.Join("; ", replies.Select(r => $"{r.Results[i].Status} {r.Results[i].Reason} {r.Results[i].Detail}"));
            Assert.True(statuses.Count(s => s == SyncStatus.Created) == 1, $"order {i} (tillSeq {batch[i].TillSeq}): {described}");
            Assert.All(statuses, s => Assert.Contains(s, new[] { SyncStatus.Created, SyncStatus.Duplicate }));
            Assert.All(replies, r => Assert.Equal(batch[i].ClientOrderId, r.Results[i].ClientOrderId));
        }
    }

    private static async Task AssertCommittedOnceInTillOrderAsync(HqProcess hq, Dictionary<long, List<OrderDto>> sent)
    {
        var manager = new ManagerClient(hq);
        foreach (var (tillId, orders) in sent)
        {
            var stored = await manager.ListAllOrdersAsync(tillId);
            Assert.Equal(orders.Select(o => o.ClientOrderId), stored.Select(o => o.ClientOrderId));
            Assert.Equal(Enumerable.Range(1, orders.Count).Select(i => (long)i), stored.Select(o => o.TillSeq));
            Assert.All(stored, o => Assert.Equal("committed", o.Status));
        }
    }

    private static async Task AssertStockMovedOnceAsync(HqProcess hq, IReadOnlyDictionary<string, decimal> before, IEnumerable<OrderDto> orders)
    {
        var after = await new ManagerClient(hq).OnHandAllAsync();
        var sold = orders.SelectMany(o => o.Lines).GroupBy(l => l.Sku).ToDictionary(g => g.Key, g => g.Sum(l => l.Qty));
        foreach (var (sku, onHand) in before)
        {
            Assert.Equal(onHand - sold.GetValueOrDefault(sku), after[sku]);
        }
    }
}

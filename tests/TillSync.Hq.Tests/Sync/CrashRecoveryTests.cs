// Proves durability and atomicity across kill -9: HQ is SIGKILLed in the middle of a 500-order sync, restarted on
// the same SQLite file, and must hold a gap-free prefix with matching stock; resending completes every order once.
using System.Net;
using Microsoft.Data.Sqlite;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using Xunit.Abstractions;

namespace TillSync.Hq.Tests.Sync;

/// <summary>The contract through <c>/api/v1/sync</c>.</summary>
public sealed class CrashRecoveryTests(ITestOutputHelper log) : CrashRecoveryContract(log, SyncVersion.V1);

/// <summary>The same contract through <c>/api/v2/sync</c>, each order sent as a sale document.</summary>
public sealed class CrashRecoveryV2Tests(ITestOutputHelper log) : CrashRecoveryContract(log, SyncVersion.V2);

/// <summary>The tests, run once per sync version.</summary>
public abstract class CrashRecoveryContract(ITestOutputHelper log, SyncVersion version)
{
    private const int BatchSize = 500;
    private const int KillRounds = 4;

    [Fact]
    public async Task Sync_KilledMidBatchAndResent_CommitsEveryOrderExactlyOnce()
    {
        await using var hq = await HqProcess.StartAsync();
        await HqScenario.SetUpAsync(hq);
        var till = await HqScenario.EnrolTillAsync(hq, version: version);
        var batch = till.Orders.NextBatch(BatchSize);
        var random = new Random(till.Orders.Seed);
        log.WriteLine($"seed {till.Orders.Seed}");

        for (var round = 1; round <= KillRounds; round++)
        {
            var outcome = await PostThenKillAsync(hq, till, batch, TimeSpan.FromMilliseconds(random.Next(0, 301)));
            await hq.RestartAsync();
            var committed = await AssertCommittedPrefixAsync(hq, till, batch);
            log.WriteLine($"round {round}: {outcome}; {committed} committed after restart");
        }

        var committedBefore = (await new ManagerClient(hq).GetTillAsync(till.TillId)).NextSeq - 1;
        var reply = await till.SyncAsync(batch);

        foreach (var (order, result) in batch.Zip(reply.Results))
        {
            Assert.Equal(order.TillSeq <= committedBefore ? SyncStatus.Duplicate : SyncStatus.Created, result.Status);
            Assert.Equal(order.BillNo, result.BillNo);
        }

        Assert.Equal(BatchSize + 1, reply.NextSeq);
        var count = await AssertCommittedPrefixAsync(hq, till, batch);
        Assert.Equal(BatchSize, count);
        AssertDatabaseIntact(hq);
    }

    [Fact]
    public async Task Sync_KilledDuringSuccessiveBatches_DrainsWithoutLossOrDuplicates()
    {
        await using var hq = await HqProcess.StartAsync();
        await HqScenario.SetUpAsync(hq);
        var till = await HqScenario.EnrolTillAsync(hq, version: version);
        var orders = till.Orders.NextBatch(3 * BatchSize);
        var random = new Random(till.Orders.Seed);
        log.WriteLine($"seed {till.Orders.Seed}");

        // Like a till's agent: send the oldest unsent orders; when the link dies, resend from HQ's nextSeq.
        for (var round = 1; round <= 3; round++)
        {
            var nextSeq = (await new ManagerClient(hq).GetTillAsync(till.TillId)).NextSeq;
            var pending = orders.Where(o => o.TillSeq >= nextSeq).Take(BatchSize).ToList();
            // Later rounds wait longer, so that some kills land after a commit and the next round starts mid-queue.
            var outcome = await PostThenKillAsync(hq, till, pending, TimeSpan.FromMilliseconds(random.Next(0, 300 * round + 1)));
            await hq.RestartAsync();
            var committed = await AssertCommittedPrefixAsync(hq, till, orders);
            log.WriteLine($"round {round}, from seq {nextSeq}: {outcome}; {committed} committed after restart");
        }

        for (var attempt = 0; attempt < 10; attempt++)
        {
            var nextSeq = (await new ManagerClient(hq).GetTillAsync(till.TillId)).NextSeq;
            var pending = orders.Where(o => o.TillSeq >= nextSeq).Take(BatchSize).ToList();
            if (pending.Count == 0)
            {
                break;
            }

            var reply = await till.SyncAsync(pending);
            Assert.All(reply.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        }

        Assert.Equal(orders.Count, await AssertCommittedPrefixAsync(hq, till, orders));
        Assert.Equal(orders.Count + 1, (await new ManagerClient(hq).GetTillAsync(till.TillId)).NextSeq);
    }

    /// <summary>Four SIGKILLs later the SQLite file must still pass its own integrity check and be in WAL mode
    /// (the API note's durability setting). Read-only, beside the running HQ, as WAL allows. PostgreSQL recovers from
    /// its own write-ahead log; the committed-prefix checks above are what this test asserts there.</summary>
    private static void AssertDatabaseIntact(HqProcess hq)
    {
        if (hq.Postgres is not null)
        {
            return;
        }

        var path = Path.Combine(hq.DataDir, "hq.db");
        Assert.True(File.Exists(path), $"no SQLite file at {path}");
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        connection.Open();
        using var integrity = connection.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", integrity.ExecuteScalar());
        using var journal = connection.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", journal.ExecuteScalar());
    }

    /// <summary>Starts the sync, SIGKILLs HQ after <paramref name="delay"/> (or when the answer came first), and
    /// reports what the till saw: an answer, or a broken connection (unknown outcome).</summary>
    private static async Task<string> PostThenKillAsync(HqProcess hq, TillClient till, IReadOnlyList<OrderDto> batch, TimeSpan delay)
    {
        using var client = hq.CreateIsolatedClient(till.Token);
        var post = client.PostAsync(till.SyncPath, till.SyncContent(batch));
        await Task.WhenAny(post, Task.Delay(delay));
        hq.KillHard();
        try
        {
            using var response = await post;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return $"answered {(int)response.StatusCode} after {delay.TotalMilliseconds} ms";
            }

            var reply = await till.ReadReplyAsync(response);
            Assert.NotNull(reply);
            TillClient.AssertAligned(batch, reply);
            Assert.All(reply.Results, r => Assert.Contains(r.Status, (SyncStatus[])[SyncStatus.Created, SyncStatus.Duplicate]));
            return $"answered before the kill at {delay.TotalMilliseconds} ms, nextSeq {reply.NextSeq}";
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            return $"connection broken by the kill at {delay.TotalMilliseconds} ms ({e.GetType().Name})";
        }
    }

    /// <summary>Asserts HQ holds exactly orders 1..nextSeq−1 of <paramref name="orders"/>, in order, each once, and
    /// that on-hand equals opening stock less exactly what those orders sold. Returns how many are committed.</summary>
    private static async Task<int> AssertCommittedPrefixAsync(HqProcess hq, TillClient till, IReadOnlyList<OrderDto> orders)
    {
        var manager = new ManagerClient(hq);
        var nextSeq = (await manager.GetTillAsync(till.TillId)).NextSeq;
        var stored = await manager.ListAllOrdersAsync(till.TillId);
        var committed = orders.Where(o => o.TillSeq < nextSeq).ToList();

        Assert.Equal(committed.Select(o => o.ClientOrderId), stored.Select(o => o.ClientOrderId));
        Assert.All(stored, o => Assert.Equal("committed", o.Status));
        foreach (var (sent, view) in committed.Zip(stored))
        {
            Assert.Equal(sent.BillNo, view.Order.BillNo);
            Assert.Equal(sent.Totals, view.Order.Totals);
        }

        var opening = HqScenario.Products.ToDictionary(p => p.Sku, _ => HqScenario.OpeningStock, StringComparer.Ordinal);
        OrderAssert.StockMovedBy(opening, await manager.OnHandAllAsync(), committed);
        Assert.Equal(nextSeq, (await till.SnapshotAsync()).NextSeq);
        return stored.Count;
    }
}

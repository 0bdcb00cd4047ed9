// Proves the simulator's HQ crash strikes mid-batch: the batch's rows are written, the commit never happens, nothing of
// it survives, and after a restart the till's resend commits it once. Real HQ and till code, one fake clock, no faults.
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using TillSync.Simulation.Network;
using TillSync.Simulation.Nodes;
using TillSync.Simulation.Runs;
using TillSync.Simulation.Shop;

namespace TillSync.Simulation.Tests;

public sealed class HqCrashMidBatchTests
{
    [Fact]
    public async Task CrashBeforeCommit_LeavesNothing_ResendCommitsOnce()
    {
        var directory = Path.Combine(SeedSet.DataRoot ?? Path.GetTempPath(), $"tillsync-crash-test-{Environment.ProcessId}");
        var clock = new FakeTimeProvider(Simulator.Start);
        using var trace = new Trace();
        try
        {
            await using var hq = new HqNode(Path.Combine(directory, "hq"), clock, forgetKnownIds: false);
            await hq.StartAsync(CancellationToken.None);
            var (_, staff) = await Manager.SetUpHqAsync(hq, new Random(1), CancellationToken.None);
            var till = new TillNode(1, await Manager.EnrolAsync(hq, 1, CancellationToken.None), Path.Combine(directory, "till"), clock, ShopFloor.SyncBackoffMax);
            var network = new SimulatedNetwork(clock, new Random(2), new Random(3), 0, hq, [till], new Timeline(), trace);
            await till.StartAsync(new TillLink(network, 1), new Random(3), CancellationToken.None);
            await till.StepAsync(CancellationToken.None); // the first catalogue
            var sales = new SaleMaker(new Random(4));
            // A cashier logs in and opens the shift (its shift_open is tillSeq 1) before the three sales.
            await new ShiftDesk(new SimulationOptions(1), clock, new Random(5), trace, staff).ReadyAsync(till);
            for (var i = 0; i < 3; i++)
            {
                clock.Advance(TimeSpan.FromSeconds(30));
                Assert.NotNull((await till.SellAsync(await sales.NextAsync(till, clock.GetUtcNow(), CancellationToken.None), CancellationToken.None)).Receipt);
            }

            await hq.ArmCrashBeforeCommitAsync(CancellationToken.None);
            await till.StepAsync(CancellationToken.None);

            Assert.Equal(4, await till.QueueDepthAsync(CancellationToken.None));
            Assert.Equal((0L, 1L), await OrdersAndNextSeqAsync(hq.DatabasePath));
            Assert.Contains(trace.Tail(), l => l.EndsWith($"/api/{TillSync.Till.Sync.HqClient.SyncContract}/sync: hq 500", StringComparison.Ordinal));

            await hq.CrashAsync();
            await hq.StartAsync(CancellationToken.None);
            await till.StepAsync(CancellationToken.None);

            Assert.Equal(0, await till.QueueDepthAsync(CancellationToken.None));
            Assert.Equal((3L, 5L), await OrdersAndNextSeqAsync(hq.DatabasePath));
            await till.DisposeAsync();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(long Orders, long NextSeq)> OrdersAndNextSeqAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM orders), (SELECT next_seq FROM tills)";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}

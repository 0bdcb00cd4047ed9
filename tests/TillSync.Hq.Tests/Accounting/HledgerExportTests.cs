// The acceptance test of the accounting issue: after a simulated trading day — several tills syncing batches (some
// made offline earlier that day), replays, a rejected order, goods receipts — HQ's hledger export passes the real
// `hledger check` (strict: every account and commodity declared; dates in order) and `hledger bal` equals HQ's own
// trial balance account by account, for the whole journal and for one day of it.
using TillSync.Contracts.Stock;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Accounting;

public sealed class HledgerExportTests(HqFixture fixture) : IClassFixture<HqFixture>, IAsyncLifetime
{
    private readonly string _files = TempDirectory.Create("hledger");

    [Fact]
    public async Task SimulatedDay_ExportPassesHledgerCheckAndBalancesEqualTrialBalance()
    {
        await TradeOneDayAsync();
        var ledger = new LedgerClient(fixture.Hq);
        var file = Path.Combine(_files, "hq.journal");
        await File.WriteAllTextAsync(file, await ledger.HledgerAsync());

        foreach (var check in new[] { new[] { "check", "--strict" }, ["check", "ordereddates"] })
        {
            var (exitCode, output) = await Hledger.RunAsync(file, check);
            Assert.True(exitCode == 0, $"hledger {string.Join(' ', check)} failed ({exitCode}):\n{output}");
        }

        AssertEqualBalances(await ledger.TrialBalanceAsync(), await Hledger.BalancesPaiseAsync(file));
        var today = OrderFactory.Now().ToString("yyyy-MM-dd");
        var todayFile = Path.Combine(_files, "today.journal");
        await File.WriteAllTextAsync(todayFile, await ledger.HledgerAsync(today, today));
        AssertEqualBalances(await ledger.TrialBalanceAsync(today, today), await Hledger.BalancesPaiseAsync(todayFile));
    }

    [Fact]
    public async Task Hledger_RejectsAJournalThatDoesNotBalance()
    {
        // The check above can fail: the same hledger refuses an entry whose postings do not sum to zero.
        var file = Path.Combine(_files, "broken.journal");
        await File.WriteAllTextAsync(file, "commodity 1000.00 INR\naccount assets:cash\naccount revenue:sales\n\n" +
            "2026-11-28 (sale:x) Bill T01/2627/000001\n    assets:cash    100.00 INR\n    revenue:sales    -99.99 INR\n");

        var (exitCode, output) = await Hledger.RunAsync(file, "check", "--strict");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("could not balance this transaction", output, StringComparison.OrdinalIgnoreCase);
    }

    private async Task TradeOneDayAsync()
    {
        var tills = new List<TillClient>();
        for (var i = 0; i < 3; i++)
        {
            tills.Add(await fixture.EnrolTillAsync());
        }

        var morning = OrderFactory.Now().AddHours(-3);
        for (var round = 0; round < 6; round++)
        {
            foreach (var till in tills)
            {
                // A till that was offline in the morning sends sales made hours ago alongside new ones.
                var earlier = till.Orders.Build(till.Orders.NextSeq++, till.Orders.RandomLines(), HqScenario.B2BInterState,
                    morning.AddMinutes(round));
                var batch = (IReadOnlyList<OrderDto>)[earlier, .. till.Orders.NextBatch(25)];
                await till.SyncAsync(batch);
                if (round % 2 == 1)
                {
                    await till.SyncAsync(batch);
                }
            }

            await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest(
                [new StockReceiptLine("SUGAR-LOOSE", 12.5m + round), new StockReceiptLine("COLA-750ML", 24)], Note: $"delivery {round}"));
        }

        var rejected = OrderFactory.WithLines(tills[0].Orders.Next(), [new OrderLineDto("NO-SUCH-SKU", 1, 10_000, 0, 1_800)]);
        Assert.Equal(SyncStatus.Rejected, (await tills[0].SyncOneAsync(rejected)).Status);
    }

    private static void AssertEqualBalances(Contracts.Accounting.TrialBalanceView trialBalance, IReadOnlyDictionary<string, long> hledgerPaise)
    {
        var hqPaise = trialBalance.Rows.Where(r => r.BalancePaise != 0).ToDictionary(r => r.Account, r => r.BalancePaise);
        Assert.NotEmpty(hqPaise);
        Assert.Equal(hqPaise.OrderBy(p => p.Key, StringComparer.Ordinal), hledgerPaise.Where(p => p.Value != 0).OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => TempDirectory.DeleteAsync(_files);
}

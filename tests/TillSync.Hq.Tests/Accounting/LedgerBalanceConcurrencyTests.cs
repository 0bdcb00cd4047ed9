// Proves concurrent batches lose no balance update: six tills of one store sync sales of the same business day at once,
// so every batch adds to the same per-day rows (row-locked by the upsert on PostgreSQL); afterwards the maintained
// reports equal the full scan and the day counts every bill exactly once.
using System.Globalization;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Accounting;

public sealed class LedgerBalanceConcurrencyTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private const int Tills = 6;
    private const int BatchesPerTill = 6;
    private const int SalesPerBatch = 15;

    [Fact]
    public async Task ConcurrentBatchesOfOneStoreAndDay_AddEveryBillToTheBalancesOnce()
    {
        var day = new DateOnly(2026, 10, 2);
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(11, 0)), new TimeSpan(5, 30, 0));
        var tills = new List<TillClient>();
        for (var i = 0; i < Tills; i++)
        {
            tills.Add(await fixture.EnrolTillAsync(version: SyncVersion.V2));
        }

        await Task.WhenAll(tills.Select(async till =>
        {
            for (var b = 0; b < BatchesPerTill; b++)
            {
                var batch = Enumerable.Range(0, SalesPerBatch)
                    .Select(_ => TillClient.SaleDocument(till.Orders.Build(till.Orders.NextSeq++, till.Orders.RandomLines(), null, at))).ToList();
                Assert.All((await till.SyncDocumentsAsync(batch)).Results, r => Assert.Equal(SyncStatus.Created, r.Status));
            }
        }));

        var ledger = new LedgerClient(fixture.Hq);
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var check = await ledger.CheckAsync(date, date);
        Assert.True(check.TrialBalanceMatches && check.GstSummaryMatches && check.DaySalesMatches, check.ToString());
        var sales = await ledger.DaySalesAsync(date, date);
        Assert.Equal(Tills * BatchesPerTill * SalesPerBatch, Assert.Single(sales.Days).Bills);
        Assert.Equal(Tills * BatchesPerTill * SalesPerBatch, (await ledger.TrialBalanceAsync(date, date)).Entries);
    }
}

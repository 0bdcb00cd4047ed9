// Proves the operator's check (GET /api/v1/ledger/check) compares the maintained balances with a full scan: it finds
// them equal after real sales and a return, and names the reports whose balance rows — the monthly roll-up, then the day
// rows — were then altered behind HQ's back.
using System.Net;
using TillSync.Contracts.Sync;
using TillSync.Hq.Storage;
using TillSync.Storage;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Accounting;

public sealed class LedgerCheckTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task Check_AfterSalesAndAReturn_MatchesThenNamesTheReportsWhoseRowsWereAltered()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var sales = till.Orders.NextBatch(5);
        var documents = sales.Select(TillClient.SaleDocument).ToList();
        documents.Add(new ReturnFactory(till.Orders, till.BillPrefix).Next(sales[0], till.TillId, [(1, Math.Min(1m, sales[0].Lines[0].Qty), "restock")]));
        Assert.All((await till.SyncDocumentsAsync(documents)).Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        var ledger = new LedgerClient(fixture.Hq);
        var check = await ledger.CheckAsync();
        Assert.True(check.TrialBalanceMatches && check.GstSummaryMatches && check.DaySalesMatches, check.ToString());

        // All time, the GST summary reads whole months from the roll-up and the day's sales lists the day rows.
        await AlterAsync("UPDATE ledger_months SET bills = bills + 1");
        check = await ledger.CheckAsync(storeId: 1);
        Assert.Equal((true, false, true), (check.TrialBalanceMatches, check.GstSummaryMatches, check.DaySalesMatches));

        await AlterAsync("UPDATE ledger_days SET bills = bills + 1");
        check = await ledger.CheckAsync(storeId: 1);
        Assert.Equal((true, false, false), (check.TrialBalanceMatches, check.GstSummaryMatches, check.DaySalesMatches));
    }

    [Fact]
    public async Task Check_BadPeriod_Returns400AndNamesIt()
    {
        var response = await new LedgerClient(fixture.Hq).GetRawAsync("/api/v1/ledger/check?from=2026-13-01");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("yyyy-MM-dd", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task AlterAsync(string sql)
    {
        await using var database = fixture.Hq.Postgres is { } postgres ? HqDatabase.Postgres(postgres) : HqDatabase.Sqlite(fixture.Hq.DataDir);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await connection.Command(sql).ExecuteAsync(CancellationToken.None);
    }
}

// Proves the shape of HQ's GSTR-1 against a golden file: a month of B2B, B2C large and small bills, credit notes and a
// rejected bill, dated in October 2026, written exactly as the portal's offline-tool JSON (field names, amounts with two
// decimals, rates in per cent, dd-MM-yyyy dates, the document summary); and that bad input gets problem+json.
using System.Net;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Gst;

public sealed class Gstr1FormatTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private static readonly string GoldenFile = Path.Combine(RepositoryRoot.Path, "tests", "TillSync.Hq.Tests", "Gst", "gstr1-october-2026.json");

    [Fact]
    public async Task Gstr1_OctoberMonth_IsTheGoldenFile_AndTiesToTheJournal()
    {
        // The only till of this class: its bills are T01/2627/…, whatever order the tests run in.
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var month = await Gstr1Month.SyncAsync(till, i => new DateTimeOffset(2026, 10, 5 + i, 10, 30, 0, BillNumber.IstOffset),
            HqScenario.B2BIntraState, HqScenario.B2BInterState);
        // A bill HQ rejects (a SKU its catalogue lacks): the till's eighth bill, its number used, no supply in the books.
        var rejectedAt = new DateTimeOffset(2026, 10, 20, 11, 0, 0, BillNumber.IstOffset);
        var rejected = OrderFactory.WithLines(
            till.Orders.Build(till.Orders.NextSeq++, [OrderFactory.Line("SOAP-125G", 1)], createdAt: rejectedAt),
            [new OrderLineDto("NO-SUCH-SKU", 1, 10_000, 0, 1_800)]) with { BillNo = BillNumber.Format(till.BillPrefix, rejectedAt, 8) };
        Assert.Equal(SyncStatus.Rejected, (await till.SyncDocumentsAsync([TillClient.SaleDocument(rejected)])).Results[0].Status);
        var calls = new Gstr1Calls(fixture.Hq);

        var (_, json) = await calls.ReturnAsync("102026");
        var summary = await calls.SummaryAsync("102026");

        var actual = Gstr1Calls.Indented(json);
        if (Environment.GetEnvironmentVariable("TILLSYNC_WRITE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(GoldenFile, actual);
        }

        Assert.Equal(await File.ReadAllTextAsync(GoldenFile), actual);
        Assert.True(summary.TiesToJournal, string.Join("; ", summary.Journal.Select(t => $"{t.Account} {t.DifferencePaise}")));
        Assert.Equal(month.Sales.Count + month.CreditNotes.Count, summary.Net.Documents);
    }

    [Theory]
    [InlineData("132026", "is not a month written MMYYYY")]
    [InlineData("2026-11", "is not a month written MMYYYY")]
    [InlineData("", "is not a month written MMYYYY")]
    [InlineData("062017", "before GST began")]
    public async Task BadPeriod_Answers400ProblemJson(string period, string message)
    {
        using var response = await new Gstr1Calls(fixture.Hq).GetRawAsync($"?period={period}");

        var detail = await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, fixture.Hq);
        Assert.Contains(message, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownStore_Answers400ProblemJson()
    {
        using var response = await new Gstr1Calls(fixture.Hq).GetRawAsync("?period=112026&storeId=999");

        var detail = await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, fixture.Hq);
        Assert.Contains("storeId 999 is not a store", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAManagerToken_Answers401()
    {
        using var response = await new Gstr1Calls(fixture.Hq).GetRawAsync("?period=112026", token: "not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task HqWithoutAStore_HasNoGstinToFileFor_Answers400()
    {
        await using var hq = await HqProcess.StartAsync();

        using var response = await new Gstr1Calls(hq).GetRawAsync("?period=112026");

        var detail = await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, hq);
        Assert.Contains("HQ has no store yet, so no GSTIN to file for", detail, StringComparison.Ordinal);
    }
}

// Proves till enrolment: each till gets its own 256-bit token and the next bill prefix (T01, T02, …), shows up
// in the till listing with HQ's nextSeq, and a bad enrolment request is a 400 problem.
using System.Net;
using TillSync.Contracts.Tills;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Tills;

public sealed class EnrolmentTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task Tills_EnrolTwo_GetDistinctTokensAndPrefixesT01T02()
    {
        // A fresh HQ, so that no other test's till has taken T01.
        await using var hq = await HqProcess.StartAsync();
        await new ManagerClient(hq).PutStoreAsync(HqScenario.Store);

        var first = await new ManagerClient(hq).EnrolTillAsync("Counter 1");
        var second = await new ManagerClient(hq).EnrolTillAsync("Counter 2");

        Assert.Equal("T01", first.BillPrefix);
        Assert.Equal("T02", second.BillPrefix);
        Assert.NotEqual(first.TillId, second.TillId);
        Assert.NotEqual(first.Token, second.Token);
        // 256 random bits need at least 43 characters in base64url and 64 in hex.
        Assert.True(first.Token.Length >= 43, $"token too short for 256 bits: {first.Token.Length} chars");
        Assert.Equal(1, first.StoreId);
        Assert.Equal("Counter 1", first.Name);
        var tills = await new ManagerClient(hq).ListTillsAsync();
        Assert.Equal(["T01", "T02"], tills.OrderBy(t => t.TillId).Select(t => t.BillPrefix));
        Assert.All(tills, t => Assert.Equal(1, t.NextSeq));
        Assert.All(tills, t => Assert.Null(t.LastSyncAt));
    }

    [Fact]
    public async Task Tills_AfterSync_ListingShowsNextSeqAndLastSync()
    {
        var till = await fixture.EnrolTillAsync();
        await till.SyncAsync(till.Orders.NextBatch(3));

        var view = await fixture.Manager.GetTillAsync(till.TillId);

        Assert.Equal(4, view.NextSeq);
        Assert.NotNull(view.LastSyncAt);
        Assert.Equal(till.BillPrefix, view.BillPrefix);
        Assert.Equal(till.Enrolment.Name, view.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("A name that is far too long for any till to carry on a receipt")]
    public async Task Tills_EnrolWithBadName_Returns400(string name)
    {
        var before = await fixture.Manager.ListTillsAsync();

        var response = await fixture.Manager.EnrolTillRawAsync(new TillEnrolmentRequest(name, null));

        await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, fixture.Hq);
        Assert.Equal(before.Count, (await fixture.Manager.ListTillsAsync()).Count);
    }

    [Fact]
    public async Task Tills_EnrolInUnknownStore_IsRefused()
    {
        var response = await fixture.Manager.EnrolTillRawAsync(new TillEnrolmentRequest("Ghost counter", 9_999));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound,
            $"expected 400 or 404, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await Responses.ExpectProblemAsync(response, response.StatusCode, fixture.Hq);
    }
}

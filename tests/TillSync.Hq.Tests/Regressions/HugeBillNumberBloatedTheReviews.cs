// A rejected order used to be stored and shown whole: a till that sent a bill number of a megabyte made /reviews and the
// order a megabyte each. Proves HQ now keeps a bounded copy, while a resend of the same order is still its duplicate and
// a different order under the same id, differing only past the clipped part, is still a conflict.
using System.Net;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Regressions;

public sealed class HugeBillNumberBloatedTheReviews(HqFixture fixture) : IClassFixture<HqFixture>
{
    private const int AnswerBytesMax = 20_000;

    [Fact]
    public async Task RejectedOrderWithAMegabyteBillNumber_IsStoredAndShownBounded_AndStillDeduplicated()
    {
        var till = await fixture.EnrolTillAsync();
        var sent = till.Orders.Next([OrderFactory.Line("MILK-500ML", 1)]);
        var huge = sent with { BillNo = new string('9', 1_000_000) };

        var result = (await till.SyncAsync([huge])).Results.Single();

        Assert.Equal(SyncStatus.Rejected, result.Status);
        Assert.Equal(SyncReasons.InvalidBillNo, result.Reason);
        Assert.True(result.BillNo is { Length: <= 64 }, $"the answer echoed a {result.BillNo?.Length}-character bill number");
        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);
        foreach (var path in new[] { $"/api/v1/reviews?tillId={till.TillId}&kind=rejected_order", $"/api/v1/orders/{huge.ClientOrderId}" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(body.Length < AnswerBytesMax, $"{path} answered {body.Length} characters");
            Assert.Contains("999…", body, StringComparison.Ordinal);
        }

        OrderAssert.Replays(result, await till.SyncOneAsync(huge), SyncStatus.Rejected);
        var differentPastTheClip = huge with { BillNo = new string('9', 999_999) + "8" };
        Assert.Equal(SyncStatus.Conflict, (await till.SyncOneAsync(differentPastTheClip)).Status);
    }
}

// Proves GET /api/v1/till/sales?billNo= finds a committed sale of the calling till's store by its bill number — another
// till's too, exactly as that till sent it — and nothing else: an unknown bill is 404, a malformed one 400, a manager's
// token 403. Real HQ process; orders synced through the real v1 endpoint.
using System.Net;
using TillSync.Contracts;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Tills;

public sealed class TillSalesLookupTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task Find_AnotherTillsCommittedSale_ReturnsItAsSentWithItsTill()
    {
        var seller = await fixture.EnrolTillAsync();
        var returning = await fixture.EnrolTillAsync();
        var orders = seller.Orders.NextBatch(2);
        await seller.SyncAsync(orders);

        var found = await Responses.ExpectAsync(await returning.FindSaleAsync(orders[1].BillNo.ToLowerInvariant()), HttpStatusCode.OK,
            TillSyncJsonContext.Default.TillSaleLookup, fixture.Hq);

        Assert.Equal((seller.TillId, seller.BillPrefix), (found.TillId, found.BillPrefix));
        OrderAssert.Same(orders[1], found.Sale);
    }

    [Theory]
    [InlineData("T99/2627/000001", HttpStatusCode.NotFound)]
    [InlineData("not a bill", HttpStatusCode.BadRequest)]
    [InlineData("", HttpStatusCode.BadRequest)]
    public async Task Find_NoSuchBill_IsAProblemSayingWhy(string billNo, HttpStatusCode expected)
    {
        var till = await fixture.EnrolTillAsync();

        var detail = await Responses.ExpectProblemAsync(await till.FindSaleAsync(billNo), expected, fixture.Hq);

        Assert.False(string.IsNullOrWhiteSpace(detail));
    }

    [Fact]
    public async Task Find_WithAManagerToken_Is403()
    {
        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);

        await Responses.ExpectProblemAsync(await client.GetAsync(new Uri("/api/v1/till/sales?billNo=T01/2627/000001", UriKind.Relative)),
            HttpStatusCode.Forbidden, fixture.Hq);
    }
}

// Proves that reviews and stock management are for managers only: a till token gets a 403 problem on every review
// and stock-management endpoint, even with a real open item and a valid body, and nothing changes.
using System.Net;
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Stock;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Reviews;

public sealed class ReviewAccessTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task TillToken_OnEveryReviewAndStockManagementEndpoint_Returns403AndChangesNothing()
    {
        var product = await fixture.Manager.AddProductAsync(openingStock: 1);
        var till = await fixture.EnrolTillAsync();
        await till.SyncOneAsync(till.Orders.Next([ReviewCalls.LineOf(product, 3)]));
        var item = Assert.Single((await fixture.Manager.ListReviewsAsync($"sku={product.Sku}")).Items);
        var json = TillSyncJsonContext.Default;
        var resolution = new ReviewResolutionRequest(ResolutionActions.TransferIn, "sneaky", Guid.CreateVersion7());
        var requests = new (HttpMethod Method, string Path, HttpContent? Body)[]
        {
            (HttpMethod.Get, "/api/v1/reviews", null),
            (HttpMethod.Get, "/api/v1/reviews?status=open&kind=stock_short", null),
            (HttpMethod.Get, $"/api/v1/reviews/{item.ReviewId}", null),
            (HttpMethod.Post, $"/api/v1/reviews/{item.ReviewId}/resolution", JsonContent.Create(resolution, json.ReviewResolutionRequest)),
            (HttpMethod.Post, $"/api/v1/reviews/{item.ReviewId}/resolve", JsonContent.Create(resolution, json.ReviewResolutionRequest)),
            (HttpMethod.Get, "/api/v1/stock", null),
            (HttpMethod.Get, $"/api/v1/stock/{product.Sku}", null),
            (HttpMethod.Get, $"/api/v1/stock/{product.Sku}/movements", null),
            (HttpMethod.Post, "/api/v1/stock/adjustments", JsonContent.Create(
                new StockAdjustmentRequest([new StockAdjustmentLine(product.Sku, 5)], "sneaky"), json.StockAdjustmentRequest)),
            (HttpMethod.Post, "/api/v1/stock/receipts", JsonContent.Create(
                new StockReceiptRequest([new StockReceiptLine(product.Sku, 5)], Note: "sneaky"), json.StockReceiptRequest)),
        };
        var movementsBefore = await fixture.Manager.MovementsAsync(product.Sku);

        using var client = fixture.Hq.CreateClient(till.Token);
        foreach (var (method, path, body) in requests)
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body });
            await Responses.ExpectProblemAsync(response, HttpStatusCode.Forbidden, fixture.Hq);
        }

        Assert.Equal(-2m, await fixture.Manager.OnHandAsync(product.Sku));
        Assert.Equal(movementsBefore, await fixture.Manager.MovementsAsync(product.Sku));
        Assert.Equal("open", (await fixture.Manager.GetReviewAsync(item.ReviewId)).Item.Status);
    }
}

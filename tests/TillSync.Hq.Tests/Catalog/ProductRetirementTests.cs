// Proves retiring a product at HQ: the API (problem+json on bad input, idempotent by key, 409 twice, 404 unknown), the
// catalogue page's list hiding it unless asked, the snapshot and delta saying it, bringing it back, and a sale made before
// the till knew — and its return — committing. Real HQ over HTTP, on SQLite or PostgreSQL.
using System.Net;
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Catalog;

public sealed class ProductRetirementTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private static TillSyncJsonContext Json => TillSyncJsonContext.Default;

    [Fact]
    public async Task Retire_HidesFromTheList_TillsAreTold_SameKeyReplays_TwiceConflicts_RestoreBringsBack()
    {
        var product = await fixture.Manager.AddProductAsync(5);
        var till = await fixture.EnrolTillAsync();
        var before = await till.SnapshotAsync();
        var key = Guid.NewGuid().ToString();

        var retired = await Responses.ExpectAsync(await ActionAsync(product.Sku, "retire", key), HttpStatusCode.OK, Json.ProductDto, fixture.Hq);
        var replayed = await ActionAsync(product.Sku, "retire", key);
        var twice = await ActionAsync(product.Sku, "retire");

        Assert.NotNull(retired.RetiredAt);
        Assert.Equal(retired, await Responses.ExpectAsync(replayed, HttpStatusCode.OK, Json.ProductDto, fixture.Hq));
        Assert.Contains("already retired", await Responses.ExpectProblemAsync(twice, HttpStatusCode.Conflict, fixture.Hq), StringComparison.Ordinal);
        Assert.Single(await fixture.Manager.AuditAsync("product.retire"), e => e.Detail.Contains(product.Sku, StringComparison.Ordinal));
        Assert.Empty((await PageAsync(product.Sku, null)).Items);
        Assert.Equal(retired.RetiredAt, Assert.Single((await PageAsync(product.Sku, "include")).Items).RetiredAt);
        Assert.Equal(product.Sku, Assert.Single((await PageAsync(product.Sku, "only")).Items).Sku);
        Assert.True(Assert.Single((await till.SnapshotAsync()).Products, p => p.Sku == product.Sku).Retired);
        var delta = await till.ChangesAsync(before.Version!);
        Assert.True(Assert.Single(delta.Products, p => p.Sku == product.Sku).Retired);

        var restored = await Responses.ExpectAsync(await ActionAsync(product.Sku, "restore"), HttpStatusCode.OK, Json.ProductDto, fixture.Hq);

        Assert.Null(restored.RetiredAt);
        Assert.Equal(product.Sku, Assert.Single((await PageAsync(product.Sku, null)).Items).Sku);
        Assert.False(Assert.Single((await till.SnapshotAsync()).Products, p => p.Sku == product.Sku).Retired);
        Assert.Contains("not retired", await Responses.ExpectProblemAsync(await ActionAsync(product.Sku, "restore"), HttpStatusCode.Conflict, fixture.Hq),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retire_BadSkuOrFilter_Refused_UnknownSku_NotFound_NothingChanges()
    {
        var audited = (await fixture.Manager.AuditAsync("product.retire")).Count;

        Assert.Contains("is not a SKU", await Responses.ExpectProblemAsync(await ActionAsync("bad sku", "retire"), HttpStatusCode.BadRequest, fixture.Hq),
            StringComparison.Ordinal);
        Assert.Equal("There is no product NO-SUCH-SKU.",
            await Responses.ExpectProblemAsync(await ActionAsync("NO-SUCH-SKU", "retire"), HttpStatusCode.NotFound, fixture.Hq));
        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);
        Assert.Equal("retired must be exclude (the default), include or only.",
            await Responses.ExpectProblemAsync(await client.GetAsync("/api/v1/products/page?retired=yes"), HttpStatusCode.BadRequest, fixture.Hq));
        Assert.Equal(audited, (await fixture.Manager.AuditAsync("product.retire")).Count);
    }

    [Fact]
    public async Task SaleMadeBeforeTheTillKnew_Commits_AndItsReturnToo()
    {
        var product = await fixture.Manager.AddProductAsync(10);
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        // Rung up offline, before the till heard of the retirement.
        var sale = till.Orders.NextWalkIn([ReviewCalls.LineOf(product, 2)]);
        await Responses.ExpectAsync(await ActionAsync(product.Sku, "retire"), HttpStatusCode.OK, Json.ProductDto, fixture.Hq);

        Assert.Equal(SyncStatus.Created, (await till.SyncDocumentsAsync([TillClient.SaleDocument(sale)])).Results[0].Status);
        var returned = new ReturnFactory(till.Orders, till.BillPrefix).Next(sale, till.TillId, [(1, 1m, ReturnConditions.Restock)], RefundMethods.Cash);
        Assert.Equal(SyncStatus.Created, (await till.SyncDocumentsAsync([returned])).Results[0].Status);

        // Ten received, two sold, one back on the shelf.
        Assert.Equal(9m, await fixture.Manager.OnHandAsync(product.Sku));
    }

    private async Task<HttpResponseMessage> ActionAsync(string sku, string action, string? key = null)
    {
        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/products/{Uri.EscapeDataString(sku)}/{action}")
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    private async Task<ProductPage> PageAsync(string q, string? retired)
    {
        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);
        return (await client.GetFromJsonAsync($"/api/v1/products/page?q={q}{(retired is null ? "" : $"&retired={retired}")}", Json.ProductPage))!;
    }
}

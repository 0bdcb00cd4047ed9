// Proves a product retired at HQ at the till: a sale made offline before the till knew commits at HQ; once its catalogue
// update says so, scanning it answers a readable 410, a quote or sale of it is refused and search leaves it out; a
// return of the earlier sale still goes through. TillScenario: a real HQ process behind a fault proxy, the real till.
using System.Net;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using TillSync.Till.Returns;
using TillSync.Till.Sales;
using TillSync.Till.Sync;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Catalog;

public sealed class RetiredProductTests
{
    private const string Soap = "SOAP-125G";

    [Fact]
    public async Task Retired_SaleBeforeTheTillKnewCommits_ThenScanningSaysRetired_AndTheReturnStillWorks()
    {
        await using var shop = await TillScenario.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var till = await shop.StartInProcessTillAsync(time);
        await till.Api.WaitOnlineAsync();
        await till.Api.LogInSeededCashierAsync();
        var openingStock = await shop.Manager.OnHandAsync(Soap);
        shop.Link.SetMode(LinkMode.Refuse);
        using var manager = shop.Manager.Hq.CreateClient(shop.Manager.Hq.AdminToken);
        using var body = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        await Responses.ExpectStatusAsync(await manager.PostAsync($"/api/v1/products/{Soap}/retire", body), HttpStatusCode.OK, shop.Manager.Hq);

        // Offline, the till has not heard: the sale goes through and, synced later, commits.
        var sold = await till.Api.SellAsync(new SaleRequest([new CartLine(Soap, 2)], [new Tender(PaymentMethods.Cash, 20_000)]));
        shop.Link.SetMode(LinkMode.Pass);
        await till.Api.SyncNowAsync();
        await till.Api.WaitDrainedAsync();
        Assert.Equal(sold.ClientOrderId, Assert.Single(await shop.HqOrdersAsync()).ClientOrderId);

        // The next catalogue update tells the till.
        using var local = new HttpClient { BaseAddress = till.Api.BaseAddress };
        var scanned = await Eventually.UntilAsync(
            () => local.GetAsync($"/api/products/{Soap}"), r => r.StatusCode == HttpStatusCode.Gone, TimeSpan.FromSeconds(30),
            "the till to learn the retirement", betweenPolls: async () =>
            {
                time.Advance(SyncAgent.SnapshotRefreshInterval);
                await till.Api.SyncNowAsync();
            });
        var refusal = "Sandal Soap 125 g (SOAP-125G) has been retired at HQ and is no longer sold; a return of an earlier sale of it is still taken.";
        Assert.Equal(refusal, await Responses.ExpectProblemAsync(scanned, HttpStatusCode.Gone, till));
        Assert.Equal($"Line 1: {refusal}",
            await till.Api.SellExpectingProblemAsync(new SaleRequest([new CartLine(Soap, 1)], [new Tender(PaymentMethods.Cash, 10_000)])));
        Assert.DoesNotContain("SOAP-125G", await local.GetStringAsync("/api/products?q=soap"), StringComparison.Ordinal);

        var credit = await till.Api.ReturnAsync(new ReturnRequest(new OriginalReference(SaleId: sold.ClientOrderId),
            [new ReturnLineRequest(1, 1, ReturnConditions.Restock)], ReturnReasons.WrongItem, new RefundRequest(RefundMethods.Cash)));
        await till.Api.SyncNowAsync();
        await till.Api.WaitDrainedAsync();

        Assert.Equal(1m, Assert.Single(credit.Refund.Lines).Qty);
        // Two sold, one back on the shelf, at HQ.
        Assert.Equal(openingStock - 1, await shop.Manager.OnHandAsync(Soap));
    }
}

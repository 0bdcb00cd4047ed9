// Proves store configuration: a valid GSTIN configures the default store a till's snapshot shows, an invalid
// GSTIN (checksum, state) is a 400 problem that changes nothing, and a second store keeps its own stock.
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Stores;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Stores;

public sealed class StoreTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    public static TheoryData<string> InvalidStores => ["gstin_checksum", "gstin_short", "gstin_lowercase", "state_not_gstin_prefix", "pin_five_digits"];

    [Fact]
    public async Task Store_Configured_IsTheDefaultStoreInSnapshots()
    {
        var view = await fixture.Manager.PutStoreAsync(HqScenario.Store);

        Assert.Equal(1, view.StoreId);
        Assert.True(view.IsDefault);
        Assert.Equal(HqScenario.Store, view.Details);
        var till = await fixture.EnrolTillAsync();
        Assert.Equal(HqScenario.Store, (await till.SnapshotAsync()).Store.Details);
    }

    [Theory]
    [MemberData(nameof(InvalidStores))]
    public async Task Store_Invalid_Returns400AndKeepsTheConfiguredStore(string defect)
    {
        var store = defect switch
        {
            "gstin_checksum" => HqScenario.Store with { Gstin = "29AABCH1234K1ZM" },
            "gstin_short" => HqScenario.Store with { Gstin = "29AABCH1234K1Z" },
            "gstin_lowercase" => HqScenario.Store with { Gstin = "29aabch1234k1zn" },
            "state_not_gstin_prefix" => HqScenario.Store with { StateCode = "27" },
            "pin_five_digits" => HqScenario.Store with { Pin = 56003 },
            _ => throw new ArgumentOutOfRangeException(nameof(defect), defect, null),
        };

        var response = await fixture.Manager.PutStoreRawAsync(store);

        await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, fixture.Hq);
        var till = await fixture.EnrolTillAsync();
        Assert.Equal(HqScenario.Store, (await till.SnapshotAsync()).Store.Details);
    }

    [Fact]
    public async Task Stores_SecondStore_KeepsItsOwnStockAndTills()
    {
        var mumbai = new StoreDto("27AAACS7319F1ZE", "Sharma Provisions Private Limited", "4 Linking Road", "Mumbai", 400050, "27");
        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);
        var created = await Responses.ExpectAsync(
            await client.PostAsync("/api/v1/stores", JsonContent.Create(mumbai, TillSyncJsonContext.Default.StoreDto)),
            HttpStatusCode.Created, TillSyncJsonContext.Default.StoreView, fixture.Hq);
        Assert.NotEqual(1, created.StoreId);
        Assert.False(created.IsDefault);
        var stores = await Responses.ExpectAsync(await client.GetAsync(new Uri("/api/v1/stores", UriKind.Relative)),
            HttpStatusCode.OK, TillSyncJsonContext.Default.IReadOnlyListStoreView, fixture.Hq);
        Assert.Contains(stores, s => s.StoreId == 1 && s.IsDefault);
        Assert.Contains(stores, s => s.StoreId == created.StoreId && s.Details == mumbai);

        var defaultStoreGhee = await fixture.Manager.OnHandAsync("GHEE-1L");
        await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest([new StockReceiptLine("GHEE-1L", 10)], created.StoreId));
        var enrolment = await Responses.ExpectAsync(
            await fixture.Manager.EnrolTillRawAsync(new TillEnrolmentRequest("Mumbai counter", created.StoreId)),
            HttpStatusCode.Created, TillSyncJsonContext.Default.TillEnrolmentResult, fixture.Hq);
        Assert.Equal(created.StoreId, enrolment.StoreId);
        var till = new TillClient(fixture.Hq, enrolment);
        // A walk-in sale in Mumbai is intra-state for the Mumbai store: CGST + SGST, not IGST.
        var order = till.Orders.Build(1, [OrderFactory.Line("GHEE-1L", 4)]);

        Assert.Equal(SyncStatus.Created, (await till.SyncOneAsync(order)).Status);
        Assert.Equal(defaultStoreGhee, await fixture.Manager.OnHandAsync("GHEE-1L"));
        var level = await Responses.ExpectAsync(
            await client.GetAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"/api/v1/stock/GHEE-1L?storeId={created.StoreId}"), UriKind.Relative)),
            HttpStatusCode.OK, TillSyncJsonContext.Default.StockLevel, fixture.Hq);
        Assert.Equal(6m, level.OnHand);
        Assert.Equal(mumbai, (await till.SnapshotAsync()).Store.Details);
    }

    [Fact]
    public async Task Tills_EnrolBeforeStoreConfigured_IsRefusedWithAProblem()
    {
        await using var hq = await HqProcess.StartAsync();

        var response = await new ManagerClient(hq).EnrolTillRawAsync(new TillEnrolmentRequest("Counter 1", null));

        // The API note says the store "must be done before enrolling tills" without naming the status; 400 and 409 both fit.
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict,
            $"expected 400 or 409, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await Responses.ExpectProblemAsync(response, response.StatusCode, hq);
        Assert.Empty(await new ManagerClient(hq).ListTillsAsync());
    }
}

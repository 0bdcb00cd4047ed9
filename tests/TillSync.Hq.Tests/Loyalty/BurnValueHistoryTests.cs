// Proves a loyalty burn is judged by the burn value its till knew (issue 21): after HQ changes the value per point, a
// till that priced from an older snapshot — or, sending no version, sold before the change — has its burns commit,
// while a till that knew the new value and tenders the old one is rejected. Real HQ process, SQLite or PostgreSQL.
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Loyalty;

public sealed class BurnValueHistoryTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task BurnValueChangedWhileTheTillWasOffline_ItsEarlierBurnsCommit()
    {
        await fixture.Manager.PutSettingsAsync(LoyaltyCalls.Defaults);
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var phone = LoyaltyCalls.NewPhone();
        Assert.Equal(SyncStatus.Created, (await till.SyncOneAsync(till.LoyaltySale(phone, earnPoints: 500, burnPoints: 0))).Status);
        var offline = await till.SnapshotAsync();
        var soldBeforeTheChange = till.LoyaltySale(phone, earnPoints: 0, burnPoints: 40, valuePaisePerPoint: 25);
        await fixture.Manager.PutSettingsAsync(LoyaltyCalls.Defaults with { BurnValuePaisePerPoint = 50 });
        var online = await till.SnapshotAsync();

        // 40 points tendered at the ₹0.25 the till knew: from its offline snapshot, and from a till before versions that
        // sold before the change; then a till that knew ₹0.50 but tendered ₹0.25, and one that tendered ₹0.50.
        var offlineBurn = till.LoyaltySale(phone, earnPoints: 0, burnPoints: 40, valuePaisePerPoint: 25) with { PricingVersion = offline.PricingVersion };
        // (Those two a moment after the change: a sale time is kept to the second.)
        var after = OrderFactory.Now().AddSeconds(2);
        var staleTender = till.LoyaltySale(phone, earnPoints: 0, burnPoints: 40, valuePaisePerPoint: 25) with { PricingVersion = online.PricingVersion, CreatedAt = after };
        var newValue = till.LoyaltySale(phone, earnPoints: 0, burnPoints: 40, valuePaisePerPoint: 50) with { PricingVersion = online.PricingVersion, CreatedAt = after };
        var results = (await till.SyncAsync([soldBeforeTheChange, offlineBurn, staleTender, newValue])).Results;

        Assert.Equal(
            [(SyncStatus.Created, null), (SyncStatus.Created, null), (SyncStatus.Rejected, SyncReasons.InvalidLoyalty), (SyncStatus.Created, null)],
            results.Select(r => (r.Status, r.Reason)));
        Assert.Equal(50, online.Loyalty!.Settings.BurnValuePaisePerPoint);
        Assert.Equal(500 - (3 * 40), (await fixture.Manager.CustomerAsync(phone)).BalancePoints);
    }
}

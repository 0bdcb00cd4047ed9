// Proves HQ judges each sale by what its till knew (issue 21): an approved markdown commits quietly with the approver
// recorded, the same markdown unapproved commits with one price_deviation review item, and a till's sale at a price HQ
// has since changed commits quietly. Real HQ process, real HTTP, on SQLite or PostgreSQL (TILLSYNC_TEST_STORE).
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Pricing;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Staff;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Pricing;

public sealed class PriceJudgementTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private static readonly ProductDto Ghee = HqScenario.Product("GHEE-1L");

    [Fact]
    public async Task ThirtyPercentOff_ApprovedBySupervisor_CommitsQuietly_AndUnapprovedOpensOnePriceDeviation()
    {
        await fixture.Manager.PutRoleLimitsAsync(PricingCalls.Defaults);
        var cashier = await fixture.Manager.SeededAsync(SeededStaff.Cashier);
        var supervisor = await fixture.Manager.SeededAsync(SeededStaff.Supervisor);
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var snapshot = await till.SnapshotAsync();
        // 30 % off the ₹650.00 ghee: a ₹195.00 line discount, beyond a cashier's 10 %, within a supervisor's 50 %.
        var approved = till.PricedSale([HqScenario.LineOf(Ghee, 1, 19_500)], cashier.StaffId, snapshot.PricingVersion,
            new ApprovalDto(supervisor.StaffId, "dented tin"));
        var unapproved = till.PricedSale([HqScenario.LineOf(Ghee, 1, 19_500)], cashier.StaffId, snapshot.PricingVersion);

        var first = await till.SyncAsync([approved, unapproved]);
        var replay = await till.SyncAsync([approved, unapproved]);

        Assert.Equal([(SyncStatus.Created, ""), (SyncStatus.Created, OrderFlags.PriceDeviation)],
            first.Results.Select(r => (r.Status, string.Join(',', r.Flags))));
        Assert.All(replay.Results, r => Assert.Equal(SyncStatus.Duplicate, r.Status));
        var approvedView = await fixture.Manager.GetOrderAsync(approved.ClientOrderId);
        Assert.Equal((supervisor.StaffId, "dented tin", supervisor.Name), (approvedView.Order.Approval!.ApproverId, approvedView.Order.Approval.Reason, approvedView.ApprovedBy));
        // ₹455.00 taxable + 12 % GST ₹54.60 = ₹509.60, billed ₹510.
        Assert.Equal(51_000, approvedView.Order.Totals.TotalPaise);
        var unapprovedView = await fixture.Manager.GetOrderAsync(unapproved.ClientOrderId);
        Assert.Null(unapprovedView.ApprovedBy);
        Assert.Equal([OrderFlags.PriceDeviation], unapprovedView.Flags);
        var items = (await fixture.Manager.ListReviewsAsync($"kind={ReviewKinds.PriceDeviation}&tillId={till.TillId}")).Items;
        var item = Assert.Single(items);
        Assert.Equal((unapproved.ClientOrderId, unapproved.BillNo, "open"), (item.ClientOrderId, item.BillNo, item.Status));
        Assert.Equal(
            $"Bill {unapproved.BillNo}, rung up by {cashier.Name}, no approval: line 1 (GHEE-1L) ₹455.00 against ₹650.00 (30 % off); "
            + "a cashier may give 10 % off and may not override a price.", item.Detail);
    }

    [Fact]
    public async Task PriceRaisedAtHqWhileTheTillWasOffline_TheTillsSaleAtTheOldPriceCommitsQuietly()
    {
        await fixture.Manager.PutRoleLimitsAsync(PricingCalls.Defaults);
        var cashier = await fixture.Manager.SeededAsync(SeededStaff.Cashier);
        var dal = await NewProductAsync(12_000);
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var offline = await till.SnapshotAsync();
        await fixture.Manager.UpsertProductsAsync([dal with { PricePaise = 13_000 }]);
        var online = await till.SnapshotAsync();

        // Offline, the till still bills ₹120.00 from its snapshot; a till before pricing versions sends no version and is
        // judged by the ₹130.00 in force when it sold; a cashier's ₹100.00 is an override whatever the till knew.
        var atOldPrice = till.PricedSale([HqScenario.LineOf(dal, 2)], cashier.StaffId, offline.PricingVersion);
        // (Its time is a moment after the change: a sale time is kept to the second.)
        var fromOldTill = till.PricedSale([HqScenario.LineOf(dal, 2)], cashier.StaffId, pricingVersion: null, createdAt: OrderFactory.Now().AddSeconds(2));
        var overridden = till.PricedSale([HqScenario.LineOf(dal with { PricePaise = 10_000 }, 2)], cashier.StaffId, offline.PricingVersion);
        var results = await till.SyncAsync([atOldPrice, fromOldTill, overridden]);

        Assert.True(online.PricingVersion > offline.PricingVersion);
        Assert.Equal([(SyncStatus.Created, ""), (SyncStatus.Created, OrderFlags.PriceDeviation), (SyncStatus.Created, OrderFlags.PriceDeviation)],
            results.Results.Select(r => (r.Status, string.Join(',', r.Flags))));
        Assert.Equal(24_000, (await fixture.Manager.GetOrderAsync(atOldPrice.ClientOrderId)).Order.Totals.TotalPaise);
        var details = (await fixture.Manager.ListReviewsAsync($"kind={ReviewKinds.PriceDeviation}&tillId={till.TillId}&order=oldest")).Items
            .Select(i => i.Detail).ToList();
        Assert.Equal(
        [
            $"Bill {fromOldTill.BillNo}, rung up by {cashier.Name}, no approval: line 1 ({dal.Sku}) ₹240.00 against ₹260.00 (7.7 % off, price overridden); "
            + "a cashier may give 10 % off and may not override a price.",
            $"Bill {overridden.BillNo}, rung up by {cashier.Name}, no approval: line 1 ({dal.Sku}) ₹200.00 against ₹240.00 (16.67 % off, price overridden); "
            + "a cashier may give 10 % off and may not override a price.",
        ], details);
    }

    [Fact]
    public async Task LimitsLoweredWhileTheTillWasOffline_ItsSalesWithinTheOldLimitCommitQuietly()
    {
        await fixture.Manager.PutRoleLimitsAsync(PricingCalls.Defaults);
        var cashier = await fixture.Manager.SeededAsync(SeededStaff.Cashier);
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var offline = await till.SnapshotAsync();
        await fixture.Manager.PutRoleLimitsAsync([new RoleLimitDto(StaffRoles.Cashier, 500, false)]);
        var online = await till.SnapshotAsync();

        // 8 % off: within the 10 % the offline till knew, beyond the 5 % a till with the newer snapshot knows.
        var offlineSale = till.PricedSale([HqScenario.LineOf(Ghee, 1, 5_200)], cashier.StaffId, offline.PricingVersion);
        var onlineSale = till.PricedSale([HqScenario.LineOf(Ghee, 1, 5_200)], cashier.StaffId, online.PricingVersion);
        var results = await till.SyncAsync([offlineSale, onlineSale]);

        Assert.Equal(500, online.RoleLimits!.Single(l => l.Role == StaffRoles.Cashier).DiscountBpMax);
        Assert.Equal(["", OrderFlags.PriceDeviation], results.Results.Select(r => string.Join(',', r.Flags)));
    }

    [Fact]
    public async Task ApprovalBeyondTheApproversLimit_OrByACashier_StillOpensAPriceDeviation()
    {
        await fixture.Manager.PutRoleLimitsAsync([.. PricingCalls.Defaults.Select(l => l.Role == StaffRoles.Supervisor ? l with { DiscountBpMax = 2_000 } : l)]);
        var cashier = await fixture.Manager.SeededAsync(SeededStaff.Cashier);
        var other = await fixture.Manager.SeededAsync(SeededStaff.OtherCashier);
        var supervisor = await fixture.Manager.SeededAsync(SeededStaff.Supervisor);
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var version = (await till.SnapshotAsync()).PricingVersion;

        var beyondSupervisor = till.PricedSale([HqScenario.LineOf(Ghee, 1, 19_500)], cashier.StaffId, version, new ApprovalDto(supervisor.StaffId, "regular"));
        var byCashier = till.PricedSale([HqScenario.LineOf(Ghee, 1, 13_000)], cashier.StaffId, version, new ApprovalDto(other.StaffId, "regular"));
        var withinSupervisor = till.PricedSale([HqScenario.LineOf(Ghee, 1, 13_000)], cashier.StaffId, version, new ApprovalDto(supervisor.StaffId, "regular"));
        var results = await till.SyncAsync([beyondSupervisor, byCashier, withinSupervisor]);

        Assert.Equal([OrderFlags.PriceDeviation, OrderFlags.PriceDeviation, ""], results.Results.Select(r => string.Join(',', r.Flags)));
        var details = (await fixture.Manager.ListReviewsAsync($"kind={ReviewKinds.PriceDeviation}&tillId={till.TillId}&order=oldest")).Items
            .Select(i => i.Detail).ToList();
        Assert.Equal(
        [
            $"Bill {beyondSupervisor.BillNo}, approved by supervisor {supervisor.Name}: line 1 (GHEE-1L) ₹455.00 against ₹650.00 (30 % off); "
            + "a supervisor may give 20 % off and may override a price.",
            $"Bill {byCashier.BillNo}, rung up by {cashier.Name}, the approval by staff {other.StaffId} does not count (not a supervisor or manager HQ "
            + "knows): line 1 (GHEE-1L) ₹520.00 against ₹650.00 (20 % off); a cashier may give 10 % off and may not override a price.",
        ], details);
        Assert.Equal(supervisor.Name, (await fixture.Manager.GetOrderAsync(beyondSupervisor.ClientOrderId)).ApprovedBy);
    }

    [Fact]
    public async Task ApprovalWithoutAReason_OrWithAHugeOne_IsRejected_AndKeptClipped()
    {
        var supervisor = await fixture.Manager.SeededAsync(SeededStaff.Supervisor);
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var blank = till.PricedSale([HqScenario.LineOf(Ghee, 1, 19_500)], supervisor.StaffId, null, new ApprovalDto(supervisor.StaffId, " "));
        var huge = till.PricedSale([HqScenario.LineOf(Ghee, 1, 19_500)], supervisor.StaffId, null, new ApprovalDto(supervisor.StaffId, new string('x', 5_000)));

        var results = (await till.SyncAsync([blank, huge])).Results;

        Assert.All(results, r => Assert.Equal((SyncStatus.Rejected, SyncReasons.InvalidApproval), (r.Status, r.Reason)));
        Assert.Equal(64, (await fixture.Manager.GetOrderAsync(huge.ClientOrderId)).Order.Approval!.Reason.Length);
    }

    private async Task<ProductDto> NewProductAsync(long pricePaise)
    {
        var product = new ProductDto($"DAL-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}", "Toor dal 1 kg", "0713", "PCS", 500, pricePaise, 9_000, null,
            MrpPaise: 15_000, TaxInclusive: true);
        await fixture.Manager.UpsertProductsAsync([product]);
        await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest([new StockReceiptLine(product.Sku, 100)], Note: "test stock"));
        return product;
    }
}

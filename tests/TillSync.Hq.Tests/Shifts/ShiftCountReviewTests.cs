// Proves HQ opens one shift_count_differs review item when a till closes a shift whose expected figures are not what the
// documents HQ holds say, over HTTP on SQLite or PostgreSQL (TILLSYNC_TEST_STORE): the item names the till, the Z number and
// both counts of cash, a replay of the batch opens no second one, a close that agrees opens none, and a manager resolves it.
using TillSync.Contracts.Documents;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Shifts;

public sealed class ShiftCountReviewTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task ShiftClose_TillCountedOtherwise_OpensOneReviewItem_ReplayOpensNone_AndAManagerResolvesIt()
    {
        var cashier = (await fixture.Manager.ListStaffAsync()).Single(s => s.Name == SeededStaff.Cashier.Name).StaffId;
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var shifts = new ShiftFactory(till.Orders, cashier);
        var agreeing = shifts.Open();
        var sale = till.Orders.NextWalkIn([OrderFactory.Line("RICE-5KG", 1)]);
        sale = sale with { Payments = [new PaymentDto(PaymentMethods.Cash, sale.Totals.TotalPaise)], CashierId = cashier };
        var right = new ShiftExpectedDto(200_000, sale.Totals.TotalPaise, 0, 0, 0, 0, 0);
        var saleDocument = TillClient.SaleDocument(sale);
        var agreeingClose = shifts.Close(agreeing, right, [new(50_000, 4)]);
        // The second shift sells nothing, yet its till claims the first one's cash sale.
        var differing = shifts.Open();
        var differingClose = shifts.Close(differing, right, [new(50_000, 4)]);
        IReadOnlyList<TillDocumentDto> batch = [agreeing, saleDocument, agreeingClose, differing, differingClose];

        var first = await till.SyncDocumentsAsync(batch);
        var replay = await till.SyncDocumentsAsync(batch);

        Assert.All(first.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        Assert.All(replay.Results, r => Assert.Equal(SyncStatus.Duplicate, r.Status));
        var items = (await fixture.Manager.ListReviewsAsync($"status=all&kind={ReviewKinds.ShiftCountDiffers}&tillId={till.TillId}")).Items;
        var item = Assert.Single(items);
        Assert.Equal((differingClose.DocumentId, "Z2", "open"), (item.ClientOrderId, item.BillNo, item.Status));
        var hqCash = $"₹{200_000 / 100m:0.00}";
        var tillCash = $"₹{right.CashPaise / 100m:0.00}";
        Assert.Contains($"Till {till.TillId} ({till.BillPrefix})", item.Detail, StringComparison.Ordinal);
        Assert.Contains($"shift {differing.DocumentId:D}, Z 2", item.Detail, StringComparison.Ordinal);
        Assert.Contains($"the till expected {tillCash} of cash in the drawer, HQ's documents say {hqCash}", item.Detail, StringComparison.Ordinal);
        Assert.Equal([ResolutionActions.Acknowledge], item.AllowedActions);

        var resolved = await fixture.Manager.ResolveAsync(item.ReviewId,
            new ReviewResolutionRequest(ResolutionActions.Acknowledge, "recounted the drawer: the till was wrong", Guid.CreateVersion7()));

        Assert.Equal(ResolutionActions.Acknowledge, resolved.Action);
        var after = Assert.Single((await fixture.Manager.ListReviewsAsync($"status=all&kind={ReviewKinds.ShiftCountDiffers}&tillId={till.TillId}")).Items);
        Assert.Equal("resolved", after.Status);
    }
}

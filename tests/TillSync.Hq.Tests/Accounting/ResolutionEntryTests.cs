// Proves that review resolutions post their money in the resolution's transaction: a write-off posts nothing, so that
// on-hand and the inventory account stay short by the same units at cost (issue 22); a credit note reverses revenue and GST of the credited units, owes the customer the refund and puts the goods
// back at cost; a resubmitted resolution posts nothing more; a backorder posts nothing.
using TillSync.Contracts.Accounting;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Core.Tax;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Accounting;

public sealed class ResolutionEntryTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private LedgerClient Ledger => new(fixture.Hq);

    [Fact]
    public async Task WriteOff_PostsNothing_SoOnHandAndInventoryAtCostStillAgree()
    {
        // Sandal soap costs ₹32.00 (Shop). The sale takes on-hand + 3 bars: on-hand and inventory both go 3 bars below zero.
        var onHandBefore = await fixture.Manager.OnHandAsync("SOAP-125G");
        var inventoryBefore = Books.Balance(await Ledger.TrialBalanceAsync(), "assets:inventory");
        var review = await OversellAsync("SOAP-125G", 3, customer: null);
        var beforeWriteOff = await Ledger.TrialBalanceAsync();
        var request = new ReviewResolutionRequest(ResolutionActions.WriteOff, "the three bars were sold; nothing is owed", Guid.CreateVersion7(), Qty: 3);

        await fixture.Manager.ResolveAsync(review.ReviewId, request);
        await fixture.Manager.ResolveAsync(review.ReviewId, request);

        Books.AssertSame(beforeWriteOff, await Ledger.TrialBalanceAsync());
        Assert.DoesNotContain((await Ledger.JournalAsync()), e => e.Ref == $"resolution:{request.ResolutionId:D}");
        var onHandAfter = await fixture.Manager.OnHandAsync("SOAP-125G");
        var inventoryAfter = Books.Balance(await Ledger.TrialBalanceAsync(), "assets:inventory");
        Assert.Equal(-3m, onHandAfter);
        Assert.Equal((long)((onHandAfter - onHandBefore) * 3_200), inventoryAfter - inventoryBefore);
    }

    [Fact]
    public async Task CreditNote_ReversesRevenueAndGstOfTheCreditedUnits_AndReturnsTheGoodsAtCost()
    {
        var review = await OversellAsync("COLA-750ML", 4, HqScenario.B2BInterState);
        var request = new ReviewResolutionRequest(ResolutionActions.CreditNote, "refunded two bottles", Guid.CreateVersion7(), Qty: 2);

        await fixture.Manager.ResolveAsync(review.ReviewId, request);

        var credited = GstCalculator.ForLine(2, 4_000, 0, 2_800, SupplyKind.InterState);
        Assert.Equal(
            [
                new PostingView("revenue:sales", credited.TaxablePaise), new PostingView("liabilities:gst:igst:28%", credited.IgstPaise),
                new PostingView("liabilities:refunds", -(credited.TaxablePaise + credited.IgstPaise)),
                new PostingView("assets:inventory", 2 * 2_600), new PostingView("expenses:cogs", -2 * 2_600),
            ],
            (await EntryAsync(request.ResolutionId)).Postings);
        Assert.Equal(0, (await Ledger.TrialBalanceAsync()).Rows.Sum(r => r.BalancePaise));
    }

    [Fact]
    public async Task Backorder_PostsNothing()
    {
        var review = await OversellAsync("GHEE-1L", 1, customer: null);
        var before = await Ledger.TrialBalanceAsync();

        await fixture.Manager.ResolveAsync(review.ReviewId,
            new ReviewResolutionRequest(ResolutionActions.Backorder, "customer collects on Monday", Guid.CreateVersion7(), Qty: 1));

        Books.AssertSame(before, await Ledger.TrialBalanceAsync());
    }

    // One sale of on-hand + extra units of the SKU: it commits stock_short with one open review item.
    private async Task<ReviewItemView> OversellAsync(string sku, decimal extra, CustomerDto? customer)
    {
        var till = await fixture.EnrolTillAsync();
        var onHand = await fixture.Manager.OnHandAsync(sku);
        var order = till.Orders.Next([OrderFactory.Line(sku, onHand + extra)], customer);
        Assert.Equal(SyncStatus.Created, (await till.SyncOneAsync(order)).Status);
        var page = await fixture.Manager.ListReviewsAsync($"status=open&kind=stock_short&sku={sku}&tillId={till.TillId}");
        return Assert.Single(page.Items);
    }

    private async Task<JournalEntryView> EntryAsync(Guid resolutionId) =>
        (await Ledger.JournalAsync()).Single(e => e.Ref == $"resolution:{resolutionId:D}");
}

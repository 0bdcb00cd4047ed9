// Proves the tie between GSTR-1 and the journal does not hide GST moved without a document: a credit_note resolution of
// a review item reverses revenue and IGST in the journal but issues no numbered credit note, so the return cannot report
// it, and the summary says it does not tie, by exactly the reversed amounts on exactly those accounts.
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Core.Tax;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Gst;

public sealed class Gstr1JournalTieTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task CreditNoteResolution_WithoutADocument_ShowsAsTheDifference()
    {
        var till = await fixture.EnrolTillAsync();
        var onHand = await fixture.Manager.OnHandAsync("COLA-750ML");
        var order = till.Orders.Next([OrderFactory.Line("COLA-750ML", onHand + 4)], HqScenario.B2BInterState);
        Assert.Equal(SyncStatus.Created, (await till.SyncOneAsync(order)).Status);
        var review = Assert.Single((await fixture.Manager.ListReviewsAsync($"status=open&kind=stock_short&tillId={till.TillId}")).Items);
        var resolution = new ReviewResolutionRequest(ResolutionActions.CreditNote, "refunded two bottles", Guid.CreateVersion7(), Qty: 2);
        await fixture.Manager.ResolveAsync(review.ReviewId, resolution);
        var entry = (await new LedgerClient(fixture.Hq).JournalAsync()).Single(e => e.Ref == $"resolution:{resolution.ResolutionId:D}");
        // The month the resolution is dated in: the bill's own figures tie wherever it falls.
        var period = $"{entry.Date[5..7]}{entry.Date[..4]}";

        var summary = await new Gstr1Calls(fixture.Hq).SummaryAsync(period);

        var credited = GstCalculator.ForLine(2, 4_000, 0, 2_800, SupplyKind.InterState);
        Assert.False(summary.TiesToJournal);
        Assert.Equal(
            [("liabilities:gst:igst:28%", -credited.IgstPaise), ("revenue:sales", -credited.TaxablePaise)],
            summary.Journal.Where(t => t.DifferencePaise != 0).Select(t => (t.Account, t.DifferencePaise)));
    }
}

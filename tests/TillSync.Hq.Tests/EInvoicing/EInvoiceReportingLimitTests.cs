// Proves the portal's 30-day reporting limit end to end with real HQ and IRP processes: a B2B bill synced more than 30
// days after its date is refused by the portal, parked with the reason and one einvoice_past_limit review item (one
// even after a manager's retry is refused again) and does not hold the till's later bills back; an unregistered bill 21
// days old is at risk on the API (warning, report-by date, ?atRisk=true) and in the tillsync_einvoice_at_risk gauge.
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Core.EInvoicing;
using TillSync.Testing;

namespace TillSync.Hq.Tests.EInvoicing;

public sealed class EInvoiceReportingLimitTests(EInvoiceFixture fixture) : IClassFixture<EInvoiceFixture>
{
    [Fact]
    public async Task BillPastTheLimit_IsParkedWithOneReviewItem_AndTheTillsNextBillRegisters()
    {
        var till = await fixture.EnrolTillAsync();
        var late = Dated(till, ReportingLimit.Days + 1, EInvoiceFixture.Buyer);
        var next = till.Orders.Next([OrderFactory.Line("GHEE-1L", 1)], EInvoiceFixture.Buyer);
        await till.SyncAsync([late, next]);

        var bills = await fixture.SettledAsync(till.TillId, 2);

        var parked = bills.Single(b => b.ClientOrderId == late.ClientOrderId);
        Assert.Equal("failed", parked.Status);
        Assert.Contains(IrpErrorCodes.ReportingLimitPassed, parked.LastError, StringComparison.Ordinal);
        Assert.StartsWith("Past the reporting limit", parked.Warning, StringComparison.Ordinal);
        Assert.Equal(DocumentDates.Text(ReportingLimit.LastDay(DocumentDates.Of(late.CreatedAt))), parked.ReportBy);
        Assert.Equal("registered", bills.Single(b => b.ClientOrderId == next.ClientOrderId).Status);
        var item = Assert.Single(await PastLimitItemsAsync(till.TillId));
        Assert.Equal(late.ClientOrderId, item.ClientOrderId);
        Assert.Equal(late.BillNo, item.BillNo);
        Assert.Contains("2296", item.Detail, StringComparison.Ordinal);
        Assert.Equal([ResolutionActions.Acknowledge], item.AllowedActions);

        using (var retry = await fixture.RetryAsync(late.ClientOrderId, null))
        {
            retry.EnsureSuccessStatusCode();
        }

        await Eventually.UntilAsync(() => fixture.FindAsync(late.ClientOrderId), b => b is { Status: "failed", Attempts: 1 },
            Patience.Exchanges, "the retried bill to be refused and parked again", fixture.Hq);
        Assert.Single(await PastLimitItemsAsync(till.TillId));
    }

    [Fact]
    public async Task UnregisteredBillTwentyOneDaysOld_IsAtRisk_InTheListTheFilterAndTheGauge()
    {
        var till = await fixture.EnrolTillAsync();
        // No buyer address: the bill is parked at once, so it stays unregistered at 21 days.
        var old = Dated(till, 21, HqScenario.B2BIntraState);
        var fresh = till.Orders.Next([OrderFactory.Line("RICE-5KG", 1)], HqScenario.B2BIntraState);
        await till.SyncAsync([old, fresh]);
        var bills = await fixture.SettledAsync(till.TillId, 2);

        var atRisk = bills.Single(b => b.ClientOrderId == old.ClientOrderId);
        var reportBy = ReportingLimit.LastDay(DocumentDates.Of(old.CreatedAt));
        Assert.Equal("failed", atRisk.Status);
        Assert.Equal(DocumentDates.Text(reportBy), atRisk.ReportBy);
        Assert.StartsWith($"At risk: register by {DocumentDates.Text(reportBy)}", atRisk.Warning, StringComparison.Ordinal);
        Assert.Null(bills.Single(b => b.ClientOrderId == fresh.ClientOrderId).Warning);
        var filtered = await fixture.ListAsync(till.TillId, atRisk: true);
        Assert.Equal([old.ClientOrderId], filtered.Select(b => b.ClientOrderId));

        using var http = fixture.Hq.CreateClient(fixture.Hq.AdminToken);
        var scrape = await PrometheusText.ScrapeAsync(http);
        var everyAtRisk = await fixture.ListAsync(atRisk: true);
        Assert.Equal(everyAtRisk.Count, scrape.Sum("tillsync_einvoice_at_risk"));
        Assert.Contains(everyAtRisk, b => b.ClientOrderId == old.ClientOrderId);
    }

    // A B2B sale the till made daysAgo days before now (IST), taking the till's next tillSeq.
    private static OrderDto Dated(TillClient till, int daysAgo, CustomerDto buyer) =>
        till.Orders.Build(till.Orders.NextSeq++, [OrderFactory.Line("RICE-5KG", 2)], buyer, OrderFactory.Now().AddDays(-daysAgo));

    private async Task<IReadOnlyList<ReviewItemView>> PastLimitItemsAsync(long tillId) =>
        (await new ManagerClient(fixture.Hq).ListReviewsAsync($"status=all&kind={ReviewKinds.EInvoicePastLimit}&tillId={tillId}")).Items;
}

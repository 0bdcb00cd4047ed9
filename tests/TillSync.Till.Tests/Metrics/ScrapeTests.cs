// Proves HQ's and a till's /metrics pass `promtool check metrics` after a real sync, and that their document counters
// move by exactly the sales synced. Real HQ and till processes, sales rung up over the till's HTTP API.
using System.Net;
using TillSync.Testing;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Metrics;

public sealed class ScrapeTests
{
    private const int SalesCount = 3;

    [Fact]
    public async Task Metrics_AfterASync_PassPromtoolAndCountExactlyTheSalesSynced()
    {
        await using var shop = await TillScenario.StartAsync();
        var till = await shop.StartTillProcessAsync();
        await till.Api.WaitDrainedAsync();
        // An empty queue does not mean the snapshot has come: the harness logs the seeded cashier in only once the till lists
        // the store's staff (CI once sold before that and got 401).
        await Eventually.UntilAsync(() => till.Api.StaffAsync(), staff => staff.Any(s => s.Name == SeededStaff.Cashier.Name), Patience.Exchanges,
            "the till to hold the store's staff from its snapshot", till);
        using var hqHttp = shop.Hq.CreateClient(shop.Hq.AdminToken);
        using var tillHttp = new HttpClient { BaseAddress = till.Api.BaseAddress };
        var hqBefore = await PrometheusText.ScrapeAsync(hqHttp);
        var tillBefore = await PrometheusText.ScrapeAsync(tillHttp);

        await Carts.SellSugarAsync(till.Api, SalesCount);

        await till.Api.WaitDrainedAsync();
        var hqAfter = await PrometheusText.ScrapeAsync(hqHttp);
        var tillAfter = await PrometheusText.ScrapeAsync(tillHttp);

        await hqAfter.AssertPromtoolPassesAsync();
        await tillAfter.AssertPromtoolPassesAsync();
        Assert.Equal(SalesCount, Delta(hqBefore, hqAfter, "tillsync_sync_documents_total", ("tillsync_sync_status", "created"), ("tillsync_document_kind", "sale")));
        Assert.Equal(0, Delta(hqBefore, hqAfter, "tillsync_sync_documents_total", ("tillsync_sync_status", "duplicate")));
        // The sales and the shift's open the harness's login made before them.
        Assert.Equal(SalesCount + 1, Delta(tillBefore, tillAfter, "tillsync_sync_documents_total", ("tillsync_sync_status", "synced")));
        Assert.Equal(SalesCount, Delta(tillBefore, tillAfter, "tillsync_sale_duration_seconds_count", ("tillsync_sale_outcome", "recorded")));
        Assert.Equal(0, tillAfter.Sum("tillsync_outbox_queue_depth"));
        Assert.True(tillAfter.Has("tillsync_sync_last_success_age_seconds"), tillAfter.Text);
        Assert.True(hqAfter.Sum("tillsync_sync_duration_seconds_count", ("tillsync_sync_outcome", "answered")) >= 1, hqAfter.Text);
        var tillId = shop.Till.TillId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(hqAfter.Has("tillsync_till_contact_age_seconds", ("tillsync_till_id", tillId)), hqAfter.Text);
        Assert.True(hqAfter.Has("tillsync_review_items_open", ("tillsync_review_kind", "stock_short")), hqAfter.Text);
        // The series docs/alerts/tillsync.rules.yml reads are there under the names it uses.
        Assert.True(hqAfter.Has("tillsync_einvoice_at_risk"), hqAfter.Text);
        Assert.True(hqAfter.Has("tillsync_einvoice_bills", ("tillsync_einvoice_status", "failed")), hqAfter.Text);
    }

    [Fact]
    public async Task HqMetrics_WithoutTheManagerToken_AreRefused()
    {
        await using var shop = await TillScenario.StartAsync();
        using var anonymous = shop.Hq.CreateClient(bearerToken: null);
        using var asTill = shop.Hq.CreateClient(shop.Till.Token);

        using var noToken = await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var tillToken = await asTill.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal("application/problem+json", noToken.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, tillToken.StatusCode);
        Assert.DoesNotContain("tillsync_", await tillToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static double Delta(PrometheusText before, PrometheusText after, string name, params (string, string)[] labels) =>
        after.Sum(name, labels) - before.Sum(name, labels);
}

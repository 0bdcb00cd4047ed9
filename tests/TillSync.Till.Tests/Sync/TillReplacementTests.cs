// Proves a dead till is replaced by a new device without a bill number used twice: the old till sells five, HQ gets
// three, the old till dies; the manager replaces it; the new device (real `tillsync till` process, new token) starts past
// the gap HQ lists, which holds the two bills HQ never got, and its sales commit while the dead device's token is refused.
using System.Net;
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Contracts.Tills;
using TillSync.Testing;
using TillSync.Till.Receipts;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Sync;

public sealed class TillReplacementTests
{
    private const int Reserve = 2;

    [Fact]
    public async Task Replace_DeadTillWithUndeliveredBills_NewDeviceStartsPastTheListedGapAndNoBillNumberRepeats()
    {
        await using var shop = await TillScenario.StartAsync();
        var dead = await shop.StartTillProcessAsync();
        await dead.Api.WaitOnlineAsync();
        var printed = new List<Receipt>();
        printed.AddRange(await Carts.SellSugarAsync(dead.Api, 3));
        await dead.Api.WaitDrainedAsync();
        shop.Link.SetMode(LinkMode.Refuse);
        var undelivered = await Carts.SellSugarAsync(dead.Api, 2);
        printed.AddRange(undelivered);
        dead.KillHard();
        shop.Link.SetMode(LinkMode.Pass);
        using var manager = shop.Hq.CreateClient(shop.Hq.AdminToken);

        // The cashier counted two paper bills after the till lost HQ: they are reserved beyond its last reported queue.
        using var response = await manager.PostAsJsonAsync(new Uri($"/api/v1/tills/{shop.Till.TillId}/replacement", UriKind.Relative),
            new TillReplacementRequest(Reserve), TillSyncJsonContext.Default.TillReplacementRequest);
        await Responses.ExpectStatusAsync(response, HttpStatusCode.Created, shop.Hq);
        var replaced = (await response.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.TillReplacementResult))!;
        var gaps = await manager.GetFromJsonAsync($"/api/v1/tills/{shop.Till.TillId}/gaps", TillSyncJsonContext.Default.IReadOnlyListTillGap);
        var tills = await manager.GetFromJsonAsync("/api/v1/tills", TillSyncJsonContext.Default.IReadOnlyListTillView);
        await using var replacement = await TillProcess.StartAsync(shop.Link.Address, replaced.Token);
        await replacement.Api.WaitOnlineAsync();
        var fresh = await Carts.SellSugarAsync(replacement.Api, 2);
        await replacement.Api.WaitDrainedAsync();
        using var deadToken = shop.Hq.CreateClient(shop.Till.Token);
        using var refused = await deadToken.GetAsync(new Uri("/api/v1/till/snapshot", UriKind.Relative));

        var gap = Assert.Single(gaps!);
        Assert.Equal(1, tills!.Single(t => t.TillId == shop.Till.TillId).Replacements);
        Assert.Equal(replaced.Gap, gap);
        Assert.Equal(5, gap.FromSeq); // after the shift's open and the three delivered bills
        Assert.Equal(gap.FromSeq + (gap.ReportedQueueDepth ?? 0) + Reserve - 1, gap.ToSeq);
        Assert.Equal(printed[2].BillNo, gap.LastDeliveredBillNo);
        Assert.All(undelivered, r => Assert.InRange(r.TillSeq, gap.FromSeq, gap.ToSeq));
        Assert.Equal([replaced.NextSeq + 1, replaced.NextSeq + 2], fresh.Select(r => r.TillSeq)); // after the new device's shift open
        Assert.Empty(fresh.Select(r => r.BillNo).Intersect(printed.Select(r => r.BillNo)));
        Assert.All(fresh, r => Assert.True(BillSerial(r.BillNo) > gap.ToSeq, $"{r.BillNo} is inside the gap up to {gap.ToSeq}"));
        var orders = await shop.HqOrdersAsync();
        Assert.Equal(printed.Take(3).Concat(fresh).Select(r => r.BillNo), orders.Select(o => o.Order.BillNo));
        Assert.All(orders, o => Assert.Equal("committed", o.Status));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static long BillSerial(string billNo) => long.Parse(billNo[(billNo.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}

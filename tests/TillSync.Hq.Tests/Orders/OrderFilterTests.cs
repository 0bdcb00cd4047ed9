// Proves the orders listing's filters for the back office against a real HQ (SQLite, or PostgreSQL with
// TILLSYNC_TEST_STORE=postgres): newest first paged with before/nextBefore, by bill number or its start, phone, GSTIN and
// dates; and that a bad filter is a 400 problem.
using System.Globalization;
using System.Net;
using TillSync.Contracts.Orders;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Orders;

public sealed class OrderFilterTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task Orders_NewestFirst_PagesBackWithNextBefore()
    {
        var till = await fixture.EnrolTillAsync();
        var orders = till.Orders.NextBatch(5);
        await SyncAllAsync(till, orders);

        var pages = new List<OrderPage>();
        string? before = null;
        do
        {
            var page = await fixture.Manager.QueryOrdersAsync($"tillId={till.TillId}&sort=newest&limit=2{before}");
            pages.Add(page);
            before = page.NextBefore is { } cursor ? $"&before={cursor}" : null;
        }
        while (before is not null && pages.Count < 10);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Orders.Count));
        Assert.Equal(pages[0].Orders[^1].HqSeq, pages[0].NextBefore);
        Assert.All(pages, p => Assert.Null(p.NextAfter));
        Assert.Null(pages[2].NextBefore);
        Assert.Equal(orders.Reverse().Select(o => o.ClientOrderId), pages.SelectMany(p => p.Orders).Select(o => o.ClientOrderId));
    }

    [Fact]
    public async Task Orders_ByBillNumber_FindsTheBillOrEveryBillStartingSo()
    {
        var till = await fixture.EnrolTillAsync();
        var other = await fixture.EnrolTillAsync();
        var orders = till.Orders.NextBatch(3);
        await SyncAllAsync(till, orders);
        await SyncAllAsync(other, other.Orders.NextBatch(2));

        var exact = await fixture.Manager.QueryOrdersAsync($"sort=newest&billNo={Uri.EscapeDataString(orders[1].BillNo)}");
        var byStart = await fixture.Manager.QueryOrdersAsync($"sort=newest&billNo={Uri.EscapeDataString(till.BillPrefix + "/")}");

        Assert.Equal(orders[1].ClientOrderId, Assert.Single(exact.Orders).ClientOrderId);
        Assert.Equal(orders.Reverse().Select(o => o.ClientOrderId), byStart.Orders.Select(o => o.ClientOrderId));
    }

    [Fact]
    public async Task Orders_ByPhoneAndByGstin_FindTheCustomersBills()
    {
        var till = await fixture.EnrolTillAsync();
        // A phone no other test's bill carries: 9 then the till id, so that a shared fixture's other sales never match.
        var phone = string.Create(CultureInfo.InvariantCulture, $"9{till.TillId:D9}");
        var walkIn = till.Orders.Next([OrderFactory.Line("GHEE-1L", 1)], new CustomerDto(phone));
        var plain = till.Orders.Next([OrderFactory.Line("GHEE-1L", 1)], HqScenario.B2BIntraState);
        var interState = till.Orders.Next([OrderFactory.Line("RICE-5KG", 2)], HqScenario.B2BInterState);
        var again = till.Orders.Next([OrderFactory.Line("SOAP-125G", 3)], new CustomerDto(phone));
        await SyncAllAsync(till, [walkIn, plain, interState, again]);

        var byPhone = await fixture.Manager.QueryOrdersAsync($"sort=newest&phone={phone}");
        var byGstin = await fixture.Manager.QueryOrdersAsync(
            $"tillId={till.TillId}&gstin={HqScenario.B2BInterState.Gstin!.ToLowerInvariant()}");

        Assert.Equal([again.ClientOrderId, walkIn.ClientOrderId], byPhone.Orders.Select(o => o.ClientOrderId));
        Assert.All(byPhone.Orders, o => Assert.Equal(phone, o.Order.Customer?.Phone));
        Assert.Equal(interState.ClientOrderId, Assert.Single(byGstin.Orders).ClientOrderId);
        Assert.Equal(interState.Totals.TotalPaise, byGstin.Orders[0].Order.Totals.TotalPaise);
    }

    [Fact]
    public async Task Orders_ByDates_TakeTheBillsBusinessDaysBothEndsIncluded()
    {
        var till = await fixture.EnrolTillAsync();
        var today = OrderFactory.Now();
        var lines = (IReadOnlyList<OrderLineDto>)[OrderFactory.Line("GHEE-1L", 1)];
        var threeDaysAgo = till.Orders.Build(1, lines, createdAt: today.AddDays(-3));
        var yesterday = till.Orders.Build(2, lines, createdAt: today.AddDays(-1));
        var now = till.Orders.Build(3, lines, createdAt: today);
        await SyncAllAsync(till, [threeDaysAgo, yesterday, now]);
        string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var oneDay = await fixture.Manager.QueryOrdersAsync($"tillId={till.TillId}&from={Day(yesterday.CreatedAt)}&to={Day(yesterday.CreatedAt)}");
        var since = await fixture.Manager.QueryOrdersAsync($"tillId={till.TillId}&sort=newest&from={Day(yesterday.CreatedAt)}");
        var until = await fixture.Manager.QueryOrdersAsync($"tillId={till.TillId}&to={Day(today.AddDays(-2))}");

        Assert.Equal(yesterday.ClientOrderId, Assert.Single(oneDay.Orders).ClientOrderId);
        Assert.Equal([now.ClientOrderId, yesterday.ClientOrderId], since.Orders.Select(o => o.ClientOrderId));
        Assert.Equal(threeDaysAgo.ClientOrderId, Assert.Single(until.Orders).ClientOrderId);
    }

    public static TheoryData<string> BadFilters => [
        "from=2026-13-01",
        "to=yesterday",
        "from=2026-11-29&to=2026-11-28",
        "gstin=29AAACR5055K1Z4",
        "gstin=29AAACR5055K1Z",
        "phone=12345",
        "phone=98765432100",
        "billNo=" + new string('7', 17),
        "billNo=T01_",
        "billNo=T01%2F2627%25",
        "sort=sideways",
        "limit=0",
        "limit=501",
        "sort=newest&after=5",
        "before=5",
        "after=-1",
    ];

    [Theory]
    [MemberData(nameof(BadFilters))]
    public async Task Orders_BadFilter_Returns400Problem(string query)
    {
        var detail = await Responses.ExpectProblemAsync(await fixture.Manager.QueryOrdersRawAsync(query), HttpStatusCode.BadRequest, fixture.Hq);

        Assert.NotEmpty(detail);
        if (query.StartsWith("gstin=", StringComparison.Ordinal))
        {
            Assert.Contains("gstin is a buyer's GSTIN: 15 characters with a correct check character", detail, StringComparison.Ordinal);
        }
    }

    private static async Task SyncAllAsync(TillClient till, IReadOnlyList<OrderDto> orders) =>
        Assert.All((await till.SyncAsync(orders)).Results, r => Assert.Equal(SyncStatus.Created, r.Status));
}

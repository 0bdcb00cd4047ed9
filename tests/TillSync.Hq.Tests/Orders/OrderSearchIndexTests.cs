// Proves the orders listing's searches by phone and by a bill number's start are served by an index (migration 0027) on
// the store the suite runs against: the real filter's SQL over a real migrated database holding a few thousand bills,
// planned by the engine itself (SQLite's EXPLAIN QUERY PLAN; PostgreSQL's EXPLAIN after ANALYZE). Before 0027 both read
// every bill: the phone as JSON in each body, the bill number through substr. PostgreSQL's phone index came with 0031, on an
// expression that skips a body holding the \u0000 escape (jsonb refuses it): such a bill is recorded and searched past.
using System.Globalization;
using TillSync.Core.Tax;
using TillSync.Hq.Orders;
using TillSync.Hq.Storage;
using TillSync.Hq.Stores;
using TillSync.Hq.Tests.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Tests.Orders;

public sealed class OrderSearchIndexTests
{
    private const int Bills = 3000;
    private const int NulBill = 7;

    private static readonly GstinPolicy Gstins = new(GstinRule.Checked);

    [Theory]
    [InlineData("phone", "ix_orders_customer_phone")]
    [InlineData("billNo", "ix_orders_bill_no")]
    public async Task Search_IsPlannedOnItsIndex_NotAScanOfEveryBill(string search, string index)
    {
        await using var store = await OneTillDatabase.CreateAsync("order-search-" + search, TimeProvider.System);
        await AddBillsAsync(store.Database);
        var (filter, problem) = search == "phone"
            ? OrderFilter.Parse(null, null, "9800001234", null, null, null, OrderFilter.Newest, null, null, null, Gstins)
            : OrderFilter.Parse(null, "t01/2627/0012", null, null, null, null, OrderFilter.Newest, null, null, null, Gstins);
        Assert.True(filter is not null, problem);

        var plan = await PlanAsync(store.Database, filter);

        Assert.Contains(index, plan, StringComparison.Ordinal);
        Assert.DoesNotContain(store.Database.Engine.Kind == StoreEngine.Postgres ? "Seq Scan" : "SCAN o", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BillNumberStart_FindsExactlyTheBillsStartingSo_InByteOrder()
    {
        await using var store = await OneTillDatabase.CreateAsync("order-search-range", TimeProvider.System);
        await AddBillsAsync(store.Database);
        var (filter, _) = OrderFilter.Parse(null, "T01/2627/0012", null, null, null, null, OrderFilter.Newest, null, null, 500, Gstins);
        var (where, parameters) = filter!.Where(store.Database.Engine);

        await using var connection = await store.Database.OpenAsync(CancellationToken.None);
        var found = await connection.Command($"SELECT o.bill_no FROM orders o WHERE {where} ORDER BY {filter.OrderBy}")
            .WithAll(parameters).ListAsync(r => r.GetString(0), CancellationToken.None);

        // T01/2627/001200 … 001299: a hundred bills, and not 001300 (the range's end) nor 00120 of another series.
        Assert.Equal(Enumerable.Range(1200, 100).Reverse().Select(Bill), found);
    }

    [Fact]
    public async Task PhoneSearch_FindsItsBill_PastABodyHoldingANul()
    {
        await using var store = await OneTillDatabase.CreateAsync("order-search-nul", TimeProvider.System);
        await AddBillsAsync(store.Database);
        var (filter, _) = OrderFilter.Parse(null, null, "9800001230", null, null, null, OrderFilter.Newest, null, null, null, Gstins);
        var (where, parameters) = filter!.Where(store.Database.Engine);

        await using var connection = await store.Database.OpenAsync(CancellationToken.None);
        var found = await connection.Command($"SELECT o.bill_no FROM orders o WHERE {where} ORDER BY {filter.OrderBy}")
            .WithAll(parameters).ListAsync(r => r.GetString(0), CancellationToken.None);

        // On PostgreSQL, reading that body as jsonb failed the whole search ("unsupported Unicode escape sequence").
        Assert.Equal([Bill(1230)], found);
    }

    private static async Task<string> PlanAsync(HqDatabase database, OrderFilter filter)
    {
        var (where, parameters) = filter.Where(database.Engine);
        var query = $"SELECT o.hq_seq FROM orders o WHERE {where} ORDER BY {filter.OrderBy} LIMIT 101";
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var explain = database.Engine.Kind == StoreEngine.Postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ";
        var rows = await connection.Command(explain + query).WithAll(parameters)
            .ListAsync(r => Convert.ToString(r.GetValue(r.FieldCount - 1), CultureInfo.InvariantCulture)!, CancellationToken.None);
        return string.Join('\n', rows);
    }

    // Bills T01/2627/000001 …, one in ten with a phone of its own, and the statistics a live HQ's planner has.
    private static async Task AddBillsAsync(HqDatabase database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
        for (var n = 1; n <= Bills; n++)
        {
            var body = n % 10 == 0 ? "{\"customer\":{\"phone\":\"98" + n.ToString("D8", CultureInfo.InvariantCulture) + "\"}}"
                : n == NulBill ? "{\"customer\":{\"name\":\"A\\u0000B\",\"phone\":\"9800000007\"}}" // a rejected sale's body may hold one
                : "{}";
            await connection.Command("""
                INSERT INTO orders (hq_seq, client_order_id, store_id, till_id, till_seq, bill_no, status, fingerprint, created_at, committed_at,
                                    taxable_paise, cgst_paise, sgst_paise, igst_paise, round_off_paise, total_paise, body_json)
                VALUES (@n, @id, 1, 1, @n, @bill, 'committed', 'f', '2026-12-01T10:00:00.0000000Z', '2026-12-01T10:00:00.0000000Z',
                        100, 0, 0, 0, 0, 100, @body)
                """, transaction)
                .With("@n", (long)n).With("@id", $"00000000-0000-7000-8000-{n:D12}").With("@bill", Bill(n)).With("@body", body)
                .ExecuteAsync(CancellationToken.None);
        }

        await transaction.CommitAsync(CancellationToken.None);
        await connection.Command("ANALYZE").ExecuteAsync(CancellationToken.None);
    }

    private static string Bill(int n) => string.Create(CultureInfo.InvariantCulture, $"T01/2627/{n:D6}");
}

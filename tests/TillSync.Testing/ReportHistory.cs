using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using TillSync.Core.Orders;
using TillSync.Core.Tax;
using TillSync.Hq.Accounting;
using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Testing;

/// <summary>Builds a history of <c>orders</c> sales for the reports benchmark straight into a migrated HQ database:
/// each sale's journal entry (and every 40th sale's return) is written by HQ's own <see cref="JournalWriter"/> — the
/// postings and the maintained balances in one transaction per 2,000 entries, as HQ posts them — but without the order,
/// line and stock rows, which no report reads (issue 18 allows this for the large sizes). The sales are spread evenly
/// over <c>days</c> business days and four stores, 09:00–19:00 IST. A sale's money depends only on its number modulo
/// <see cref="Cycle"/>, which is what lets <see cref="SetBasedReportHistory"/> write the same history with a few statements.</summary>
public static class ReportHistory
{
    public const int Stores = 4;
    public const int ReturnEvery = 40;

    /// <summary>Sales <c>i</c> and <c>i + Cycle</c> carry the same lines, customer, tender, store and return: the least
    /// common multiple of the catalogue (6), the quantities (3), the customers (10), the tenders (3), the stores and
    /// <see cref="ReturnEvery"/>.</summary>
    public const int Cycle = 120;
    private const int EntriesPerTransaction = 2_000;
    private const string StoreGstin = "29AABCH1234K1ZN";

    // A small catalogue: SKU, price, GST rate, cost (paise).
    private static readonly (string Sku, long PricePaise, int GstRateBp, long CostPaise)[] Catalogue =
    [
        ("GHEE-1L", 65_000, 1_200, 56_000), ("RICE-5KG", 32_500, 500, 28_000), ("COLA-750", 4_000, 2_800, 2_600),
        ("SOAP-100", 3_500, 1_800, 2_200), ("SALT-1KG", 2_800, 0, 2_000), ("TEA-250", 14_000, 500, 11_000),
    ];

    private static readonly Dictionary<string, long> CostBySku = Catalogue.ToDictionary(c => c.Sku, c => c.CostPaise, StringComparer.Ordinal);

    /// <summary>The first business day of every history: ten years of days (the default) end on 2026-11-30.</summary>
    public static readonly DateOnly FirstDay = new(2016, 12, 1);

    public static async Task BuildAsync(HqDatabase database, int orders, int days, Action<string> progress)
    {
        await new Migrator(database, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await AddStoresAsync(connection);
        for (var first = 0; first < orders; first += EntriesPerTransaction)
        {
            await using var transaction = await database.BeginWriteAsync(connection, CancellationToken.None);
            var journal = new JournalWriter(database.BulkParametersPerStatement);
            for (var i = first; i < Math.Min(orders, first + EntriesPerTransaction); i++)
            {
                foreach (var (entry, postedAt) in EntriesOf(i, orders, days))
                {
                    journal.Add(entry, postedAt);
                }
            }

            await journal.FlushAsync(connection, transaction, CancellationToken.None);
            await transaction.CommitAsync();
            if ((first / EntriesPerTransaction) % 500 == 0)
            {
                progress(string.Create(CultureInfo.InvariantCulture, $"{first + EntriesPerTransaction:N0} of {orders:N0} orders written"));
            }
        }
    }

    /// <summary>The history's four stores, in Karnataka.</summary>
    public static async Task AddStoresAsync(DbConnection connection)
    {
        for (var store = 1; store <= Stores; store++)
        {
            await connection.Command("""
                INSERT INTO stores (store_id, is_default, gstin, legal_name, address1, location, pin, state_code, created_at, updated_at)
                VALUES (@id, @default, @gstin, @name, '12 Hosur Road', 'Bengaluru', 560034, '29', '2016-12-01T00:00:00.0000000Z', '2016-12-01T00:00:00.0000000Z')
                """).With("@id", store).With("@default", store == 1 ? 1 : 0).With("@gstin", StoreGstin)
                .With("@name", string.Create(CultureInfo.InvariantCulture, $"Bench store {store}")).ExecuteAsync(CancellationToken.None);
        }
    }

    /// <summary>The business day sale <paramref name="i"/> of <paramref name="orders"/> falls on.</summary>
    public static DateOnly DayOf(long i, int orders, int days) => FirstDay.AddDays((int)(i * days / orders));

    /// <summary>Sale <paramref name="i"/>'s journal entry, and every <see cref="ReturnEvery"/>th sale's return, each with
    /// the moment it is posted at.</summary>
    public static IReadOnlyList<(JournalEntry Entry, DateTimeOffset PostedAt)> EntriesOf(int i, int orders, int days)
    {
        var at = new DateTimeOffset(DayOf(i, orders, days).ToDateTime(new TimeOnly(9, 0)).AddMinutes(i % 600), BillNumber.IstOffset);
        var storeId = 1 + (i % Stores);
        var customer = (i % 10) switch
        {
            0 => new Customer(Gstin: "29AAACR5055K1Z3", Name: "Ramesh Traders", PlaceOfSupply: "29"),
            1 => new Customer(Gstin: "27AAACS7319F1ZE", Name: "Sharma Distributors", PlaceOfSupply: "27"),
            _ => null,
        };
        var kind = OrderTotals.SupplyKindOf(StoreGstin, customer?.PlaceOfSupply);
        var lines = Enumerable.Range(0, 3).Select(n => Catalogue[(i + (n * 2)) % Catalogue.Length])
            .Select((c, n) => new OrderLine(c.Sku, 1 + ((i + n) % 3), c.PricePaise, 0, c.GstRateBp)).ToList();
        var taxes = lines.Select(l => GstCalculator.ForLine(l.Qty, l.UnitPricePaise, l.DiscountPaise, l.GstRateBp, kind)).ToList();
        var totals = OrderTotals.Compute(lines, kind);
        var payment = new Payment(TenderMethods.All[i % 3], totals.TotalPaise);
        var id = new Guid(i, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]);
        var order = new Order(id, BillNumber.Format("T01", at, i + 1), at, lines, [payment], totals, customer);
        var entries = new List<(JournalEntry, DateTimeOffset)> { (SaleEntry.For(order, storeId, kind, taxes, CostBySku), at) };
        if (i % ReturnEvery == 0)
        {
            var returned = new ReturnedLineMoney(lines[0].GstRateBp, GstCalculator.ForLine(1, lines[0].UnitPricePaise, 0, lines[0].GstRateBp, kind),
                Restocked: true, CostBySku[lines[0].Sku]);
            var refund = BillTotals.Of([returned.Tax]);
            entries.Add((ReturnEntry.For(new Guid(i, 0, 0, [0, 0, 0, 0, 0, 0, 0, 2]), $"T01/C{i}", at.AddMinutes(5), storeId, kind,
                customer?.Gstin is not null, [returned], refund, [(TenderMethods.Cash, refund.TotalPaise)], 0, 0), at));
        }

        return entries;
    }
}

// Builds cashier carts from HqScenario's catalogue and the totals TillSync.Core gives for them (never reimplemented
// here), with tenders that cover the bill: exact, over-tendered cash, or split across card, UPI and cash.
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Testing;
using TillSync.Till.Receipts;
using TillSync.Till.Sales;

namespace TillSync.Till.Tests.Harness;

/// <summary>Sale requests for the till's local API. Not thread-safe: one per test.</summary>
public sealed class Carts
{
    private readonly Random random;

    /// <summary>Random carts from <paramref name="seed"/>; print it in the test so a failure can be replayed.</summary>
    public Carts(int seed)
    {
        Seed = seed;
        random = new Random(seed);
    }

    /// <summary>The seed of this cart generator.</summary>
    public int Seed { get; }

    /// <summary>The bill totals Core computes for a cart at catalogue prices.</summary>
    public static OrderTotalsDto ExpectedTotals(IReadOnlyList<CartLine> lines, CustomerDto? customer = null) =>
        SaleMapping.ToDto(OrderTotals.Compute(SaleMapping.ToCore([.. ExpectedLines(lines)]), OrderTotals.SupplyKindOf(HqScenario.StoreGstin, customer?.PlaceOfSupply)));

    /// <summary>The order lines a cart becomes: catalogue SKU (a barcode resolves to it), price and rate.</summary>
    public static IEnumerable<OrderLineDto> ExpectedLines(IReadOnlyList<CartLine> lines) =>
        lines.Select(l =>
        {
            var product = HqScenario.Products.Single(p => p.Sku == l.Sku || p.Barcode == l.Sku);
            return HqScenario.LineOf(product, l.Qty, l.DiscountPaise);
        });

    /// <summary>The cart paid with exactly the total in cash.</summary>
    public static SaleRequest PaidInCash(IReadOnlyList<CartLine> lines, CustomerDto? customer = null) =>
        new(lines, [new Tender(PaymentMethods.Cash, ExpectedTotals(lines, customer).TotalPaise)], customer);

    /// <summary>Rings up <paramref name="count"/> cash sales of loose sugar (0.5 kg, 1.5 kg, …) one after another on
    /// <paramref name="till"/>; returns their receipts in order.</summary>
    public static async Task<List<Receipt>> SellSugarAsync(TillApi till, int count)
    {
        var receipts = new List<Receipt>();
        for (var i = 0; i < count; i++)
        {
            receipts.Add(await till.SellAsync(PaidInCash([new CartLine("SUGAR-LOOSE", 0.5m + i)])));
        }

        return receipts;
    }

    /// <summary>A random cart of 1 to 3 products (loose goods by the gram, others by the piece) with random tenders.</summary>
    public SaleRequest Next()
    {
        var count = random.Next(1, 4);
        List<CartLine> lines = [.. HqScenario.Products.OrderBy(_ => random.Next()).Take(count).Select(p =>
            new CartLine(random.Next(3) == 0 && p.Barcode is not null ? p.Barcode : p.Sku,
                p.Unit == "KGS" ? random.Next(100, 2_501) / 1_000m : random.Next(1, 4)))];
        var totalPaise = ExpectedTotals(lines).TotalPaise;
        return new SaleRequest(lines, Tenders(totalPaise));
    }

    private List<Tender> Tenders(long totalPaise) => random.Next(4) switch
    {
        // Cash rounded up to the next ₹100 note: change is given.
        0 => [new Tender(PaymentMethods.Cash, ((totalPaise / 10_000) + 1) * 10_000)],
        1 => [new Tender(PaymentMethods.Card, totalPaise)],
        2 when totalPaise >= 200 => [new Tender(PaymentMethods.Upi, totalPaise / 2), new Tender(PaymentMethods.Cash, totalPaise - (totalPaise / 2))],
        _ => [new Tender(PaymentMethods.Cash, totalPaise)],
    };
}

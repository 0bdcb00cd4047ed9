// Builds valid orders the way a till would: UUIDv7 ids, contiguous tillSeq, bill numbers and totals from
// TillSync.Core (never reimplemented here), and payments that add up to the total, split across tenders.
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Till.Sales;

namespace TillSync.Testing;

/// <summary>Valid orders for one till. Not thread-safe: one factory per till per test.</summary>
public sealed class OrderFactory
{
    private static readonly TimeSpan Ist = new(5, 30, 0);
    private static readonly string[] Tenders = [PaymentMethods.Cash, PaymentMethods.Card, PaymentMethods.Upi];
    private readonly string billPrefix;
    private readonly Random random;

    public OrderFactory(string billPrefix, int? seed = null)
    {
        this.billPrefix = billPrefix;
        Seed = seed ?? Random.Shared.Next();
        random = new Random(Seed);
    }

    /// <summary>The seed of this factory's choices, for reproducing a failure.</summary>
    public int Seed { get; }

    /// <summary>The <c>tillSeq</c> the next <see cref="Next"/> gets.</summary>
    public long NextSeq { get; set; } = 1;

    /// <summary>A sale time as a till in Bengaluru records it: now, in IST, to the second.</summary>
    public static DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).ToOffset(Ist);
    }

    /// <summary>The next sale: 1 to 3 random catalogue lines, B2C or now and then B2B.</summary>
    public OrderDto Next(IReadOnlyList<OrderLineDto>? lines = null, CustomerDto? customer = null)
    {
        customer ??= random.Next(5) switch
        {
            0 => HqScenario.B2BIntraState,
            1 => HqScenario.B2BInterState,
            _ => null,
        };
        return Build(NextSeq++, lines ?? RandomLines(), customer);
    }

    /// <summary>The next sale, to a walk-in customer (B2C, intra-state), with <paramref name="lines"/>.</summary>
    public OrderDto NextWalkIn(IReadOnlyList<OrderLineDto> lines) => Build(NextSeq++, lines);

    /// <summary>The next <paramref name="count"/> sales.</summary>
    public IReadOnlyList<OrderDto> NextBatch(int count) => [.. Enumerable.Range(0, count).Select(_ => Next())];

    /// <summary>A valid order with the given sequence number and lines; the id is new unless given.</summary>
    public OrderDto Build(
        long tillSeq, IReadOnlyList<OrderLineDto> lines, CustomerDto? customer = null, DateTimeOffset? createdAt = null,
        Guid? clientOrderId = null)
    {
        var at = createdAt ?? Now();
        var totals = SaleMapping.ToDto(OrderTotals.Compute(SaleMapping.ToCore(lines), OrderTotals.SupplyKindOf(HqScenario.StoreGstin, customer?.PlaceOfSupply)));
        return new OrderDto(
            clientOrderId ?? Guid.CreateVersion7(), tillSeq, BillNumber.Format(billPrefix, at, tillSeq), at,
            lines, SplitPayments(totals.TotalPaise), totals, customer);
    }

    /// <summary>A line of a catalogue product at its catalogue price and rate.</summary>
    public static OrderLineDto Line(string sku, decimal qty, long discountPaise = 0)
    {
        return HqScenario.LineOf(HqScenario.Product(sku), qty, discountPaise);
    }

    /// <summary>1 to 3 distinct products; loose goods by the gram, others 1 to 3 units; now and then a discount.</summary>
    public IReadOnlyList<OrderLineDto> RandomLines()
    {
        var count = random.Next(1, 4);
        var products = HqScenario.Products.OrderBy(_ => random.Next()).Take(count);
        return [.. products.Select(RandomLine)];
    }

    /// <summary>The same order with other lines: totals recomputed with Core and payments rebalanced to match.</summary>
    public static OrderDto WithLines(OrderDto order, IReadOnlyList<OrderLineDto> lines)
    {
        var totals = SaleMapping.ToDto(OrderTotals.Compute(SaleMapping.ToCore(lines), OrderTotals.SupplyKindOf(HqScenario.StoreGstin, order.Customer?.PlaceOfSupply)));
        return order with { Lines = lines, Totals = totals, Payments = Rebalance(order.Payments, totals.TotalPaise) };
    }

    private OrderLineDto RandomLine(ProductDto product)
    {
        var qty = product.Unit == "KGS"
            ? random.Next(100, 2_501) / 1_000m
            : random.Next(1, 4);
        // A discount of about a tenth of the gross now and then; truncation keeps it at or below the gross.
        var discountPaise = random.Next(4) == 0 ? (long)(qty * product.PricePaise / 10m) : 0;
        return HqScenario.LineOf(product, qty, discountPaise);
    }

    private List<PaymentDto> SplitPayments(long totalPaise)
    {
        if (totalPaise < 3 || random.Next(2) == 0)
        {
            return [new PaymentDto(Tenders[random.Next(Tenders.Length)], totalPaise)];
        }

        // Two or three tenders with positive amounts that add up to the total.
        var parts = random.Next(2, 4);
        var cuts = Enumerable.Range(0, parts - 1)
            .Select(_ => random.NextInt64(1, totalPaise))
            .Distinct()
            .Order()
            .ToList();
        var payments = new List<PaymentDto>();
        long previous = 0;
        for (var i = 0; i < cuts.Count; i++)
        {
            payments.Add(new PaymentDto(Tenders[i], cuts[i] - previous));
            previous = cuts[i];
        }

        payments.Add(new PaymentDto(Tenders[cuts.Count], totalPaise - previous));
        return payments;
    }

    private static List<PaymentDto> Rebalance(IReadOnlyList<PaymentDto> payments, long totalPaise)
    {
        var othersPaise = payments.Take(payments.Count - 1).Sum(p => p.AmountPaise);
        return totalPaise - othersPaise > 0
            ? [.. payments.Take(payments.Count - 1), payments[^1] with { AmountPaise = totalPaise - othersPaise }]
            : [new PaymentDto(PaymentMethods.Cash, totalPaise)];
    }
}

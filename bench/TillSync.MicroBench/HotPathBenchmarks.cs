using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TillSync.Contracts;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Core.Tax;
using TillSync.Hq.Orders;

namespace TillSync.MicroBench;

/// <summary>HQ's per-order CPU work on a sync batch of 500 orders of 3 lines, as the load generator sends them: the
/// fingerprint and totals of one order, and the JSON of the whole request each way.</summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private static readonly int[] GstRatesBp = [0, 500, 1200, 1800, 2800];
    private SyncRequest _request = null!;
    private byte[] _body = [];
    private OrderDto _order = null!;

    [GlobalSetup]
    public void SetUp()
    {
        var random = new Random(1);
        var createdAt = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(5.5));
        var orders = new List<OrderDto>(500);
        for (var seq = 1L; seq <= 500; seq++)
        {
            var lines = Enumerable.Range(0, 3).Select(_ =>
            {
                var n = random.Next(1, 51);
                return new OrderLineDto(string.Create(CultureInfo.InvariantCulture, $"SKU-{n:D3}"), random.Next(1, 4), 1_000 + (n * 137), 0,
                    GstRatesBp[n % 5]);
            }).ToList();
            var totals = ToDto(OrderTotals.Compute(OrderMapping.ToCore(new OrderDto(Guid.Empty, seq, "", createdAt, lines, [], new(0, 0, 0, 0, 0, 0))).Lines, SupplyKind.IntraState));
            orders.Add(new OrderDto(Guid.CreateVersion7(), seq, BillNumber.Format("T01", createdAt, seq), createdAt, lines,
                [new PaymentDto(PaymentMethods.Cash, totals.TotalPaise)], totals));
        }

        _request = new SyncRequest(orders);
        _body = JsonSerializer.SerializeToUtf8Bytes(_request, TillSyncJsonContext.Default.SyncRequest);
        _order = orders[0];
    }

    /// <summary>One order read as Core's sale and its SHA-256 over the canonical form (HQ does both for every order of
    /// every batch).</summary>
    [Benchmark]
    public string FingerprintOneOrder() => OrderFingerprint.Compute(OrderMapping.ToCore(_order));

    /// <summary>GST totals of one order's three lines.</summary>
    [Benchmark]
    public BillTotals TotalsOneOrder() => OrderTotals.Compute(OrderMapping.ToCore(_order).Lines, SupplyKind.IntraState);

    /// <summary>Parses a 500-order sync body (what HQ's endpoint does per request).</summary>
    [Benchmark]
    public SyncRequest? Deserialize500() => JsonSerializer.Deserialize(_body, TillSyncJsonContext.Default.SyncRequest);

    /// <summary>Writes a 500-order sync body.</summary>
    [Benchmark]
    public byte[] Serialize500() => JsonSerializer.SerializeToUtf8Bytes(_request, TillSyncJsonContext.Default.SyncRequest);

    /// <summary>Serialises the 500 orders one by one, as HQ does for <c>orders.body_json</c>.</summary>
    [Benchmark]
    public int SerializeEachOrder500()
    {
        var length = 0;
        foreach (var order in _request.Orders)
        {
            length += JsonSerializer.Serialize(order, TillSyncJsonContext.Default.OrderDto).Length;
        }

        return length;
    }

    private static OrderTotalsDto ToDto(BillTotals t) => new(t.TaxablePaise, t.CgstPaise, t.SgstPaise, t.IgstPaise, t.RoundOffPaise, t.TotalPaise);
}

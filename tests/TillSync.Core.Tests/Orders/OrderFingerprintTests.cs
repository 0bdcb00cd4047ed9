// Proves the order fingerprint depends on business content only: not on JSON layout, tillSeq, qty scale or UTC offset.
// How: properties on generated orders — wire JSON reordered and re-indented, equivalent forms, and one-field mutations.
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using TillSync.Contracts;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;

namespace TillSync.Core.Tests.Orders;

public sealed class OrderFingerprintTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly Gen<OrderDto> AnyOrder = OrderGen.ValidOrder.Select(o => o.Order);

    /// <summary>One change each to a business field, each guaranteed to produce a different value.</summary>
    private static readonly (string Field, Func<OrderDto, OrderDto> Mutate)[] Mutations =
    [
        ("clientOrderId", o => o with { ClientOrderId = new Guid(o.ClientOrderId.ToByteArray().Select(b => (byte)(b ^ 0xFF)).ToArray()) }),
        ("billNo", o => o with { BillNo = o.BillNo + "1" }),
        ("createdAt", o => o with { CreatedAt = o.CreatedAt.AddTicks(1) }),
        ("customer", o => o with { Customer = o.Customer is null ? new CustomerDto(null, null, null, null) : null }),
        ("customer.phone", o => o with { Customer = Customer(o) with { Phone = Customer(o).Phone is null ? "9876543210" : null } }),
        ("customer.gstin", o => o with { Customer = Customer(o) with { Gstin = Customer(o).Gstin == "29AAACR5055K1Z3" ? "27AAACS7319F1ZE" : "29AAACR5055K1Z3" } }),
        ("customer.name", o => o with { Customer = Customer(o) with { Name = Customer(o).Name + "x" } }),
        ("customer.placeOfSupply", o => o with { Customer = Customer(o) with { PlaceOfSupply = Customer(o).PlaceOfSupply == "27" ? "29" : "27" } }),
        ("customer.address1", o => o with { Customer = Customer(o) with { Address1 = Customer(o).Address1 + "x" } }),
        ("customer.location", o => o with { Customer = Customer(o) with { Location = Customer(o).Location + "x" } }),
        ("customer.pin", o => o with { Customer = Customer(o) with { Pin = Customer(o).Pin is null ? 560001 : null } }),
        ("lines.sku", o => WithLine(o, l => l with { Sku = l.Sku + "X" })),
        ("lines.qty", o => WithLine(o, l => l with { Qty = l.Qty + 0.001m })),
        ("lines.unitPricePaise", o => WithLine(o, l => l with { UnitPricePaise = l.UnitPricePaise + 1 })),
        ("lines.discountPaise", o => WithLine(o, l => l with { DiscountPaise = l.DiscountPaise + 1 })),
        ("lines.gstRateBp", o => WithLine(o, l => l with { GstRateBp = l.GstRateBp + 1 })),
        ("lines.taxInclusive", o => WithLine(o, l => l with { TaxInclusive = !l.TaxInclusive })),
        ("lines.mrpPaise", o => WithLine(o, l => l with { MrpPaise = (l.MrpPaise ?? 0) + 1 })),
        ("lines (one more)", o => o with { Lines = [.. o.Lines, o.Lines[0]] }),
        ("payments.method", o => WithPayment(o, p => p with { Method = p.Method == PaymentMethods.Cash ? PaymentMethods.Upi : PaymentMethods.Cash })),
        ("payments.amountPaise", o => WithPayment(o, p => p with { AmountPaise = p.AmountPaise + 1 })),
        ("payments.reference", o => WithPayment(o, p => p with { Reference = p.Reference is null ? "T01/2627/C00009" : p.Reference + "0" })),
        ("loyalty.earnPoints", o => o with { Loyalty = Loyalty(o) with { EarnPoints = Loyalty(o).EarnPoints + 1 } }),
        ("loyalty.burnPoints", o => o with { Loyalty = Loyalty(o) with { BurnPoints = Loyalty(o).BurnPoints + 1 } }),
        ("loyalty.redemptionToken", o => o with { Loyalty = Loyalty(o) with { RedemptionToken = Loyalty(o).RedemptionToken + "T" } }),
        ("totals.taxablePaise", o => o with { Totals = o.Totals with { TaxablePaise = o.Totals.TaxablePaise + 1 } }),
        ("totals.cgstPaise", o => o with { Totals = o.Totals with { CgstPaise = o.Totals.CgstPaise + 1 } }),
        ("totals.sgstPaise", o => o with { Totals = o.Totals with { SgstPaise = o.Totals.SgstPaise + 1 } }),
        ("totals.igstPaise", o => o with { Totals = o.Totals with { IgstPaise = o.Totals.IgstPaise + 1 } }),
        ("totals.roundOffPaise", o => o with { Totals = o.Totals with { RoundOffPaise = o.Totals.RoundOffPaise + 1 } }),
        ("totals.totalPaise", o => o with { Totals = o.Totals with { TotalPaise = o.Totals.TotalPaise + 100 } }),
    ];

    /// <summary>An order as tills sent it before the buyer's address existed. The value was computed outside .NET
    /// (Python's hashlib over the canonical JSON written by hand), before the address fields were added.</summary>
    [Fact]
    public void Compute_OrderWithoutBuyerAddress_KeepsItsFingerprintFromBeforeTheAddressFields()
    {
        var order = new OrderDto(
            Guid.Parse("0192a3b4-c5d6-7e8f-9012-3456789abcde"), 42, "T01-2627-000042",
            new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(5.5)),
            [new OrderLineDto("RICE-5KG", 2.000m, 32_500, 0, 500)],
            [new PaymentDto(PaymentMethods.Cash, 68_300)],
            new OrderTotalsDto(65_000, 1_625, 1_625, 0, 50, 68_300),
            new CustomerDto("9876543210", "29AAACR5055K1Z3", "Ramesh Traders", "29"));

        Assert.Equal("b97fb3b20c01c490fff0fc106b9df7a0457f70c3b6e55eff8deb04cd8812f351", Fingerprint(order));
    }

    [Fact]
    public void Compute_AnyOrder_Is64LowercaseHexCharacters()
    {
        AnyOrder.Sample(order =>
        {
            var fingerprint = Fingerprint(order);

            Assert.Equal(64, fingerprint.Length);
            Assert.All(fingerprint, c => Assert.True(char.IsAsciiDigit(c) || c is >= 'a' and <= 'f', fingerprint));
        });
    }

    [Fact]
    public void Compute_SameOrderTwice_IsTheSame()
    {
        AnyOrder.Sample(order => Assert.Equal(Fingerprint(order), Fingerprint(order with { })));
    }

    [Fact]
    public void Compute_WireJsonReorderedAndIndented_IsTheSame()
    {
        AnyOrder.Sample(order =>
        {
            var compact = JsonSerializer.Serialize(order, TillSyncJsonContext.Default.OrderDto);
            var reordered = Reverse(JsonNode.Parse(compact))!.ToJsonString(Indented);
            var parsed = JsonSerializer.Deserialize(reordered, TillSyncJsonContext.Default.OrderDto)!;

            Assert.NotEqual(compact, reordered);
            Assert.Equal(Fingerprint(order), Fingerprint(parsed));
        });
    }

    [Fact]
    public void Compute_OtherTillSeq_IsTheSame()
    {
        Gen.Select(AnyOrder, Gen.Long).Sample((order, tillSeq) =>
            Assert.Equal(Fingerprint(order), Fingerprint(order with { TillSeq = tillSeq })));
    }

    [Fact]
    public void Compute_QuantitiesWithTrailingZeros_IsTheSame()
    {
        AnyOrder.Sample(order =>
        {
            // Multiplying by 1.000 keeps the value and adds three trailing zeros: 2 → 2.000, 2.5 → 2.5000.
            var padded = order with { Lines = [.. order.Lines.Select(l => l with { Qty = l.Qty * 1.000m })] };

            Assert.Equal(Fingerprint(order), Fingerprint(padded));
        });
    }

    [Fact]
    public void Compute_Qty2AndQty2Point000InJson_IsTheSame()
    {
        var json = SampleOrderJson("2");
        var padded = SampleOrderJson("2.000");

        var order = JsonSerializer.Deserialize(json, TillSyncJsonContext.Default.OrderDto)!;
        var paddedOrder = JsonSerializer.Deserialize(padded, TillSyncJsonContext.Default.OrderDto)!;

        Assert.Equal(3, paddedOrder.Lines[0].Qty.Scale);
        Assert.Equal(Fingerprint(order), Fingerprint(paddedOrder));
    }

    [Theory]
    [InlineData("2", "2")]
    [InlineData("2.000", "2")]
    [InlineData("2.500", "2.5")]
    [InlineData("0.001", "0.001")]
    [InlineData("100000.000", "100000")]
    [InlineData("1.2340", "1.234")]
    public void NormalizedQty_TrailingZeros_AreDropped(string qty, string expected)
    {
        Assert.Equal(expected, OrderFingerprint.NormalizedQty(decimal.Parse(qty, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Compute_CreatedAtSameInstantOtherOffset_IsTheSame()
    {
        Gen.Select(AnyOrder, Gen.Int[-14 * 60, 14 * 60]).Sample((order, offsetMinutes) =>
        {
            var shifted = order with { CreatedAt = order.CreatedAt.ToOffset(TimeSpan.FromMinutes(offsetMinutes)) };

            Assert.Equal(Fingerprint(order), Fingerprint(shifted));
        });
    }

    [Fact]
    public void Compute_CreatedAtIstAndUtcJson_IsTheSame()
    {
        var ist = JsonSerializer.Deserialize(SampleOrderJson("2"), TillSyncJsonContext.Default.OrderDto)!;
        var utc = JsonSerializer.Deserialize(SampleOrderJson("2").Replace("2026-11-28T10:15:00+05:30", "2026-11-28T04:45:00Z", StringComparison.Ordinal),
            TillSyncJsonContext.Default.OrderDto)!;

        Assert.NotEqual(ist.CreatedAt.Offset, utc.CreatedAt.Offset);
        Assert.Equal(Fingerprint(ist), Fingerprint(utc));
    }

    [Fact]
    public void Compute_NullLoyaltyAndZeroLoyalty_IsTheSame()
    {
        AnyOrder.Sample(order =>
            Assert.Equal(
                Fingerprint(order with { Loyalty = null }),
                Fingerprint(order with { Loyalty = new LoyaltyDto(0, 0, null) })));
    }

    [Fact]
    public void Compute_AnyOneBusinessFieldChanged_Differs()
    {
        Gen.Select(AnyOrder, Gen.Int[0, Mutations.Length - 1]).Sample((order, which) =>
        {
            var (field, mutate) = Mutations[which];
            var changed = mutate(order);

            Assert.True(Fingerprint(order) != Fingerprint(changed), $"changing {field} kept the fingerprint");
        }, iter: 3_000);
    }

    [Fact]
    public void Compute_EveryMutation_IsTried()
    {
        // Guards the property above: each mutation must change its order (as a record) on a fixed sample order.
        var order = JsonSerializer.Deserialize(SampleOrderJson("2"), TillSyncJsonContext.Default.OrderDto)!;

        Assert.All(Mutations, m => Assert.NotEqual(Fingerprint(order), Fingerprint(m.Mutate(order))));
    }

    [Fact]
    public void Compute_FixedOrder_MatchesPinnedValue()
    {
        // Fingerprints are stored forever as the dedup identity: a change to the canonical form would turn every
        // retry of an order synced before the change into a payload_mismatch conflict. Change this value deliberately or never.
        var order = JsonSerializer.Deserialize(SampleOrderJson("2"), TillSyncJsonContext.Default.OrderDto)!;

        Assert.Equal(PinnedFingerprint, Fingerprint(order));
    }

    /// <summary>SHA-256 of the canonical form, reproducible outside .NET:
    /// <c>{"clientOrderId":"0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b","billNo":"T01/2627/000042","createdAt":"2026-11-28T04:45:00.0000000Z",
    /// "customer":{"phone":"9876543210","gstin":"29AAACR5055K1Z3","name":"Rao Caterers","placeOfSupply":"29"},
    /// "lines":[{"sku":"RICE-25KG","qty":"2","unitPricePaise":150000,"discountPaise":0,"gstRateBp":500}],
    /// "payments":[{"method":"cash","amountPaise":315000}],"loyalty":{"earnPoints":31,"burnPoints":0,"redemptionToken":null},
    /// "totals":{"taxablePaise":300000,"cgstPaise":7500,"sgstPaise":7500,"igstPaise":0,"roundOffPaise":0,"totalPaise":315000}}</c>
    /// without the line breaks.</summary>
    private const string PinnedFingerprint = "af9ad5f4a6b21a5e15fb6aa068f356a6b160f5da48bf62a98f5c7e2300c0df4d";

    private static string SampleOrderJson(string qty) => $$"""
        { "clientOrderId": "0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b", "tillSeq": 42, "billNo": "T01/2627/000042",
          "createdAt": "2026-11-28T10:15:00+05:30",
          "customer": { "phone": "9876543210", "gstin": "29AAACR5055K1Z3", "name": "Rao Caterers", "placeOfSupply": "29" },
          "lines": [ { "sku": "RICE-25KG", "qty": {{qty}}, "unitPricePaise": 150000, "discountPaise": 0, "gstRateBp": 500 } ],
          "payments": [ { "method": "cash", "amountPaise": 315000 } ],
          "loyalty": { "earnPoints": 31, "burnPoints": 0, "redemptionToken": null },
          "totals": { "taxablePaise": 300000, "cgstPaise": 7500, "sgstPaise": 7500, "igstPaise": 0,
                      "roundOffPaise": 0, "totalPaise": 315000 } }
        """;

    private static string Fingerprint(OrderDto order) => OrderFingerprint.Compute(WireOrder.ToCore(order));

    private static CustomerDto Customer(OrderDto order) => order.Customer ?? new CustomerDto(null, null, null, null);

    private static LoyaltyDto Loyalty(OrderDto order) => order.Loyalty ?? new LoyaltyDto(0, 0, null);

    private static OrderDto WithLine(OrderDto order, Func<OrderLineDto, OrderLineDto> change) =>
        order with { Lines = [change(order.Lines[0]), .. order.Lines.Skip(1)] };

    private static OrderDto WithPayment(OrderDto order, Func<PaymentDto, PaymentDto> change) =>
        order.Payments.Count == 0
            ? order with { Payments = [change(new PaymentDto(PaymentMethods.Cash, 0))] }
            : order with { Payments = [change(order.Payments[0]), .. order.Payments.Skip(1)] };

    /// <summary>The same JSON with every object's properties in reverse order.</summary>
    private static JsonNode? Reverse(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Reverse().Select(p => KeyValuePair.Create(p.Key, Reverse(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Reverse)]),
        _ => node?.DeepClone(),
    };
}

// Proves that an order which can never be accepted is `rejected` with the documented reason: recorded with a
// detail, consuming its tillSeq, moving no stock, and never blocking the sale behind it or hurting HQ's health.
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Sync;

/// <summary>The contract through <c>/api/v1/sync</c>.</summary>
public sealed class BadOrderTests(HqFixture fixture) : BadOrderContract(fixture, SyncVersion.V1), IClassFixture<HqFixture>;

/// <summary>The same contract through <c>/api/v2/sync</c>, each order sent as a sale document.</summary>
public sealed class BadOrderV2Tests(HqFixture fixture) : BadOrderContract(fixture, SyncVersion.V2), IClassFixture<HqFixture>;

/// <summary>The tests, run once per sync version.</summary>
public abstract class BadOrderContract(HqFixture fixture, SyncVersion version)
{
    private delegate OrderDto BadOrder(TillClient till, OrderDto previous, long tillSeq);

    private static readonly Dictionary<string, (string[] Reasons, BadOrder Build)> Cases = new()
    {
        ["qty_negative"] = ([SyncReasons.InvalidQuantity], (t, _, s) => Make(t, s, [Line("RICE-5KG", 3), Line("SOAP-125G", -1)])),
        ["qty_zero"] = ([SyncReasons.InvalidQuantity], (t, _, s) => Make(t, s, [Line("RICE-5KG", 1), Line("SOAP-125G", 0)])),
        ["qty_four_decimals"] = ([SyncReasons.InvalidQuantity], (t, _, s) => Make(t, s, [Line("SUGAR-LOOSE", 1.2345m)])),
        ["qty_over_100000"] = ([SyncReasons.InvalidQuantity], (t, _, s) => Make(t, s, [Line("SOAP-125G", 100_001)])),
        ["qty_decimal_max"] = ([SyncReasons.InvalidQuantity, SyncReasons.AmountOutOfRange],
            (t, _, s) => Make(t, s, [Line("SOAP-125G", decimal.MaxValue)])),
        ["price_negative"] = ([SyncReasons.InvalidPrice],
            (t, _, s) => Make(t, s, [Line("RICE-5KG", 1), Line("SOAP-125G", 1) with { UnitPricePaise = -4_500 }])),
        ["price_over_1_crore"] = ([SyncReasons.InvalidPrice],
            (t, _, s) => Make(t, s, [Line("GHEE-1L", 1) with { UnitPricePaise = 1_000_000_001 }])),
        ["price_long_max"] = ([SyncReasons.InvalidPrice, SyncReasons.AmountOutOfRange],
            (t, _, s) => Make(t, s, [Line("GHEE-1L", 1) with { UnitPricePaise = long.MaxValue }])),
        ["discount_negative"] = ([SyncReasons.InvalidPrice], (t, _, s) => Make(t, s, [Line("RICE-5KG", 1, discountPaise: -100)])),
        ["above_mrp"] = ([SyncReasons.AboveMrp],
            (t, _, s) => Make(t, s, [Line("RICE-5KG", 1), Line(HqScenario.InclusivePack, 1) with { UnitPricePaise = 9_001 }])),
        // ₹325.00 before 5 % is ₹341.25 to the customer: above an MRP of ₹340.00 the till sent.
        ["above_mrp_exclusive_line"] = ([SyncReasons.AboveMrp], (t, _, s) => Make(t, s, [Line("RICE-5KG", 1) with { MrpPaise = 34_000 }])),
        ["discount_over_gross"] = ([SyncReasons.InvalidPrice], (t, _, s) => Make(t, s, [Line("SOAP-125G", 1, discountPaise: 4_501)])),
        ["sku_sql_injection"] = ([SyncReasons.InvalidLine, SyncReasons.UnknownSku],
            (t, _, s) => Make(t, s, [Line("RICE-5KG", 1), new OrderLineDto("X'; DROP TABLE orders;--", 1, 4_500, 0, 1_800)])),
        ["sku_lowercase"] = ([SyncReasons.InvalidLine, SyncReasons.UnknownSku],
            (t, _, s) => Make(t, s, [Line("RICE-5KG", 1) with { Sku = "rice-5kg" }])),
        ["sku_40_chars"] = ([SyncReasons.InvalidLine, SyncReasons.UnknownSku],
            (t, _, s) => Make(t, s, [Line("RICE-5KG", 1) with { Sku = new string('A', 40) }])),
        ["gst_rate_over_100_percent"] = ([SyncReasons.InvalidLine], (t, _, s) => Make(t, s, [Line("SOAP-125G", 1) with { GstRateBp = 10_001 }])),
        ["gst_rate_negative"] = ([SyncReasons.InvalidLine], (t, _, s) => Make(t, s, [Line("SOAP-125G", 1) with { GstRateBp = -1_800 }])),
        ["lines_none"] = ([SyncReasons.NoLines], (t, _, s) => t.Orders.Build(s, [Line("MILK-500ML", 1)]) with
        {
            Lines = [], Totals = new(0, 0, 0, 0, 0, 0), Payments = [],
        }),
        ["lines_501"] = ([SyncReasons.TooManyLines], (t, _, s) => Make(t, s, ManyLines(501))),
        ["lines_10000"] = ([SyncReasons.TooManyLines], (t, _, s) => Make(t, s, ManyLines(10_000))),
        ["payments_eleven"] = ([SyncReasons.TooManyPayments], (t, _, s) => WithPayments(Make(t, s, [Line("GHEE-1L", 1)]),
            total => [.. Enumerable.Repeat(new PaymentDto(PaymentMethods.Cash, 100), 10), new(PaymentMethods.Upi, total - 1_000)])),
        ["payment_method_cheque"] = ([SyncReasons.InvalidPayment],
            (t, _, s) => WithPayments(Make(t, s, [Line("RICE-5KG", 1)]), total => [new("cheque", total)])),
        ["payment_zero"] = ([SyncReasons.InvalidPayment],
            (t, _, s) => WithPayments(Make(t, s, [Line("RICE-5KG", 1)]), total => [new(PaymentMethods.Cash, 0), new(PaymentMethods.Card, total)])),
        ["payment_negative"] = ([SyncReasons.InvalidPayment], (t, _, s) => WithPayments(Make(t, s, [Line("RICE-5KG", 1)]),
            total => [new(PaymentMethods.Cash, -100), new(PaymentMethods.Card, total + 100)])),
        ["payments_short"] = ([SyncReasons.PaymentsMismatch],
            (t, _, s) => WithPayments(Make(t, s, [Line("RICE-5KG", 1)]), total => [new(PaymentMethods.Cash, total - 100)])),
        ["payments_over"] = ([SyncReasons.PaymentsMismatch],
            (t, _, s) => WithPayments(Make(t, s, [Line("RICE-5KG", 1)]), total => [new(PaymentMethods.Upi, total + 100)])),
        ["bill_no_40_chars"] = ([SyncReasons.InvalidBillNo],
            (t, _, s) => Make(t, s, [Line("SOAP-125G", 1)]) is var o ? o with { BillNo = o.BillNo[..9] + new string('0', 31) } : o),
        ["bill_no_lowercase"] = ([SyncReasons.InvalidBillNo],
            (t, _, s) => Make(t, s, [Line("SOAP-125G", 1)]) is var o ? o with { BillNo = o.BillNo.ToLowerInvariant() } : o),
        ["bill_no_other_series"] = ([SyncReasons.InvalidBillNo],
            (t, _, s) => Make(t, s, [Line("SOAP-125G", 1)]) is var o ? o with { BillNo = "Z99" + o.BillNo[o.BillNo.IndexOf('/', StringComparison.Ordinal)..] } : o),
        ["bill_no_other_financial_year"] = ([SyncReasons.InvalidBillNo],
            (t, _, s) => Make(t, s, [Line("SOAP-125G", 1)]) is var o ? o with { BillNo = BillNumber.Format(t.BillPrefix, o.CreatedAt.AddYears(-1), s) } : o),
        ["bill_no_reused"] = ([SyncReasons.BillNoReused],
            (t, previous, s) => Make(t, s, [Line("SOAP-125G", 1)]) with { BillNo = previous.BillNo }),
        ["customer_gstin_checksum"] = ([SyncReasons.InvalidCustomer],
            (t, _, s) => Make(t, s, [Line("GHEE-1L", 1)], HqScenario.B2BIntraState with { Gstin = "29AAACR5055K1Z4" })),
        ["customer_phone"] = ([SyncReasons.InvalidCustomer],
            (t, _, s) => Make(t, s, [Line("GHEE-1L", 1)], new CustomerDto("12345", null, "Asha", null))),
        ["customer_name_control_character"] = ([SyncReasons.InvalidCustomer],
            (t, _, s) => Make(t, s, [Line("GHEE-1L", 1)], new CustomerDto("9876543210", null, "Asha\u0000\u001b[8m", null))),
        ["customer_place_of_supply"] = ([SyncReasons.InvalidCustomer],
            (t, _, s) => Make(t, s, [Line("GHEE-1L", 1)], HqScenario.B2BInterState with { PlaceOfSupply = "99" })),
        ["created_before_gst"] = ([SyncReasons.InvalidCreatedAt],
            (t, _, s) => Make(t, s, [Line("GHEE-1L", 1)], createdAt: new DateTimeOffset(2016, 6, 30, 12, 0, 0, TimeSpan.FromHours(5.5)))),
        ["created_three_days_ahead"] = ([SyncReasons.InvalidCreatedAt],
            (t, _, s) => Make(t, s, [Line("GHEE-1L", 1)], createdAt: OrderFactory.Now().AddDays(3))),
        ["loyalty_negative"] = ([SyncReasons.InvalidLoyalty],
            (t, _, s) => Make(t, s, [Line("GHEE-1L", 1)]) with { Loyalty = new LoyaltyDto(-5, 0, null) }),
        ["totals_intra_for_inter_state_buyer"] = ([SyncReasons.TotalsMismatch],
            (t, _, s) => Make(t, s, [Line("GHEE-1L", 1)]) with { Customer = HqScenario.B2BInterState }),
        ["totals_round_off_wrong"] = ([SyncReasons.TotalsMismatch], (t, _, s) => Make(t, s, [Line("SUGAR-LOOSE", 1.111m)]) is var o
            ? WithPayments(o with { Totals = o.Totals with { RoundOffPaise = o.Totals.RoundOffPaise + 100, TotalPaise = o.Totals.TotalPaise + 100 } }, x => [new(PaymentMethods.Cash, x)])
            : o),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Sync_InvalidOrder_IsRejectedWithReasonAndMovesNothing(string name)
    {
        var (reasons, build) = Cases[name];
        var till = await fixture.EnrolTillAsync(version: version);
        var previous = till.Orders.Next([Line("MILK-500ML", 2)]);
        await till.SyncOneAsync(previous);
        var before = await HqState.CaptureAsync(till);
        var bad = build(till, previous, 2);

        var reply = await till.SyncAsync([bad]);

        var result = reply.Results.Single();
        Assert.True(result.Status == SyncStatus.Rejected && reasons.Contains(result.Reason),
            $"{name}: expected rejected with {string.Join(" or ", reasons)}, got {result.Status} {result.Reason} ({result.Detail})");
        Assert.False(string.IsNullOrWhiteSpace(result.Detail), "a rejection should say why");
        Assert.NotNull(result.CommittedAt);
        Assert.Empty(result.Flags);
        Assert.Equal(3, reply.NextSeq);

        // A rejection is recorded and consumes its tillSeq (docs/sync.md), but moves no stock.
        var after = await HqState.CaptureAsync(till);
        Assert.Equal([.. before.OrderIds, bad.ClientOrderId], after.OrderIds);
        Assert.Equal(3, after.NextSeq);
        Assert.Equal(before.OnHand, after.OnHand);
        var recorded = await fixture.Manager.GetOrderAsync(bad.ClientOrderId);
        Assert.Equal("rejected", recorded.Status);
        Assert.Equal(result.Reason, recorded.Reason);

        // It replays identically, HQ stays healthy, and the sale behind it commits.
        OrderAssert.Replays(result, await till.SyncOneAsync(bad), SyncStatus.Rejected);
        await HqState.AssertHealthyAsync(fixture.Hq);
        var next = till.Orders.Build(3, [Line("COLA-750ML", 1)]);
        Assert.Equal(SyncStatus.Created, (await till.SyncOneAsync(next)).Status);
        Assert.Equal(previous.ClientOrderId, (await fixture.Manager.GetOrderAsync(previous.ClientOrderId)).ClientOrderId);
    }

    [Fact]
    public async Task Sync_OrderAtTheLimits_IsCreated()
    {
        var till = await fixture.EnrolTillAsync(version: version);
        // 500 lines, 10 payments, 3 fraction digits, the largest unit price: each limit itself is allowed.
        var manyLines = till.Orders.Build(1, ManyLines(500));
        var tenPayments = WithPayments(till.Orders.Build(2, [Line("GHEE-1L", 2)]),
            total => [.. Enumerable.Repeat(new PaymentDto(PaymentMethods.Card, 100), 9), new(PaymentMethods.Cash, total - 900)]);
        var finest = till.Orders.Build(3, [Line("SUGAR-LOOSE", 0.001m), Line("SUGAR-LOOSE", 12.345m)]);
        var dearest = till.Orders.Build(4, [Line("GHEE-1L", 1) with { UnitPricePaise = 1_000_000_000 }]);

        var reply = await till.SyncAsync([manyLines, tenPayments, finest, dearest]);

        Assert.All(reply.Results, r => Assert.True(r.Status == SyncStatus.Created, $"{r.TillSeq}: {r.Status} {r.Reason} {r.Detail}"));
        Assert.Equal(500, (await fixture.Manager.GetOrderAsync(manyLines.ClientOrderId)).Order.Lines.Count);
    }

    [Fact]
    public async Task Sync_AfterSqlInSku_OrdersTableStillWorks()
    {
        var till = await fixture.EnrolTillAsync(version: version);
        var hostile = Make(till, 1, [new OrderLineDto("X'; DROP TABLE orders;--", 1, 4_500, 0, 1_800)]);
        var hostileId = Make(till, 2, [Line("SOAP-125G", 1)]) with { BillNo = "T01'--" };

        var reply = await till.SyncAsync([hostile, hostileId]);

        Assert.All(reply.Results, r => Assert.Equal(SyncStatus.Rejected, r.Status));
        var good = till.Orders.Build(3, [Line("RICE-5KG", 1)]);
        Assert.Equal(SyncStatus.Created, (await till.SyncOneAsync(good)).Status);
        Assert.Equal(3, (await fixture.Manager.ListAllOrdersAsync(till.TillId)).Count);
        Assert.NotEmpty((await fixture.Manager.ListOrdersAsync(null)).Orders);
    }

    private static OrderLineDto Line(string sku, decimal qty, long discountPaise = 0) => OrderFactory.Line(sku, qty, discountPaise);

    private static List<OrderLineDto> ManyLines(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Line(HqScenario.Products[i % HqScenario.Products.Count].Sku, 1))];

    /// <summary>An order of these lines with totals and payments from Core, or, when Core cannot total them (they
    /// overflow), a plausible ₹100 bill, so that the lines are the only thing wrong with it.</summary>
    private static OrderDto Make(
        TillClient till, long tillSeq, IReadOnlyList<OrderLineDto> lines, CustomerDto? customer = null, DateTimeOffset? createdAt = null)
    {
        try
        {
            return till.Orders.Build(tillSeq, lines, customer, createdAt);
        }
        catch (Exception e) when (e is OverflowException or ArgumentException or InvalidOperationException)
        {
            var order = till.Orders.Build(tillSeq, [Line("MILK-500ML", 1)], customer, createdAt);
            return order with
            {
                Lines = lines, Totals = new OrderTotalsDto(10_000, 0, 0, 0, 0, 10_000), Payments = [new(PaymentMethods.Cash, 10_000)],
            };
        }
    }

    private static OrderDto WithPayments(OrderDto order, Func<long, IReadOnlyList<PaymentDto>> payments) =>
        order with { Payments = payments(order.Totals.TotalPaise) };
}

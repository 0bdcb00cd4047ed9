// Proves OrderRules.Check names the first broken rule for every reason it knows, and accepts every order a correct till makes.
// How: one valid order broken one field at a time (each case a named theory row), boundary values that pass, and a property.
using CsCheck;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;

namespace TillSync.Core.Tests.Orders;

public sealed class OrderRulesTests
{
    private const string Seller = OrderGen.SellerGstin;
    private const string Prefix = "T01";
    private static readonly DateTimeOffset Now = OrderGen.Now;

    /// <summary>docs/sync.md's sample order, with a bill number of its own financial year (the sample's says 2526).</summary>
    private static readonly OrderDto Valid = new(
        ClientOrderId: Guid.Parse("0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b"),
        TillSeq: 42,
        BillNo: "T01/2627/000042",
        CreatedAt: new DateTimeOffset(2026, 11, 28, 10, 15, 0, BillNumber.IstOffset),
        Customer: new CustomerDto("9876543210", "29AAACR5055K1Z3", "Rao Caterers", "29"),
        Lines: [new OrderLineDto("RICE-25KG", 2m, 150_000, 0, 500)],
        Payments: [new PaymentDto(PaymentMethods.Cash, 315_000)],
        Loyalty: new LoyaltyDto(31, 0, null),
        Totals: new OrderTotalsDto(300_000, 7_500, 7_500, 0, 0, 315_000));

    /// <summary>Orders that break exactly one rule, by case name, with the reason Check must give.</summary>
    private static readonly Dictionary<string, (Func<OrderDto> Order, OrderProblem Reason)> Rejected = new()
    {
        ["bill no lowercase"] = (() => Valid with { BillNo = "t01/2627/000042" }, OrderProblem.InvalidBillNo),
        ["bill no 17 chars"] = (() => Valid with { BillNo = "T01/2627/00000042" }, OrderProblem.InvalidBillNo),
        ["bill no 40 chars"] = (() => Valid with { BillNo = "T01/2627/" + new string('0', 31) }, OrderProblem.InvalidBillNo),
        ["bill no empty"] = (() => Valid with { BillNo = "" }, OrderProblem.InvalidBillNo),
        ["bill no leading zero"] = (() => Valid with { BillNo = "0T1/2627/000042" }, OrderProblem.InvalidBillNo),
        ["bill no other till"] = (() => Valid with { BillNo = "T02/2627/000042" }, OrderProblem.InvalidBillNo),
        ["bill no other year"] = (() => Valid with { BillNo = "T01/2526/000042" }, OrderProblem.InvalidBillNo),
        ["bill no letters in number"] = (() => Valid with { BillNo = "T01/2627/00004A" }, OrderProblem.InvalidBillNo),
        ["bill no without number"] = (() => Valid with { BillNo = "T01/2627/" }, OrderProblem.InvalidBillNo),
        ["bill no trailing newline"] = (() => Valid with { BillNo = "T01/2627/000042\n" }, OrderProblem.InvalidBillNo),
        ["created before GST"] = (() => Dated(OrderRules.CreatedAtMin.AddTicks(-1)), OrderProblem.InvalidCreatedAt),
        ["created in 2001"] = (() => Dated(new DateTimeOffset(2001, 5, 1, 0, 0, 0, TimeSpan.Zero)), OrderProblem.InvalidCreatedAt),
        ["created over a day ahead"] = (() => Dated(Now + Limits.CreatedAtSkewMax + TimeSpan.FromTicks(1)), OrderProblem.InvalidCreatedAt),
        ["created a year ahead"] = (() => Dated(Now.AddYears(1)), OrderProblem.InvalidCreatedAt),
        ["customer gstin check character"] = (() => WithCustomer(c => c with { Gstin = "29AAACR5055K1Z4" }), OrderProblem.InvalidCustomer),
        ["customer gstin lowercase"] = (() => WithCustomer(c => c with { Gstin = "29aaacr5055k1z3" }), OrderProblem.InvalidCustomer),
        ["customer gstin empty"] = (() => WithCustomer(c => c with { Gstin = "" }), OrderProblem.InvalidCustomer),
        ["customer phone short"] = (() => WithCustomer(c => c with { Phone = "98765" }), OrderProblem.InvalidCustomer),
        ["customer phone 11 digits"] = (() => WithCustomer(c => c with { Phone = "98765432101" }), OrderProblem.InvalidCustomer),
        ["customer phone starts with 5"] = (() => WithCustomer(c => c with { Phone = "5876543210" }), OrderProblem.InvalidCustomer),
        ["customer phone with +91"] = (() => WithCustomer(c => c with { Phone = "+919876543210" }), OrderProblem.InvalidCustomer),
        ["customer phone trailing newline"] = (() => WithCustomer(c => c with { Phone = "9876543210\n" }), OrderProblem.InvalidCustomer),
        ["customer place of supply 00"] = (() => WithCustomer(c => c with { PlaceOfSupply = "00" }), OrderProblem.InvalidCustomer),
        ["customer place of supply 99"] = (() => WithCustomer(c => c with { PlaceOfSupply = "99" }), OrderProblem.InvalidCustomer),
        ["customer place of supply one digit"] = (() => WithCustomer(c => c with { PlaceOfSupply = "9" }), OrderProblem.InvalidCustomer),
        ["customer name 101 chars"] = (() => WithCustomer(c => c with { Name = new string('a', 101) }), OrderProblem.InvalidCustomer),
        ["no lines"] = (() => Valid with { Lines = [] }, OrderProblem.NoLines),
        ["501 lines"] = (() => Valid with { Lines = [.. Enumerable.Repeat(Valid.Lines[0], Limits.OrderLinesMax + 1)] }, OrderProblem.TooManyLines),
        ["sku lowercase"] = (() => WithLine(l => l with { Sku = "rice-25kg" }), OrderProblem.InvalidLine),
        ["sku empty"] = (() => WithLine(l => l with { Sku = "" }), OrderProblem.InvalidLine),
        ["sku 33 chars"] = (() => WithLine(l => l with { Sku = new string('A', 33) }), OrderProblem.InvalidLine),
        ["sku with space"] = (() => WithLine(l => l with { Sku = "RICE 25KG" }), OrderProblem.InvalidLine),
        ["sku leading dash"] = (() => WithLine(l => l with { Sku = "-RICE" }), OrderProblem.InvalidLine),
        ["sku trailing newline"] = (() => WithLine(l => l with { Sku = "RICE-25KG\n" }), OrderProblem.InvalidLine),
        ["rate negative"] = (() => WithLine(l => l with { GstRateBp = -1 }), OrderProblem.InvalidLine),
        ["rate over 100 %"] = (() => WithLine(l => l with { GstRateBp = 10_001 }), OrderProblem.InvalidLine),
        ["qty 0"] = (() => WithLine(l => l with { Qty = 0m }), OrderProblem.InvalidQuantity),
        ["qty 0.000"] = (() => WithLine(l => l with { Qty = 0.000m }), OrderProblem.InvalidQuantity),
        ["qty negative"] = (() => WithLine(l => l with { Qty = -1m }), OrderProblem.InvalidQuantity),
        ["qty 1.2345"] = (() => WithLine(l => l with { Qty = 1.2345m }), OrderProblem.InvalidQuantity),
        ["qty 0.0001"] = (() => WithLine(l => l with { Qty = 0.0001m }), OrderProblem.InvalidQuantity),
        ["qty 100001"] = (() => WithLine(l => l with { Qty = 100_001m }), OrderProblem.InvalidQuantity),
        ["qty 100000.001"] = (() => WithLine(l => l with { Qty = 100_000.001m }), OrderProblem.InvalidQuantity),
        ["qty decimal max"] = (() => WithLine(l => l with { Qty = decimal.MaxValue }), OrderProblem.InvalidQuantity),
        ["price negative"] = (() => WithLine(l => l with { UnitPricePaise = -1 }), OrderProblem.InvalidPrice),
        ["price long max"] = (() => WithLine(l => l with { UnitPricePaise = long.MaxValue }), OrderProblem.InvalidPrice),
        ["price over 1 crore"] = (() => WithLine(l => l with { UnitPricePaise = Limits.UnitPricePaiseMax + 1 }), OrderProblem.InvalidPrice),
        ["discount over gross"] = (() => WithLine(l => l with { DiscountPaise = 300_001 }), OrderProblem.InvalidPrice),
        ["discount negative"] = (() => WithLine(l => l with { DiscountPaise = -1 }), OrderProblem.InvalidPrice),
        ["discount long min"] = (() => WithLine(l => l with { DiscountPaise = long.MinValue }), OrderProblem.InvalidPrice),
        ["payment method unknown"] = (() => WithPayment(p => p with { Method = "bitcoin" }), OrderProblem.InvalidPayment),
        ["payment method uppercase"] = (() => WithPayment(p => p with { Method = "CASH" }), OrderProblem.InvalidPayment),
        ["payment method empty"] = (() => WithPayment(p => p with { Method = "" }), OrderProblem.InvalidPayment),
        ["payment amount 0"] = (() => WithPayment(p => p with { AmountPaise = 0 }), OrderProblem.InvalidPayment),
        ["payment amount negative"] = (() => WithPayment(p => p with { AmountPaise = -315_000 }), OrderProblem.InvalidPayment),
        ["payment amount long max"] = (() => WithPayment(p => p with { AmountPaise = long.MaxValue }), OrderProblem.InvalidPayment),
        ["store credit without a voucher"] = (() => WithPayment(p => p with { Method = PaymentMethods.StoreCredit }), OrderProblem.InvalidPayment),
        ["store credit naming a bill, not a credit note"] = (() => WithPayment(p => p with { Method = PaymentMethods.StoreCredit, Reference = "T01/2627/000001" }),
            OrderProblem.InvalidPayment),
        ["store credit voucher C00000"] = (() => WithPayment(p => p with { Method = PaymentMethods.StoreCredit, Reference = "T01/2627/C00000" }),
            OrderProblem.InvalidPayment),
        ["cash with a reference"] = (() => WithPayment(p => p with { Reference = "T01/2627/C00001" }), OrderProblem.InvalidPayment),
        ["11 payments"] = (() => Valid with { Payments = [.. SplitPayments(315_000, Limits.OrderPaymentsMax + 1)] }, OrderProblem.TooManyPayments),
        ["loyalty earn negative"] = (() => Valid with { Loyalty = new LoyaltyDto(-1, 0, null) }, OrderProblem.InvalidLoyalty),
        ["loyalty burn negative"] = (() => Valid with { Loyalty = new LoyaltyDto(0, -1, null) }, OrderProblem.InvalidLoyalty),
        ["loyalty earn over max"] = (() => Valid with { Loyalty = new LoyaltyDto(Limits.LoyaltyPointsPerOrderMax + 1, 0, null) }, OrderProblem.InvalidLoyalty),
        ["loyalty burn over max"] = (() => Valid with { Loyalty = new LoyaltyDto(0, Limits.LoyaltyPointsPerOrderMax + 1, null) }, OrderProblem.InvalidLoyalty),
        ["loyalty token 201 chars"] = (() => Valid with { Loyalty = new LoyaltyDto(0, 0, new string('T', 201)) }, OrderProblem.InvalidLoyalty),
        ["totals cgst off by one"] = (() => Valid with { Totals = Valid.Totals with { CgstPaise = 7_501 } }, OrderProblem.TotalsMismatch),
        ["totals taxable off by one"] = (() => Valid with { Totals = Valid.Totals with { TaxablePaise = 299_999 } }, OrderProblem.TotalsMismatch),
        ["totals round-off wrong"] = (() => Valid with { Totals = Valid.Totals with { RoundOffPaise = 100, TotalPaise = 315_100 } }, OrderProblem.TotalsMismatch),
        ["totals and payments both off"] = (() => Valid with
        {
            Totals = Valid.Totals with { TotalPaise = 315_100 },
            Payments = [new PaymentDto(PaymentMethods.Cash, 315_100)],
        }, OrderProblem.TotalsMismatch),
        ["totals intra but supply inter"] = (() => WithCustomer(c => c with { PlaceOfSupply = "27" }), OrderProblem.TotalsMismatch),
        ["totals inter but supply intra"] = (() => Valid with { Totals = new OrderTotalsDto(300_000, 0, 0, 15_000, 0, 315_000) }, OrderProblem.TotalsMismatch),
        ["payments one paisa short"] = (() => WithPayment(p => p with { AmountPaise = 314_999 }), OrderProblem.PaymentsMismatch),
        ["payments one paisa over"] = (() => Valid with { Payments = [.. Valid.Payments, new PaymentDto(PaymentMethods.Upi, 1)] }, OrderProblem.PaymentsMismatch),
        ["payments none"] = (() => Valid with { Payments = [] }, OrderProblem.PaymentsMismatch),
    };

    /// <summary>Orders at the edge of each rule that must still pass.</summary>
    private static readonly Dictionary<string, Func<OrderDto>> Accepted = new()
    {
        ["design sample"] = () => Valid,
        ["created at GST start"] = () => Dated(OrderRules.CreatedAtMin),
        ["created exactly a day ahead"] = () => Dated(Now + Limits.CreatedAtSkewMax),
        ["created in UTC"] = () => Dated(Valid.CreatedAt.ToOffset(TimeSpan.Zero)),
        ["no customer"] = () => Settled(Valid with { Customer = null }),
        ["customer all null"] = () => Settled(Valid with { Customer = new CustomerDto(null, null, null, null) }),
        ["customer name 100 chars"] = () => WithCustomer(c => c with { Name = new string('a', 100) }),
        ["customer other state"] = () => Settled(Valid with { Customer = new CustomerDto(null, "27AAACS7319F1ZE", "Sharma", "27") }),
        ["customer place of supply 97"] = () => Settled(Valid with { Customer = new CustomerDto(null, null, null, "97") }),
        ["500 lines"] = () => Settled(Valid with { Lines = [.. Enumerable.Repeat(Valid.Lines[0], Limits.OrderLinesMax)] }, payments: 10),
        ["sku 32 chars"] = () => Settled(WithLine(l => l with { Sku = "A" + new string('-', 31) })),
        ["sku with . _ /"] = () => Settled(WithLine(l => l with { Sku = "0_A.B/C-D" })),
        ["qty 0.001"] = () => Settled(WithLine(l => l with { Qty = 0.001m })),
        ["qty 1.2340"] = () => Settled(WithLine(l => l with { Qty = 1.2340m })),
        ["qty 2.000"] = () => WithLine(l => l with { Qty = 2.000m }),
        ["qty 100000"] = () => Settled(WithLine(l => l with { Qty = Limits.LineQtyMax, UnitPricePaise = 100 })),
        ["price 0"] = () => Settled(WithLine(l => l with { UnitPricePaise = 0 })),
        ["price 1 crore"] = () => Settled(WithLine(l => l with { Qty = 1m, UnitPricePaise = Limits.UnitPricePaiseMax })),
        ["discount equals gross"] = () => Settled(Valid with { Lines = [.. Valid.Lines, new OrderLineDto("FREEBIE", 1m, 5_000, 5_000, 1800)] }),
        ["rate 0"] = () => Settled(WithLine(l => l with { GstRateBp = 0 })),
        ["rate 100 %"] = () => Settled(WithLine(l => l with { GstRateBp = Limits.GstRateBpMax })),
        ["10 payments"] = () => Valid with { Payments = [.. SplitPayments(315_000, Limits.OrderPaymentsMax)] },
        ["store credit from another till's voucher"] = () => WithPayment(p => p with { Method = PaymentMethods.StoreCredit, Reference = "B-7/2526/C12345" }),
        ["every payment method"] = () => Valid with { Payments = [.. PaymentMethods.All.Select((m, i) => OrderGen.Paying(m, i == 0 ? 315_000 - (PaymentMethods.All.Count - 1) : 1))] },
        ["free bill without payments"] = () => Settled(WithLine(l => l with { UnitPricePaise = 0 })) with { Payments = [] },
        ["loyalty null"] = () => Valid with { Loyalty = null },
        ["loyalty at max"] = () => Valid with { Loyalty = new LoyaltyDto(Limits.LoyaltyPointsPerOrderMax, Limits.LoyaltyPointsPerOrderMax, new string('T', 200)) },
    };

    public static TheoryData<string> RejectedCases() => [.. Rejected.Keys];

    public static TheoryData<string> AcceptedCases() => [.. Accepted.Keys];

    [Theory]
    [MemberData(nameof(RejectedCases))]
    public void Check_OneRuleBroken_NamesThatRule(string brokenRule)
    {
        var (order, reason) = Rejected[brokenRule];

        var check = OrderRules.Check(WireOrder.ToCore(order()), Seller, Prefix, Now);

        Assert.NotNull(check);
        Assert.Equal(reason, check.Problem);
        Assert.False(string.IsNullOrWhiteSpace(check.Detail));
    }

    [Theory]
    [MemberData(nameof(AcceptedCases))]
    public void Check_EdgeOfEveryRule_Passes(string edge)
    {
        var check = OrderRules.Check(WireOrder.ToCore(Accepted[edge]()), Seller, Prefix, Now);

        Assert.Null(check);
    }

    [Fact]
    public void Check_ReasonsCovered_AreAllOrderLevelReasons()
    {
        OrderProblem[] orderLevel =
        [
            OrderProblem.InvalidBillNo, OrderProblem.InvalidCreatedAt, OrderProblem.InvalidCustomer, OrderProblem.NoLines,
            OrderProblem.TooManyLines, OrderProblem.InvalidLine, OrderProblem.InvalidQuantity, OrderProblem.InvalidPrice,
            OrderProblem.InvalidPayment, OrderProblem.TooManyPayments, OrderProblem.InvalidLoyalty, OrderProblem.TotalsMismatch,
            OrderProblem.PaymentsMismatch,
        ];

        Assert.Equal(orderLevel.Order(), Rejected.Values.Select(v => v.Reason).Distinct().Order());
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59+00:00")]
    [InlineData("9999-12-31T20:00:00+00:00")]
    [InlineData("9999-12-31T23:59:59+05:30")]
    public void Check_CreatedAtAtEndOfCalendar_IsRejectedNotThrown(string createdAt)
    {
        // A till's clock gone wild must give a reason, never an exception: an exception on HQ is a 500, and the till
        // would resend the same poison order forever, blocking every order behind it.
        var order = Valid with { CreatedAt = DateTimeOffset.Parse(createdAt, System.Globalization.CultureInfo.InvariantCulture), BillNo = "T01/9900/000042" };

        var check = OrderRules.Check(WireOrder.ToCore(order), Seller, Prefix, Now);

        Assert.NotNull(check);
        Assert.Contains(check.Problem, new[] { OrderProblem.InvalidCreatedAt, OrderProblem.InvalidBillNo });
    }

    [Fact]
    public void Check_AnyValidOrder_Passes()
    {
        OrderGen.ValidOrder.Sample(tillOrder =>
        {
            var check = OrderRules.Check(WireOrder.ToCore(tillOrder.Order), Seller, tillOrder.BillPrefix, Now);

            Assert.True(check is null, check?.Detail);
        }, iter: 1_000);
    }

    [Fact]
    public void Check_AnyValidOrderWithATotalChanged_IsTotalsMismatch()
    {
        Gen.Select(OrderGen.ValidOrder, Gen.Int[0, 5], Gen.OneOf(Gen.Long[-100, -1], Gen.Long[1, 100])).Sample((tillOrder, field, delta) =>
        {
            var t = tillOrder.Order.Totals;
            var totals = field switch
            {
                0 => t with { TaxablePaise = t.TaxablePaise + delta },
                1 => t with { CgstPaise = t.CgstPaise + delta },
                2 => t with { SgstPaise = t.SgstPaise + delta },
                3 => t with { IgstPaise = t.IgstPaise + delta },
                4 => t with { RoundOffPaise = t.RoundOffPaise + delta },
                _ => t with { TotalPaise = t.TotalPaise + delta },
            };

            var check = OrderRules.Check(WireOrder.ToCore(tillOrder.Order with { Totals = totals }), Seller, tillOrder.BillPrefix, Now);

            Assert.Equal(OrderProblem.TotalsMismatch, check?.Problem);
        });
    }

    [Fact]
    public void Check_AnyValidOrderPaidOff_IsPaymentsMismatch()
    {
        Gen.Select(OrderGen.ValidOrder, Gen.Long[1, 1_000]).Sample((tillOrder, extraPaise) =>
        {
            var order = tillOrder.Order with { Payments = [.. tillOrder.Order.Payments, new PaymentDto(PaymentMethods.Card, extraPaise)] };

            var check = OrderRules.Check(WireOrder.ToCore(order), Seller, tillOrder.BillPrefix, Now);

            Assert.Equal(OrderProblem.PaymentsMismatch, check?.Problem);
        });
    }

    [Fact]
    public void Check_AnyValidOrderFromAnotherTill_IsInvalidBillNo()
    {
        OrderGen.ValidOrder.Sample(tillOrder =>
        {
            var check = OrderRules.Check(WireOrder.ToCore(tillOrder.Order), Seller, tillOrder.BillPrefix + "X", Now);

            Assert.Equal(OrderProblem.InvalidBillNo, check?.Problem);
        });
    }

    [Theory]
    [InlineData("RICE-25KG", true)]
    [InlineData("A", true)]
    [InlineData("0", true)]
    [InlineData("rice", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData(".RICE", false)]
    [InlineData("RICE\n", false)]
    [InlineData("RICE\r\n", false)]
    public void IsWellFormedSku_Examples(string? sku, bool expected)
    {
        Assert.Equal(expected, OrderRules.IsWellFormedSku(sku));
    }

    private static OrderDto Dated(DateTimeOffset createdAt) =>
        Valid with { CreatedAt = createdAt, BillNo = BillNumber.Format(Prefix, createdAt, 42) };

    private static OrderDto WithCustomer(Func<CustomerDto, CustomerDto> change) => Valid with { Customer = change(Valid.Customer!) };

    private static OrderDto WithLine(Func<OrderLineDto, OrderLineDto> change) => Valid with { Lines = [change(Valid.Lines[0])] };

    private static OrderDto WithPayment(Func<PaymentDto, PaymentDto> change) => Valid with { Payments = [change(Valid.Payments[0])] };

    /// <summary>The order with the totals its lines give and payments that settle them.</summary>
    private static OrderDto Settled(OrderDto order, int payments = 1)
    {
        var totals = WireOrder.ToDto(OrderTotals.Compute(WireOrder.ToCore(order.Lines), OrderTotals.SupplyKindOf(Seller, order.Customer?.PlaceOfSupply)));
        return order with { Totals = totals, Payments = totals.TotalPaise == 0 ? [] : [.. SplitPayments(totals.TotalPaise, payments)] };
    }

    private static IEnumerable<PaymentDto> SplitPayments(long totalPaise, int count)
    {
        var method = PaymentMethods.All;
        for (var i = 0; i < count - 1; i++)
        {
            yield return OrderGen.Paying(method[i % method.Count], 1);
        }

        yield return new PaymentDto(PaymentMethods.Cash, totalPaise - (count - 1));
    }
}

// Generators of orders that meet every OrderRules rule, shared by the Orders and Tax property tests.
// Totals come from OrderTotals and payments split the total, so each generated order is one a correct till would send.
using System.Globalization;
using CsCheck;
using TillSync.Contracts.Sync;
using TillSync.Core.Money;
using TillSync.Core.Orders;

namespace TillSync.Core.Tests.Orders;

/// <summary>A valid order together with the bill prefix of the till that made it.</summary>
internal sealed record TillOrder(OrderDto Order, string BillPrefix);

internal static class OrderGen
{
    /// <summary>The store of the e-invoice sample: Karnataka (29).</summary>
    public const string SellerGstin = "29AABCH1234K1ZN";

    /// <summary>HQ's clock in the rule checks.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 15, 0, BillNumber.IstOffset);

    public static readonly string[] ValidGstins = ["29AABCH1234K1ZN", "29AAACR5055K1Z3", "27AAACS7319F1ZE"];

    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";

    public static readonly Gen<string> Sku =
        Gen.Select(Gen.Char[Upper + Digits], Gen.Char[Upper + Digits + "._/-"].Array[0, 31], (first, rest) => first + new string(rest));

    /// <summary>0.001 to 100000 with 0 to 3 fraction digits, as written (2 and 2.000 both occur).</summary>
    public static readonly Gen<decimal> Qty = QtyUpTo(100_000);

    public static readonly Gen<decimal> SmallQty = QtyUpTo(10);

    public static readonly Gen<int> GstRateBp =
        Gen.OneOf(Gen.OneOfConst(0, 5, 25, 100, 300, 500, 1200, 1800, 2800), Gen.Int[0, 10_000]);

    /// <summary>Lines whose gross stays under ₹10 crore, so that a few payments can always settle the bill.</summary>
    public static readonly Gen<OrderLineDto> Line =
        Gen.OneOf(
                Gen.Select(Qty, Gen.Long[0, 100_000]),
                Gen.Select(SmallQty, Gen.Long[0, Limits.UnitPricePaiseMax]))
            .SelectMany(qtyPrice => Gen.Select(Sku, GstRateBp, Discount(qtyPrice.Item1, qtyPrice.Item2),
                (sku, rate, discount) => new OrderLineDto(sku, qtyPrice.Item1, qtyPrice.Item2, discount, rate)));

    /// <summary>Any line within the rules' ranges, including the largest gross they allow.</summary>
    public static readonly Gen<OrderLineDto> AnyInRangeLine =
        Gen.Select(Qty, Gen.OneOf(Gen.Long[0, 100_000], Gen.Long[0, Limits.UnitPricePaiseMax]))
            .SelectMany(qtyPrice => Gen.Select(Sku, GstRateBp, Discount(qtyPrice.Item1, qtyPrice.Item2),
                (sku, rate, discount) => new OrderLineDto(sku, qtyPrice.Item1, qtyPrice.Item2, discount, rate)));

    public static readonly Gen<string> Phone =
        Gen.Select(Gen.Char['6', '9'], Gen.Char[Digits].Array[9, 9], (first, rest) => first + new string(rest));

    public static readonly Gen<string> StateCode =
        Gen.OneOf(Gen.Int[1, 38], Gen.Const(97)).Select(code => code.ToString("D2", CultureInfo.InvariantCulture));

    public static readonly Gen<string> Name =
        Gen.Char["abcdefghij KLMNOP.&'-₹é\"\\"].Array[0, 100].Select(chars => new string(chars));

    /// <summary>Customers with any mix of fields; the place of supply is the seller's state half the time.</summary>
    public static readonly Gen<CustomerDto?> Customer =
        Gen.Select(Phone.Null(), Gen.OneOfConst(ValidGstins).Null(), Name.Null(), Gen.OneOf(Gen.Const("29"), StateCode).Null(),
                (phone, gstin, name, pos) => new CustomerDto(phone, gstin, name, pos))
            .Null(0.3);

    public static readonly Gen<LoyaltyDto?> Loyalty =
        Gen.Select(Gen.Long[0, Limits.LoyaltyPointsPerOrderMax], Gen.Long[0, Limits.LoyaltyPointsPerOrderMax],
                Gen.Char[Upper + Digits].Array[1, 200].Select(chars => new string(chars)).Null(0.7),
                (earn, burn, token) => new LoyaltyDto(earn, burn, token))
            .Null(0.4);

    private static readonly TimeSpan[] Offsets =
        [BillNumber.IstOffset, TimeSpan.Zero, TimeSpan.FromHours(-5), TimeSpan.FromHours(9), TimeSpan.FromHours(14), TimeSpan.FromMinutes(-570)];

    /// <summary>Any moment from the start of GST to HQ's clock plus the allowed skew, in one of several offsets.</summary>
    public static readonly Gen<DateTimeOffset> CreatedAt =
        Gen.Select(
            Gen.Long[OrderRules.CreatedAtMin.UtcTicks, (Now + Limits.CreatedAtSkewMax).UtcTicks],
            Gen.OneOfConst(Offsets),
            (ticks, offset) => new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(offset));

    public static readonly Gen<string> BillPrefix =
        Gen.Select(Gen.Char[Upper + "123456789"], Gen.Char[Upper + Digits + "-"].Array[0, 3], (first, rest) => first + new string(rest));

    public static readonly Gen<string> PaymentMethod = Gen.OneOfConst([.. PaymentMethods.All]);

    /// <summary>A payment of <paramref name="method"/>, naming a voucher when it is store credit (which must name one).</summary>
    public static PaymentDto Paying(string method, long amountPaise) =>
        new(method, amountPaise, method == PaymentMethods.StoreCredit ? "T01/2627/C00001" : null);

    public static readonly Gen<TillOrder> ValidOrder =
        Gen.Select(BillPrefix, Gen.Long[1, 999_999], CreatedAt, Customer, Line.Array[1, 20], Loyalty, Gen.Guid, Gen.Long[1, long.MaxValue])
            .SelectMany(t =>
            {
                var (prefix, number, createdAt, customer, lines, loyalty, id, tillSeq) = t;
                var totals = WireOrder.ToDto(OrderTotals.Compute(WireOrder.ToCore(lines), OrderTotals.SupplyKindOf(SellerGstin, customer?.PlaceOfSupply)));
                return Payments(totals.TotalPaise).Select(payments => new TillOrder(
                    new OrderDto(
                        ClientOrderId: id, TillSeq: tillSeq, BillNo: BillNumber.Format(prefix, createdAt, number), CreatedAt: createdAt,
                        Lines: lines, Payments: payments, Totals: totals, Customer: customer, Loyalty: loyalty),
                    prefix));
            });

    /// <summary>One to three positive tenders adding up to <paramref name="totalPaise"/>; none for a free bill.</summary>
    public static Gen<PaymentDto[]> Payments(long totalPaise)
    {
        if (totalPaise == 0)
        {
            return Gen.Const(Array.Empty<PaymentDto>());
        }

        var single = PaymentMethod.Select(method => new[] { Paying(method, totalPaise) });
        if (totalPaise < 3)
        {
            return single;
        }

        var three = Gen.Select(Gen.Long[1, totalPaise - 2], PaymentMethod, PaymentMethod, PaymentMethod)
            .SelectMany(t => Gen.Long[1, totalPaise - t.Item1 - 1].Select(second => new[]
            {
                Paying(t.Item2, t.Item1),
                Paying(t.Item3, second),
                Paying(t.Item4, totalPaise - t.Item1 - second),
            }));
        return Gen.OneOf(single, three);
    }

    private static Gen<long> Discount(decimal qty, long unitPricePaise)
    {
        var grossPaise = Paise.Round(qty * unitPricePaise);
        return Gen.OneOf(Gen.Const(0L), Gen.Long[0, grossPaise]);
    }

    private static Gen<decimal> QtyUpTo(int whole) =>
        Gen.Int[0, Limits.QtyFractionDigitsMax].SelectMany(scale =>
        {
            var unitsPerWhole = (int)Math.Pow(10, scale);
            return Gen.Int[1, whole * unitsPerWhole].Select(units => new decimal(units, 0, 0, false, (byte)scale));
        });
}

// Generators of arbitrary sync DTOs for the JSON contract tests: any value the types can hold, valid for business or not.
// Strings mix ASCII, quotes, control characters and non-ASCII text so that escaping is exercised on every field.
using CsCheck;
using TillSync.Contracts.Sync;

namespace TillSync.Contracts.Tests.Sync;

internal static class DtoGen
{
    public static readonly Gen<string> Text =
        Gen.OneOfConst("a", "Z", "0", " ", "/", "-", "\"", "\\", "\n", "\t", "\u0000", "\u001f", "₹", "é", "😀", "<", ">", "&", "'", "+", "null")
            .Array[0, 8]
            .Select(parts => string.Concat(parts));

    /// <summary>Whole-minute offsets from −14:00 to +14:00, as DateTimeOffset requires.</summary>
    public static readonly Gen<DateTimeOffset> Moment =
        Gen.Select(
            Gen.Long[new DateTime(1900, 1, 1).Ticks, new DateTime(2200, 1, 1).Ticks],
            Gen.Int[-14 * 60, 14 * 60],
            (ticks, offsetMinutes) => new DateTimeOffset(ticks, TimeSpan.FromMinutes(offsetMinutes)));

    public static readonly Gen<CustomerDto> Customer =
        Gen.Select(Text.Null(), Text.Null(), Text.Null(), Text.Null(), Gen.Select(Text.Null(), Text.Null(), Gen.Int[0, 999_999].Select(pin => pin < 300_000 ? null : (int?)pin)),
            (phone, gstin, name, pos, address) => new CustomerDto(phone, gstin, name, pos, address.Item1, address.Item2, address.Item3));

    public static readonly Gen<OrderLineDto> Line =
        Gen.Select(Text, Gen.Decimal, Gen.Long, Gen.Long, Gen.Int, (sku, qty, price, discount, rate) => new OrderLineDto(sku, qty, price, discount, rate));

    public static readonly Gen<PaymentDto> Payment = Gen.Select(Text, Gen.Long, Text.Null(), (method, amount, reference) => new PaymentDto(method, amount, reference));

    public static readonly Gen<LoyaltyDto> Loyalty =
        Gen.Select(Gen.Long, Gen.Long, Text.Null(), (earn, burn, token) => new LoyaltyDto(earn, burn, token));

    public static readonly Gen<OrderTotalsDto> Totals =
        Gen.Select(Gen.Long, Gen.Long, Gen.Long, Gen.Long, Gen.Long, Gen.Long,
            (taxable, cgst, sgst, igst, roundOff, total) => new OrderTotalsDto(taxable, cgst, sgst, igst, roundOff, total));

    public static readonly Gen<OrderDto> Order =
        Gen.Select(Gen.Guid, Gen.Long, Text, Moment, Customer.Null(), Line.Array[0, 5], Payment.Array[0, 4], Gen.Select(Loyalty.Null(), Totals))
            .Select(t => new OrderDto(
                ClientOrderId: t.Item1, TillSeq: t.Item2, BillNo: t.Item3, CreatedAt: t.Item4, Lines: t.Item6, Payments: t.Item7,
                Totals: t.Item8.Item2, Customer: t.Item5, Loyalty: t.Item8.Item1));

    public static readonly Gen<SyncResult> Result =
        Gen.Select(Gen.Guid, Gen.Long, Gen.Enum<SyncStatus>(), Text.Null(), Moment.Nullable(), Gen.Bool, Text.Array[0, 3],
                Gen.Select(Text.Null(), Gen.Long.Nullable(), Text.Null()))
            .Select(t => new SyncResult(
                ClientOrderId: t.Item1, TillSeq: t.Item2, Status: t.Item3, BillNo: t.Item4, CommittedAt: t.Item5, Replayed: t.Item6,
                Flags: t.Item7, Reason: t.Item8.Item1, ExpectedSeq: t.Item8.Item2, Detail: t.Item8.Item3));

    public static readonly Gen<SyncResponse> Response =
        Gen.Select(Result.Array[0, 10], Gen.Long, (results, nextSeq) => new SyncResponse(results, nextSeq));
}

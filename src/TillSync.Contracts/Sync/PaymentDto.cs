namespace TillSync.Contracts.Sync;

/// <summary>One tender applied to the bill.</summary>
/// <param name="Method">One of <see cref="PaymentMethods"/>: <c>cash</c>, <c>card</c>, <c>upi</c>, <c>loyalty</c>.</param>
/// <param name="AmountPaise">Amount applied to the bill in paise (change already given back), positive.</param>
/// <param name="Reference">For <c>store_credit</c> (required), the code of the voucher spent: the number of the credit note
/// that issued it, <c>PREFIX/YYYY/CNNNNN</c>. Absent on every other method.</param>
public sealed record PaymentDto(
    string Method, long AmountPaise,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    string? Reference = null);

/// <summary>The tender methods HQ accepts.</summary>
public static class PaymentMethods
{
    /// <summary>Cash, net of change given back.</summary>
    public const string Cash = "cash";
    /// <summary>Debit or credit card.</summary>
    public const string Card = "card";
    /// <summary>UPI transfer.</summary>
    public const string Upi = "upi";
    /// <summary>Loyalty points redeemed as a tender.</summary>
    public const string Loyalty = "loyalty";
    /// <summary>The refund of a return made together with this sale (an exchange, docs/returns.md): the return's
    /// <c>exchange</c> refund carries this sale's id. HQ books it against the exchange clearing account the return credited.</summary>
    public const string Exchange = "exchange";
    /// <summary>A credit note's store credit redeemed as a tender, naming the voucher in <see cref="PaymentDto.Reference"/>;
    /// HQ books it against the store-credit liability and draws the voucher down (docs/returns.md).</summary>
    public const string StoreCredit = "store_credit";

    /// <summary>Every accepted method, lowercase.</summary>
    public static IReadOnlyList<string> All { get; } = [Cash, Card, Upi, Loyalty, Exchange, StoreCredit];
}

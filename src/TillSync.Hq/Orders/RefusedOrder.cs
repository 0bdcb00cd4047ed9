using TillSync.Contracts.Sync;
using TillSync.Core;

namespace TillSync.Hq.Orders;

/// <summary>What HQ keeps of an order it refuses — one it rejects, or a resend that conflicts with what it holds. Such
/// an order broke a rule, so its fields may be of any size the sync body allowed (a bill number of a megabyte once made
/// the reviews page a megabyte): HQ stores and shows a copy with every text clipped and at most the lines and payments
/// an order may have. The fingerprint is taken over the order as sent, before clipping, so that a resend is still
/// recognised as the same order.</summary>
public static class RefusedOrder
{
    /// <summary>The most characters kept of any text of a refused order (bill number, SKU, customer fields, method, approval reason).</summary>
    public const int TextLengthMax = 64;

    /// <summary>The most characters kept of the reason's detail.</summary>
    public const int DetailLengthMax = 300;

    /// <summary>The order with its texts and lists clipped; the same order when nothing needed clipping.</summary>
    public static OrderDto Bounded(OrderDto order) => order with
    {
        BillNo = Clip(order.BillNo, TextLengthMax),
        Lines = [.. order.Lines.Take(Limits.OrderLinesMax).Select(l => l with { Sku = Clip(l.Sku, TextLengthMax) })],
        Payments = [.. order.Payments.Take(Limits.OrderPaymentsMax).Select(p => p with { Method = Clip(p.Method, TextLengthMax) })],
        Customer = order.Customer is not { } c ? null : c with
        {
            Phone = ClipOrNull(c.Phone), Gstin = ClipOrNull(c.Gstin), Name = ClipOrNull(c.Name), PlaceOfSupply = ClipOrNull(c.PlaceOfSupply),
            Address1 = ClipOrNull(c.Address1), Location = ClipOrNull(c.Location),
        },
        Loyalty = order.Loyalty is not { } l ? null : l with { RedemptionToken = ClipOrNull(l.RedemptionToken) },
        Approval = order.Approval is not { } a ? null : a with { Reason = Clip(a.Reason, TextLengthMax) },
    };

    /// <summary><paramref name="text"/>, or its first characters and an ellipsis when it is longer than <paramref name="lengthMax"/>.</summary>
    public static string Clip(string text, int lengthMax) => text.Length <= lengthMax ? text : text[..(lengthMax - 1)] + "…";

    private static string? ClipOrNull(string? text) => text is null ? null : Clip(text, TextLengthMax);
}

using TillSync.Core.Money;
using TillSync.Core.Orders;

namespace TillSync.Core.Pricing;

/// <summary>How far one sale line departs from the catalogue price its till knew (docs/pricing.md).</summary>
/// <param name="LineNo">The line's number on the bill, from 1.</param>
/// <param name="Sku">Its SKU.</param>
/// <param name="Overridden">True when the unit price billed is none of the prices the till knew.</param>
/// <param name="ListPaise">round(qty × the known price): what the line lists at before any markdown.</param>
/// <param name="MarkdownPaise">The list amount less what the line charges (round(qty × unit price) − discount); negative
/// when the line charges more than it lists at.</param>
public sealed record LineMarkdown(int LineNo, string Sku, bool Overridden, long ListPaise, long MarkdownPaise)
{
    /// <summary>The markdown as basis points of the list amount, rounded up (0 for a line charging its list or more).</summary>
    public long MarkdownBp => MarkdownPaise <= 0 || ListPaise == 0
        ? 0
        : checked((long)decimal.Ceiling(MarkdownPaise * (decimal)RoleLimit.DiscountBpMaxLimit / ListPaise));

    /// <summary>The markdown beyond what <paramref name="limit"/> allows on this line, in paise; 0 within it.</summary>
    public long ExcessPaise(RoleLimit limit) => Math.Max(0, checked(MarkdownPaise - limit.AllowancePaise(ListPaise)));

    /// <summary>The line's markdown against the prices the till may have known, or null when none of them is on the
    /// line's footing (a product HQ has no price for then is not judged). A unit price equal to one of them is not an
    /// override and lists at that price; any other is an override, listed at the lowest known price — the reading most
    /// favourable to the till.</summary>
    public static LineMarkdown? Of(OrderLine line, int lineNo, IEnumerable<KnownPrice> known)
    {
        var prices = known.Where(k => k.TaxInclusive == line.TaxInclusive).Select(k => k.UnitPricePaise).ToList();
        if (prices.Count == 0)
        {
            return null;
        }

        var overridden = !prices.Contains(line.UnitPricePaise);
        var listPaise = Paise.Round(line.Qty * (overridden ? prices.Min() : line.UnitPricePaise));
        var chargedPaise = checked(Paise.Round(line.Qty * line.UnitPricePaise) - line.DiscountPaise);
        return new LineMarkdown(lineNo, line.Sku, overridden, listPaise, checked(listPaise - chargedPaise));
    }
}

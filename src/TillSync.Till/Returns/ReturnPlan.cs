using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core;
using TillSync.Core.Money;
using TillSync.Core.Orders;
using TillSync.Core.Pricing;
using TillSync.Core.Returns;
using TillSync.Core.Tax;
using TillSync.Till.Catalog;

namespace TillSync.Till.Returns;

/// <summary>A return checked against its original and priced with Core's return rules (<see cref="ReturnMath"/>,
/// <see cref="BillTotals"/>): each line refunds the original line's value and tax pro rata, the whole return is rounded
/// to the rupee like a bill, loyalty points burned on the sale come back pro rata as a <c>loyalty</c> refund and points
/// earned on the returned value are taken back; the rest goes to the cashier's refund tender. A promoted sale's return
/// takes back what the kept goods no longer earn (<see cref="PromotionTakeBack"/>). Pure: the till computes it the same
/// way for the preview and inside the transaction that records the return.</summary>
/// <param name="Lines">Each line taken back with its refund.</param>
/// <param name="Totals">The refund's totals.</param>
/// <param name="Loyalty">Points taken back and given back, or null.</param>
/// <param name="LoyaltyRefundPaise">The value of the points given back: the <c>loyalty</c> refund.</param>
public sealed record ReturnPlan(IReadOnlyList<PlannedLine> Lines, BillTotals Totals, ReturnLoyaltyDto? Loyalty, long LoyaltyRefundPaise)
{
    /// <summary>Longest note.</summary>
    public const int NoteLengthMax = 200;

    /// <summary>Longest refund reference.</summary>
    public const int ReferenceLengthMax = 64;

    /// <summary>What goes back in the cashier's tender (or to an exchange): the total less the loyalty refund.</summary>
    public long TenderRefundPaise => Totals.TotalPaise - LoyaltyRefundPaise;

    /// <summary>The plan, or a sentence for the cashier. <paramref name="original"/> carries the returnable quantities
    /// and what this till already refunded; <paramref name="promotions"/> gives a promotion its claims name, or null.</summary>
    public static (ReturnPlan? Plan, string? Problem) For(OriginalSale original, ReturnRequest request, Func<long, Promotion?> promotions)
    {
        if (RequestProblem(original, request) is { } problem)
        {
            return (null, problem);
        }

        var kind = original.SupplyKind == "inter" ? SupplyKind.InterState : SupplyKind.IntraState;
        var returning = new decimal[original.Lines.Count];
        foreach (var wanted in request.Lines)
        {
            returning[wanted.LineNo - 1] = wanted.Qty;
        }

        var takeBack = PromotionTakeBack.Of(
            [.. original.Lines.Select(l => new SoldLine(l.Qty, l.UnitPricePaise, l.DiscountPaise, l.GstRateBp, l.TaxInclusive, l.PromotionId, l.PromotionPaise))],
            original.BillPromotion?.PromotionId, original.BillPromotion?.AmountPaise ?? 0, promotions,
            [.. original.Lines.Select(l => l.ReturnedQty)], returning, [.. original.Lines.Select(l => l.RefundedPaise)], kind);
        var wantedLines = request.Lines.Select(w => (Line: original.Lines[w.LineNo - 1], Wanted: w)).ToList();
        var taxes = ReturnMath.ForLines(
            [.. wantedLines.Select(x => (x.Line.Qty, x.Line.UnitPricePaise, x.Line.DiscountPaise, x.Line.GstRateBp, x.Wanted.Qty, x.Line.TaxInclusive))],
            kind, [.. wantedLines.Select(x => takeBack[x.Line.LineNo - 1])]);
        var lines = wantedLines.Select((x, i) => new PlannedLine(x.Line, x.Wanted.Qty, x.Wanted.Condition, taxes[i], takeBack[x.Line.LineNo - 1])).ToList();
        var totals = BillTotals.Of(lines.Select(l => l.Tax));
        var (loyalty, loyaltyRefundPaise) = LoyaltyOf(original, totals.TotalPaise);
        return RefundProblem(original, request.Refund, totals.TotalPaise - loyaltyRefundPaise) is { } refundProblem
            ? (null, refundProblem)
            : (new ReturnPlan(lines, totals, loyalty, loyaltyRefundPaise), null);
    }

    /// <summary>The refund tenders: the loyalty refund, then the cashier's tender for the rest — or, in an exchange,
    /// <paramref name="exchangePaise"/> to the new sale <paramref name="exchangeSaleId"/> and any remainder in cash.</summary>
    public IReadOnlyList<RefundDto> Refunds(RefundRequest refund, long exchangePaise = 0, Guid? exchangeSaleId = null)
    {
        var refunds = new List<RefundDto>(3);
        if (LoyaltyRefundPaise > 0)
        {
            refunds.Add(new RefundDto(RefundMethods.Loyalty, LoyaltyRefundPaise));
        }

        if (refund.Method == RefundMethods.Exchange)
        {
            Invariant.Assert(exchangePaise >= 0 && exchangePaise <= TenderRefundPaise && exchangeSaleId is not null);
            if (exchangePaise > 0)
            {
                refunds.Add(new RefundDto(RefundMethods.Exchange, exchangePaise, exchangeSaleId!.Value.ToString("D")));
            }

            if (TenderRefundPaise > exchangePaise)
            {
                refunds.Add(new RefundDto(RefundMethods.Cash, TenderRefundPaise - exchangePaise));
            }
        }
        else if (TenderRefundPaise > 0)
        {
            refunds.Add(new RefundDto(refund.Method, TenderRefundPaise, refund.Method is RefundMethods.Card or RefundMethods.Upi ? refund.Reference!.Trim() : null));
        }

        return refunds;
    }

    private static string? RequestProblem(OriginalSale original, ReturnRequest request)
    {
        if (request.Lines.Count == 0)
        {
            return "Choose at least one line and the quantity coming back.";
        }

        if (request.Lines.Select(l => l?.LineNo).Distinct().Count() != request.Lines.Count)
        {
            return "A line of the bill is listed twice; give each line once with its whole quantity.";
        }

        foreach (var wanted in request.Lines)
        {
            if (LineProblem(original, wanted) is { } problem)
            {
                return problem;
            }
        }

        if (!ReturnReasons.All.Contains(request.Reason))
        {
            return "Choose a reason for the return.";
        }

        var note = request.Note?.Trim();
        if (note is { Length: > NoteLengthMax } || note?.Any(char.IsControl) == true)
        {
            return $"The note must be at most {NoteLengthMax} printable characters.";
        }

        return request.Reason == ReturnReasons.Other && string.IsNullOrEmpty(note) ? "With the reason \"other\", say what in the note." : null;
    }

    private static string? LineProblem(OriginalSale original, ReturnLineRequest? wanted)
    {
        if (wanted is null || wanted.LineNo < 1 || wanted.LineNo > original.Lines.Count)
        {
            return $"Bill {original.BillNo} has lines 1 to {original.Lines.Count}.";
        }

        var line = original.Lines[wanted.LineNo - 1];
        if (wanted.Qty <= 0 || decimal.Round(wanted.Qty, Limits.QtyFractionDigitsMax) != wanted.Qty
            || (wanted.Qty != decimal.Truncate(wanted.Qty) && !Units.IsFractional(line.Unit)))
        {
            return $"Line {line.LineNo} ({line.Name}): the quantity must be above 0, "
                + (Units.IsFractional(line.Unit) ? $"with at most {Limits.QtyFractionDigitsMax} decimals." : "in whole pieces.");
        }

        if (wanted.Qty > line.ReturnableQty)
        {
            return $"Line {line.LineNo} ({line.Name}): {OrderFingerprint.NormalizedQty(line.Qty)} sold, "
                + $"{OrderFingerprint.NormalizedQty(line.ReturnedQty)} already returned; at most {OrderFingerprint.NormalizedQty(line.ReturnableQty)} can come back.";
        }

        return ReturnConditions.All.Contains(wanted.Condition) ? null : $"Line {line.LineNo} ({line.Name}): say whether it goes back to stock or is damaged.";
    }

    private static string? RefundProblem(OriginalSale original, RefundRequest? refund, long tenderRefundPaise)
    {
        if (refund is null || refund.Method is not (RefundMethods.Cash or RefundMethods.Card or RefundMethods.Upi or RefundMethods.StoreCredit or RefundMethods.Exchange))
        {
            return "Choose how the money goes back: cash, the original card or UPI, store credit, or an exchange.";
        }

        if (refund.Method is not (RefundMethods.Card or RefundMethods.Upi))
        {
            return null;
        }

        var paidPaise = original.Payments.Where(p => p.Method == refund.Method).Sum(p => p.AmountPaise);
        var label = refund.Method == RefundMethods.Card ? "card" : "UPI";
        if (paidPaise == 0)
        {
            return $"Bill {original.BillNo} was not paid by {label}: refund in cash or as store credit.";
        }

        if (tenderRefundPaise > paidPaise)
        {
            return $"Only ₹{Paise.ToRupeeString(paidPaise)} of bill {original.BillNo} was paid by {label}; refund ₹{Paise.ToRupeeString(tenderRefundPaise)} in cash or as store credit.";
        }

        var reference = refund.Reference?.Trim();
        return reference is null or { Length: 0 or > ReferenceLengthMax } || reference.Any(char.IsControl)
            ? $"Enter the {label} refund's transaction reference (1 to {ReferenceLengthMax} characters)."
            : null;
    }

    // Burned points come back as a loyalty refund worth what they paid on the sale; earned points on the returned value
    // are taken back. Both pro rata to the return's share of the bill, rounded down (ReturnMath.LoyaltyShare).
    private static (ReturnLoyaltyDto?, long) LoyaltyOf(OriginalSale original, long returnPaise)
    {
        if (original.Customer?.Phone is not { } phone || original.TotalPaise <= 0 || (original.EarnPoints == 0 && original.BurnPoints == 0))
        {
            return (null, 0);
        }

        var earnReversed = ReturnMath.LoyaltyShare(original.EarnPoints, returnPaise, original.TotalPaise);
        var burnRefunded = ReturnMath.LoyaltyShare(original.BurnPoints, returnPaise, original.TotalPaise);
        var burnPaidPaise = original.Payments.Where(p => p.Method == PaymentMethods.Loyalty).Sum(p => p.AmountPaise);
        var refundPaise = ReturnMath.LoyaltyRefundPaise(burnPaidPaise, original.BurnPoints, burnRefunded);
        return (new ReturnLoyaltyDto(phone, earnReversed, burnRefunded), refundPaise);
    }
}


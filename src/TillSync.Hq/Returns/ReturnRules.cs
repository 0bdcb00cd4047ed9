using System.Globalization;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core;
using TillSync.Core.Orders;
using TillSync.Core.Receipts;
using TillSync.Core.Returns;
using TillSync.Core.Tax;
using TillSync.Hq.Orders;
using TillSync.Hq.Sync;

namespace TillSync.Hq.Returns;

/// <summary>What makes a return never acceptable, on its own (docs/returns.md, "HQ's rules"): its shape and ranges as a
/// sale's, its credit note number in the till's series, its lines, conditions and reason, refunds that add up to its
/// totals, and totals equal to Core's recomputation from its lines (<see cref="ReturnMath"/>, <see cref="BillTotals"/>)
/// with the original's supply kind. Whether it agrees with its original is another question (<see cref="ReturnOriginals"/>):
/// a return that is consistent in itself commits, because the refund happened.</summary>
public static class ReturnRules
{
    /// <summary>Longest note, as the till allows.</summary>
    public const int NoteLengthMax = 200;

    /// <summary>Longest refund reference.</summary>
    public const int ReferenceLengthMax = 64;

    /// <summary>The first reason <paramref name="returned"/> can never be accepted, or null.</summary>
    /// <param name="returned">The return as sent.</param>
    /// <param name="billPrefix">The till's bill prefix (its credit note series).</param>
    /// <param name="supplyKind">The original sale's supply kind (from HQ's copy, else from the return's customer).</param>
    /// <param name="now">HQ's clock.</param>
    /// <param name="gstinRule">How the buyer's GSTIN is checked (<see cref="Stores.GstinPolicy"/>).</param>
    public static Rejection? Check(ReturnDto returned, string billPrefix, SupplyKind supplyKind, DateTimeOffset now, GstinRule gstinRule = GstinRule.Checked) =>
        CheckDates(returned, now)
        ?? CheckNumber(returned, billPrefix)
        ?? CheckOriginal(returned.Original)
        ?? CheckReasonAndNote(returned)
        ?? Customer(returned.Customer, gstinRule)
        ?? CheckLines(returned.Lines)
        ?? CheckLoyalty(returned.Loyalty)
        ?? CheckRefunds(returned)
        ?? CheckTakeBack(returned, supplyKind)
        ?? CheckTotals(returned, supplyKind);

    /// <summary>Each line's refund, by Core's rule: pro rata less its share of the promotion take-back
    /// (<see cref="ReturnMath.ForLines"/>); the return must have passed <see cref="Check"/>.</summary>
    public static IReadOnlyList<LineTax> LineTaxes(ReturnDto returned, SupplyKind supplyKind) =>
        ReturnMath.ForLines(
            [.. returned.Lines.Select(l => (l.OriginalQty, l.UnitPricePaise, l.OriginalDiscountPaise, l.GstRateBp, l.Qty, l.TaxInclusive))], supplyKind,
            [.. returned.Lines.Select(l => l.TakeBackPaise)]);

    // A line's take-back is at most its pro rata refund; a give-back stays in the range of any amount.
    private static Rejection? CheckTakeBack(ReturnDto returned, SupplyKind supplyKind)
    {
        foreach (var line in returned.Lines.Where(l => l.TakeBackPaise != 0))
        {
            var proRataPaise = ReturnMath.ForLine(line.OriginalQty, line.UnitPricePaise, line.OriginalDiscountPaise, line.GstRateBp, line.Qty, supplyKind,
                line.TaxInclusive).TotalPaise;
            if (line.TakeBackPaise > proRataPaise || line.TakeBackPaise < -Limits.PaymentPaiseMax)
            {
                return new(SyncReasons.TotalsMismatch, string.Create(CultureInfo.InvariantCulture,
                    $"line {line.OriginalLineNo}: takeBackPaise {line.TakeBackPaise} must be at most its pro rata refund ({proRataPaise} paise)"));
            }
        }

        return null;
    }

    private static Rejection? CheckDates(ReturnDto returned, DateTimeOffset now)
    {
        if (returned.CreatedAt < OrderRules.CreatedAtMin || returned.CreatedAt > now + Limits.CreatedAtSkewMax)
        {
            return new(SyncReasons.InvalidCreatedAt, string.Create(CultureInfo.InvariantCulture,
                $"createdAt {returned.CreatedAt:O} is before GST began or more than {Limits.CreatedAtSkewMax.TotalHours:0} h ahead of HQ's clock"));
        }

        return returned.Original is { } original && (original.CreatedAt < OrderRules.CreatedAtMin || original.CreatedAt > returned.CreatedAt)
            ? new(SyncReasons.InvalidCreatedAt, string.Create(CultureInfo.InvariantCulture,
                $"the original sale's date {original.CreatedAt:O} must be after GST began and not after the return's {returned.CreatedAt:O}"))
            : null;
    }

    private static Rejection? CheckNumber(ReturnDto returned, string billPrefix) =>
        CreditNoteNumber.BelongsTo(returned.CreditNoteNo, billPrefix, returned.CreatedAt)
            ? null
            : new(SyncReasons.InvalidCreditNoteNo,
                $"credit note number '{Clip(returned.CreditNoteNo)}' is not in this till's series {billPrefix}/{BillNumber.FinancialYear(returned.CreatedAt)}/CNNNNN");

    private static Rejection? CheckOriginal(ReturnOriginalDto? original)
    {
        if (original is null || original.ClientOrderId == Guid.Empty || !BillNumber.IsWellFormed(original.BillNo) || original.TillId <= 0
            || original.TotalPaise < 0 || original.TotalPaise > Limits.PaymentPaiseMax)
        {
            return new(SyncReasons.InvalidReturn, "the original sale needs its id, a well-formed bill number, its till and its total");
        }

        if (!ReturnSources.All.Contains(original.Source))
        {
            return new(SyncReasons.InvalidReturn, $"original.source '{Clip(original.Source)}' must be one of {string.Join(", ", ReturnSources.All)}");
        }

        var needsCode = original.Source == ReturnSources.ReceiptCode;
        return needsCode != original.ReceiptCode is not null || original.ReceiptCode is { Length: > ReceiptCode.LengthMax }
            ? new(SyncReasons.InvalidReturn, $"original.receiptCode comes with the source receipt_code only, at most {ReceiptCode.LengthMax} characters")
            : null;
    }

    private static Rejection? CheckReasonAndNote(ReturnDto returned)
    {
        if (!ReturnReasons.All.Contains(returned.Reason))
        {
            return new(SyncReasons.InvalidReturn, $"reason '{Clip(returned.Reason)}' must be one of {string.Join(", ", ReturnReasons.All)}");
        }

        return returned.Note is { } note && (note.Length is 0 or > NoteLengthMax || !FreeText.IsPrintable(note))
            ? new(SyncReasons.InvalidReturn, $"the note must be 1 to {NoteLengthMax} printable characters")
            : null;
    }

    private static Rejection? Customer(CustomerDto? customer, GstinRule gstinRule) =>
        customer is null
            ? null
            : OrderRules.CheckCustomer(OrderMapping.ToCore(customer), gstinRule) is { } problem
                ? new(OrderMapping.Reason(problem.Problem), problem.Detail)
                : null;

    private static Rejection? CheckLines(IReadOnlyList<ReturnLineDto> lines)
    {
        if (lines.Count == 0)
        {
            return new(SyncReasons.NoLines, "a return needs at least one line");
        }

        if (lines.Count > Limits.OrderLinesMax)
        {
            return new(SyncReasons.TooManyLines, $"{lines.Count} lines; a return may have at most {Limits.OrderLinesMax}");
        }

        if (lines.Select(l => l.OriginalLineNo).Distinct().Count() != lines.Count)
        {
            return new(SyncReasons.InvalidLine, "an original line is returned twice; give each line once with its whole quantity");
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (CheckLine(lines[i], i + 1) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static Rejection? CheckLine(ReturnLineDto line, int number)
    {
        if (line.OriginalLineNo < 1 || line.OriginalLineNo > Limits.OrderLinesMax)
        {
            return new(SyncReasons.InvalidLine, $"line {number}: originalLineNo {line.OriginalLineNo} must be 1 to {Limits.OrderLinesMax}");
        }

        var original = new OrderLine(line.Sku, line.OriginalQty, line.UnitPricePaise, line.OriginalDiscountPaise, line.GstRateBp, line.TaxInclusive);
        if (OrderRules.CheckLine(original, number) is { } problem)
        {
            return new(OrderMapping.Reason(problem.Problem), problem.Detail + " (as on the original bill)");
        }

        if (line.Qty <= 0 || line.Qty > line.OriginalQty || decimal.Round(line.Qty, Limits.QtyFractionDigitsMax) != line.Qty)
        {
            return new(SyncReasons.InvalidQuantity, string.Create(CultureInfo.InvariantCulture,
                $"line {number}: returned quantity {line.Qty} must be above 0, at most the {line.OriginalQty} sold, with at most {Limits.QtyFractionDigitsMax} decimals"));
        }

        return ReturnConditions.All.Contains(line.Condition)
            ? null
            : new(SyncReasons.InvalidReturn, $"line {number}: condition '{Clip(line.Condition)}' must be one of {string.Join(", ", ReturnConditions.All)}");
    }

    private static Rejection? CheckLoyalty(ReturnLoyaltyDto? loyalty) =>
        loyalty is null
        || (OrderRules.IsValidPhone(loyalty.Phone)
            && loyalty.EarnReversedPoints is >= 0 and <= Limits.LoyaltyPointsPerOrderMax
            && loyalty.BurnRefundedPoints is >= 0 and <= Limits.LoyaltyPointsPerOrderMax)
            ? null
            : new(SyncReasons.InvalidLoyalty, $"loyalty needs the customer's phone and points from 0 to {Limits.LoyaltyPointsPerOrderMax}");

    private static Rejection? CheckRefunds(ReturnDto returned)
    {
        var refunds = returned.Refunds;
        if (refunds.Count > Limits.OrderPaymentsMax)
        {
            return new(SyncReasons.InvalidRefund, $"{refunds.Count} refunds; a return may have at most {Limits.OrderPaymentsMax}");
        }

        long refundedPaise = 0;
        for (var i = 0; i < refunds.Count; i++)
        {
            var refund = refunds[i];
            if (!RefundMethods.All.Contains(refund.Method) || refund.AmountPaise <= 0 || refund.AmountPaise > Limits.PaymentPaiseMax)
            {
                return new(SyncReasons.InvalidRefund,
                    $"refund {i + 1}: method must be one of {string.Join(", ", RefundMethods.All)} and the amount positive and in range");
            }

            if (refund.Reference is { } reference && (reference.Length is 0 or > ReferenceLengthMax || !FreeText.IsPrintable(reference)))
            {
                return new(SyncReasons.InvalidRefund, $"refund {i + 1}: the reference must be 1 to {ReferenceLengthMax} printable characters");
            }

            if (refund.Method == RefundMethods.Loyalty && returned.Loyalty is not { BurnRefundedPoints: > 0 })
            {
                return new(SyncReasons.InvalidRefund, $"refund {i + 1}: a loyalty refund gives back burned points, which loyalty.burnRefundedPoints must name");
            }

            refundedPaise = checked(refundedPaise + refund.AmountPaise);
        }

        return refundedPaise == returned.Totals.TotalPaise
            ? null
            : new(SyncReasons.RefundsMismatch, $"refunds add up to {refundedPaise} paise but the credit note's total is {returned.Totals.TotalPaise}");
    }

    private static Rejection? CheckTotals(ReturnDto returned, SupplyKind supplyKind)
    {
        var expected = BillTotals.Of(LineTaxes(returned, supplyKind));
        var sent = returned.Totals;
        return sent.TaxablePaise == expected.TaxablePaise && sent.CgstPaise == expected.CgstPaise && sent.SgstPaise == expected.SgstPaise
            && sent.IgstPaise == expected.IgstPaise && sent.RoundOffPaise == expected.RoundOffPaise && sent.TotalPaise == expected.TotalPaise
            ? null
            : new(SyncReasons.TotalsMismatch, string.Create(CultureInfo.InvariantCulture,
                $"totals do not match the lines refunded pro rata less the promotion take-back ({(supplyKind == SupplyKind.InterState ? "inter" : "intra")}-state): expected taxable {expected.TaxablePaise}, CGST {expected.CgstPaise}, SGST {expected.SgstPaise}, IGST {expected.IgstPaise}, round-off {expected.RoundOffPaise}, total {expected.TotalPaise} paise"));
    }

    private static string Clip(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}

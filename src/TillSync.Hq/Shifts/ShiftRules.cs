using System.Globalization;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core;
using TillSync.Core.Orders;
using TillSync.Hq.Sync;

namespace TillSync.Hq.Shifts;

/// <summary>When HQ rejects a shift or cash document (docs/shifts.md): only when it can never be accepted on its own —
/// the count or the money makes no sense, or the time is out of range. Everything else commits: the cash moved.</summary>
public static class ShiftRules
{
    /// <summary>The largest amount one movement or slip total may carry: ₹1 crore.</summary>
    public const long AmountPaiseMax = 1_000_000_000L;

    /// <summary>Why <paramref name="document"/> can never be accepted, or null.</summary>
    public static Rejection? Check(TillDocumentDto document, DateTimeOffset now) => document.Kind switch
    {
        DocumentKinds.ShiftOpen => CheckTime(document.ShiftOpen!.OpenedAt, "openedAt", now) ?? CheckCount(document.ShiftOpen.FloatCounted, "floatCounted"),
        DocumentKinds.CashMovement => CheckTime(document.CashMovement!.At, "at", now) ?? CheckMovement(document.CashMovement),
        DocumentKinds.ShiftClose => CheckTime(document.ShiftClose!.ClosedAt, "closedAt", now) ?? CheckClose(document.ShiftClose),
        _ => throw new ArgumentOutOfRangeException(nameof(document), document.Kind, "not a shift document"),
    };

    private static Rejection? CheckTime(DateTimeOffset at, string field, DateTimeOffset now) =>
        at < OrderRules.CreatedAtMin || at > now + Limits.CreatedAtSkewMax
            ? Invalid($"{field} {at:O} is before GST began or more than {Limits.CreatedAtSkewMax.TotalHours:0} h ahead of HQ's clock")
            : null;

    private static Rejection? CheckCount(IReadOnlyList<DenominationCountDto> counts, string field) =>
        Denominations.CountProblem(counts, field) is { } problem ? Invalid(problem) : null;

    private static Rejection? CheckMovement(CashMovementDto movement)
    {
        if (CashReasons.DirectionOf(movement.Reason) is not { } direction || direction != movement.Direction)
        {
            return Invalid($"a cash movement '{Clip(movement.Direction)}' for '{Clip(movement.Reason)}' is not one HQ knows: {CashReasons.PickupToSafe} and {CashReasons.PettyCash} go out, {CashReasons.FromSafe} comes in");
        }

        return movement.AmountPaise is <= 0 or > AmountPaiseMax
            ? Invalid($"amountPaise {movement.AmountPaise} must be above 0 and at most {AmountPaiseMax:N0}")
            : movement.Note is { } note && (note.Length > 200 || !FreeText.IsPrintable(note)) ? Invalid("note must be at most 200 printable characters") : null;
    }

    private static Rejection? CheckClose(ShiftCloseDto close)
    {
        var e = close.Expected;
        long[] amounts = [close.CardSlipsPaise, close.UpiSlipsPaise, e.FloatPaise, e.CashSalesPaise, e.CashRefundsPaise, e.CashInPaise, e.CashOutPaise];
        if (close.ZNumber < 1)
        {
            return Invalid(string.Create(CultureInfo.InvariantCulture, $"zNumber {close.ZNumber} must be 1 or more"));
        }

        if (amounts.Any(a => a is < 0 or > AmountPaiseMax * 100) || Math.Abs(e.CardPaise) > AmountPaiseMax * 100 || Math.Abs(e.UpiPaise) > AmountPaiseMax * 100)
        {
            return Invalid("the slip totals and expected figures must be 0 or more and at most ₹1,000 crore (card and UPI may be below 0 after refunds)");
        }

        return CheckCount(close.CashCounted, "cashCounted");
    }

    private static Rejection Invalid(string detail) => new(SyncReasons.InvalidShift, detail);

    private static string Clip(string text) => text.Length <= 40 ? text : text[..39] + "…";
}

using System.Text.Json.Serialization;

namespace TillSync.Contracts.Documents;

/// <summary>A shift opened on a till (kind <c>shift_open</c>; docs/shifts.md): the float counted into the drawer. The
/// shift's id is this document's <c>documentId</c>; every later cash movement and the close name it.</summary>
/// <param name="OpenedAt">When the shift opened on the till, with its UTC offset.</param>
/// <param name="CashierId">HQ's staff id of the cashier who opened it.</param>
/// <param name="FloatCounted">The float counted by denomination; its total is <c>Σ denominationPaise × count</c>.</param>
public sealed record ShiftOpenDto(DateTimeOffset OpenedAt, long CashierId, IReadOnlyList<DenominationCountDto> FloatCounted);

/// <summary>Cash into or out of the drawer during a shift (kind <c>cash_movement</c>).</summary>
/// <param name="ShiftId">The shift's id (its <c>shift_open</c> document's id).</param>
/// <param name="At">When it was recorded on the till, with its UTC offset.</param>
/// <param name="Direction"><c>in</c> or <c>out</c> (<see cref="CashDirections"/>).</param>
/// <param name="Reason">One of <see cref="CashReasons"/>, fitting the direction.</param>
/// <param name="AmountPaise">How much, above 0.</param>
/// <param name="CashierId">HQ's staff id of the cashier who recorded it.</param>
/// <param name="Note">The cashier's words, at most 200 characters; null when none.</param>
public sealed record CashMovementDto(
    Guid ShiftId, DateTimeOffset At, string Direction, string Reason, long AmountPaise, long CashierId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note = null);

/// <summary>A shift closed with a blind count (kind <c>shift_close</c>): what the cashier counted, and what the till
/// expected from its own documents of the shift. The till prints the Z report from it.</summary>
/// <param name="ShiftId">The shift's id (its <c>shift_open</c> document's id).</param>
/// <param name="ZNumber">The Z report's number: consecutive per till from 1.</param>
/// <param name="ClosedAt">When the shift closed on the till, with its UTC offset.</param>
/// <param name="CashierId">HQ's staff id of the cashier who closed it.</param>
/// <param name="CashCounted">The cash counted by denomination.</param>
/// <param name="CardSlipsPaise">The total of the card terminal's slips, 0 or more.</param>
/// <param name="UpiSlipsPaise">The total of the UPI slips (or the UPI app's settlement), 0 or more.</param>
/// <param name="Expected">What the till's documents of the shift say each tender should hold.</param>
public sealed record ShiftCloseDto(
    Guid ShiftId, long ZNumber, DateTimeOffset ClosedAt, long CashierId, IReadOnlyList<DenominationCountDto> CashCounted,
    long CardSlipsPaise, long UpiSlipsPaise, ShiftExpectedDto Expected);

/// <summary>What a shift's drawer should hold by the till's documents of the shift.</summary>
/// <param name="FloatPaise">The opening float.</param>
/// <param name="CashSalesPaise">Cash taken on sales, net of change.</param>
/// <param name="CashRefundsPaise">Cash paid out on returns.</param>
/// <param name="CashInPaise">Cash movements in.</param>
/// <param name="CashOutPaise">Cash movements out (pickups to the safe, petty cash).</param>
/// <param name="CardPaise">Card taken on sales less card refunds.</param>
/// <param name="UpiPaise">UPI taken on sales less UPI refunds.</param>
public sealed record ShiftExpectedDto(
    long FloatPaise, long CashSalesPaise, long CashRefundsPaise, long CashInPaise, long CashOutPaise, long CardPaise, long UpiPaise)
{
    /// <summary>The cash the drawer should hold: float + sales − refunds + in − out.</summary>
    [JsonIgnore]
    public long CashPaise => checked(FloatPaise + CashSalesPaise - CashRefundsPaise + CashInPaise - CashOutPaise);
}

/// <summary>How many of one note or coin.</summary>
/// <param name="DenominationPaise">One of <see cref="Denominations.AllPaise"/>.</param>
/// <param name="Count">How many, 0 or more.</param>
public sealed record DenominationCountDto(long DenominationPaise, int Count);

/// <summary>The Indian notes and coins a drawer is counted in, in paise.</summary>
public static class Denominations
{
    /// <summary>₹500, ₹200, ₹100, ₹50, ₹20, ₹10 notes; ₹20, ₹10, ₹5, ₹2, ₹1 coins (one entry per value).</summary>
    public static IReadOnlyList<long> AllPaise { get; } = [50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100];

    /// <summary>The most of one note or coin a count may list.</summary>
    public const int CountMax = 1_000_000;

    /// <summary>Σ denomination × count, in paise.</summary>
    public static long TotalPaise(IEnumerable<DenominationCountDto> counts) => counts.Sum(c => checked(c.DenominationPaise * c.Count));

    /// <summary>Why <paramref name="counts"/> is not a count of a drawer (a denomination listed twice, not an Indian note
    /// or coin, or a count below 0 or above <see cref="CountMax"/>), naming <paramref name="field"/>; null when it is one.
    /// The till checks a count with it before saving and HQ before accepting, so both say the same.</summary>
    public static string? CountProblem(IReadOnlyList<DenominationCountDto> counts, string field)
    {
        if (counts.Count > AllPaise.Count || counts.Select(c => c.DenominationPaise).Distinct().Count() != counts.Count)
        {
            return $"{field} must list each denomination at most once";
        }

        return counts.FirstOrDefault(c => !AllPaise.Contains(c.DenominationPaise) || c.Count is < 0 or > CountMax) is { } bad
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{field}: {bad.Count} × {bad.DenominationPaise} paise is not a count of an Indian note or coin (0 to {CountMax:N0} of one of {string.Join(", ", AllPaise)} paise)")
            : null;
    }
}

/// <summary>The directions of a cash movement.</summary>
public static class CashDirections
{
    /// <summary>Cash into the drawer.</summary>
    public const string In = "in";

    /// <summary>Cash out of the drawer.</summary>
    public const string Out = "out";
}

/// <summary>Why cash moved, and which direction each reason goes.</summary>
public static class CashReasons
{
    /// <summary>Out: notes taken from the drawer to the store's safe.</summary>
    public const string PickupToSafe = "pickup_to_safe";

    /// <summary>Out: a small expense paid from the drawer.</summary>
    public const string PettyCash = "petty_cash";

    /// <summary>In: change brought from the safe into the drawer.</summary>
    public const string FromSafe = "from_safe";

    /// <summary>The direction <paramref name="reason"/> goes, or null for an unknown reason.</summary>
    public static string? DirectionOf(string reason) => reason switch
    {
        PickupToSafe or PettyCash => CashDirections.Out,
        FromSafe => CashDirections.In,
        _ => null,
    };
}

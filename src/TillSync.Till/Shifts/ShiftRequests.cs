using TillSync.Contracts.Documents;

namespace TillSync.Till.Shifts;

/// <summary>Open a shift (<c>POST /api/shift/open</c>).</summary>
/// <param name="RequestId">Minted by the page once per dialog; a retry with the same id answers the same shift.</param>
/// <param name="FloatCounted">The float counted into the drawer, by denomination.</param>
public sealed record OpenShiftRequest(Guid RequestId, IReadOnlyList<DenominationCountDto> FloatCounted);

/// <summary>Cash into or out of the drawer (<c>POST /api/shift/cash</c>); the reason gives the direction.</summary>
/// <param name="RequestId">Minted by the page once per dialog; a retry with the same id answers the same movement.</param>
/// <param name="Reason">One of <see cref="CashReasons"/>.</param>
/// <param name="AmountPaise">How much, above 0.</param>
/// <param name="Note">The cashier's words, at most 200 characters, optional.</param>
public sealed record CashMovementRequest(Guid RequestId, string Reason, long AmountPaise, string? Note = null);

/// <summary>Close the shift with a blind count (<c>POST /api/shift/close</c>).</summary>
/// <param name="RequestId">Minted by the page once per dialog; a retry with the same id answers the same Z report.</param>
/// <param name="CashCounted">The cash counted in the drawer, by denomination.</param>
/// <param name="CardSlipsPaise">The total of the card terminal's slips.</param>
/// <param name="UpiSlipsPaise">The total of the UPI slips.</param>
public sealed record CloseShiftRequest(Guid RequestId, IReadOnlyList<DenominationCountDto> CashCounted, long CardSlipsPaise, long UpiSlipsPaise);

/// <summary>The shift as the page shows it (<c>GET /api/shift</c>, and the answer to opening one).</summary>
/// <param name="Shift">The open shift, or null when none is.</param>
/// <param name="FloatPaise">Its float; 0 when none is open.</param>
/// <param name="OpenedBy">The name of the cashier who opened it.</param>
/// <param name="Warning">Set when the shift is open past its business day.</param>
public sealed record ShiftState(OpenShift? Shift, long FloatPaise, string? OpenedBy, string? Warning);

/// <summary>A recorded cash movement (the answer to <c>POST /api/shift/cash</c>).</summary>
/// <param name="DocumentId">The <c>cash_movement</c> document's id.</param>
/// <param name="TillSeq">Its <c>tillSeq</c>.</param>
/// <param name="Movement">What was recorded.</param>
public sealed record CashMovementView(Guid DocumentId, long TillSeq, CashMovementDto Movement);

/// <summary>Why a shift request was refused; the page shows <see cref="Detail"/> as it is.</summary>
/// <param name="Refusal">What kind of refusal.</param>
/// <param name="Detail">A sentence for the cashier.</param>
public sealed record ShiftProblem(ShiftRefusal Refusal, string Detail);

/// <summary>The kinds of refusal of a shift request.</summary>
public enum ShiftRefusal
{
    /// <summary>The request itself is wrong (a count, an amount, a reason).</summary>
    Invalid = 1,

    /// <summary>The request needs an open shift and none is open, or opens one while one is.</summary>
    WrongState,

    /// <summary>The request id was already used for a different request.</summary>
    RequestReused,

    /// <summary>No cashier is logged in.</summary>
    NoCashier,
}

// Builds a till's shift and cash documents as a till would send them, on the till's one tillSeq stream (shared with its
// sales through the till's OrderFactory), for the HQ contract tests of the shift kinds.
using TillSync.Contracts.Documents;

namespace TillSync.Testing;

/// <summary>Shift documents of one till.</summary>
/// <param name="orders">The till's order factory, whose <c>NextSeq</c> these documents share.</param>
/// <param name="cashierId">The cashier every document names.</param>
public sealed class ShiftFactory(OrderFactory orders, long cashierId)
{
    private long lastZNumber;

    /// <summary>₹2,000 as the acceptance counts it: three ₹500 notes, four ₹100 notes, five ₹20 notes.</summary>
    public static IReadOnlyList<DenominationCountDto> TwoThousandRupees { get; } = [new(50_000, 3), new(10_000, 4), new(2_000, 5)];

    /// <summary>A shift_open with <paramref name="floatCounted"/> (₹2,000 by default).</summary>
    public TillDocumentDto Open(IReadOnlyList<DenominationCountDto>? floatCounted = null) =>
        new(DocumentKinds.ShiftOpen, Guid.CreateVersion7(), orders.NextSeq++,
            ShiftOpen: new ShiftOpenDto(DateTimeOffset.UtcNow, cashierId, floatCounted ?? TwoThousandRupees));

    /// <summary>A cash_movement of <paramref name="amountPaise"/> for <paramref name="reason"/> in <paramref name="shift"/>.</summary>
    public TillDocumentDto Move(TillDocumentDto shift, string reason, long amountPaise) =>
        new(DocumentKinds.CashMovement, Guid.CreateVersion7(), orders.NextSeq++,
            CashMovement: new CashMovementDto(shift.DocumentId, DateTimeOffset.UtcNow, CashReasons.DirectionOf(reason) ?? "sideways", reason, amountPaise, cashierId));

    /// <summary>A shift_close of <paramref name="shift"/> with the next Z number, the till expecting
    /// <paramref name="expected"/> and the cashier counting <paramref name="counted"/>.</summary>
    public TillDocumentDto Close(TillDocumentDto shift, ShiftExpectedDto expected, IReadOnlyList<DenominationCountDto> counted, long cardSlipsPaise = 0,
        long upiSlipsPaise = 0) =>
        new(DocumentKinds.ShiftClose, Guid.CreateVersion7(), orders.NextSeq++,
            ShiftClose: new ShiftCloseDto(shift.DocumentId, ++lastZNumber, DateTimeOffset.UtcNow, cashierId, counted, cardSlipsPaise, upiSlipsPaise, expected));
}

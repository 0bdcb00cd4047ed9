namespace TillSync.Contracts.Documents;

/// <summary>A shift as HQ recorded it (<c>GET /api/v1/shifts?storeId=&amp;tillId=&amp;date=</c>; docs/shifts.md): the
/// figures of HQ's shifts page.</summary>
/// <param name="ShiftId">The shift's id (its <c>shift_open</c> document's id).</param>
/// <param name="StoreId">The till's store.</param>
/// <param name="TillId">The till.</param>
/// <param name="OpenedAt">When it opened.</param>
/// <param name="OpenedBy">Who opened it: a staff name, or <c>staff N</c>.</param>
/// <param name="FloatPaise">The float counted at open.</param>
/// <param name="CashInPaise">Σ cash movements in.</param>
/// <param name="CashOutPaise">Σ cash movements out (pickups to the safe, petty cash).</param>
/// <param name="ZNumber">The close's Z number; null while HQ holds no close.</param>
/// <param name="ClosedAt">When it closed; null while open at HQ.</param>
/// <param name="ClosedBy">Who closed it; null while open at HQ.</param>
/// <param name="Expected">What the till expected each tender to hold; null while open at HQ.</param>
/// <param name="CountedCashPaise">The cash counted; null while open at HQ.</param>
/// <param name="CardSlipsPaise">The card slips' total; null while open at HQ.</param>
/// <param name="UpiSlipsPaise">The UPI slips' total; null while open at HQ.</param>
/// <param name="CashVariancePaise">Counted − expected cash: below 0 short, above 0 over; null while open at HQ.</param>
/// <param name="HqExpected">What HQ's own copies of the shift's documents say each tender holds (so far, while open at HQ):
/// the till's sales and returns between the shift's open and close by payment method, and its cash movements.</param>
/// <param name="ExpectedDiffers">True when the shift is closed at HQ and <paramref name="HqExpected"/> is not the till's
/// <paramref name="Expected"/>. HQ commits a till's documents in <c>tillSeq</c> order without gaps, so when it holds the
/// close it holds every document of the shift: a difference is then real, never a document still on its way.</param>
public sealed record ShiftView(
    Guid ShiftId, long StoreId, long TillId, DateTimeOffset OpenedAt, string OpenedBy, long FloatPaise, long CashInPaise, long CashOutPaise,
    long? ZNumber, DateTimeOffset? ClosedAt, string? ClosedBy, ShiftExpectedDto? Expected, long? CountedCashPaise, long? CardSlipsPaise,
    long? UpiSlipsPaise, long? CashVariancePaise, ShiftExpectedDto? HqExpected = null, bool ExpectedDiffers = false);

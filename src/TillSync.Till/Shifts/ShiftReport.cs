using TillSync.Contracts.Documents;

namespace TillSync.Till.Shifts;

/// <summary>An X report (the shift so far: <see cref="Close"/> null, nothing reset) or a Z report (the closed shift, with
/// the blind count and the variance per tender). Money in paise; times with the till's offset.</summary>
/// <param name="ShiftId">The shift's id.</param>
/// <param name="TillName">The till's name from its snapshot.</param>
/// <param name="OpenedAt">When the shift opened.</param>
/// <param name="OpenedBy">Who opened it.</param>
/// <param name="AsOf">When the figures were taken: now for an X report, the close for a Z report.</param>
/// <param name="FloatCounted">The float by denomination.</param>
/// <param name="Expected">What the shift's documents say each tender holds (as the <c>shift_close</c> carries it).</param>
/// <param name="ExpectedCashPaise">The cash the drawer should hold: float + cash sales − cash refunds + in − out.</param>
/// <param name="SaleCount">How many sales.</param>
/// <param name="SalesPaise">Their bills' total.</param>
/// <param name="SalesByTender">What the sales took, per tender (net of change), largest first.</param>
/// <param name="ReturnCount">How many returns.</param>
/// <param name="RefundsPaise">Their refunds' total.</param>
/// <param name="RefundsByTender">What the returns paid back, per tender.</param>
/// <param name="DiscountsPaise">Σ line discounts on the shift's sales.</param>
/// <param name="Voids">What the report says of voids: this till has none (a sale is saved when paid; a mistake is a return).</param>
/// <param name="CashMovements">Every cash movement, in order.</param>
/// <param name="SalesByHour">Sales per IST hour of the day.</param>
/// <param name="SalesByCashier">Sales and returns per cashier.</param>
/// <param name="UnreadableDocuments">Documents of the shift the till could no longer read (0 on a healthy till); their money is not in the figures.</param>
/// <param name="Close">The close, for a Z report; null for an X report.</param>
/// <param name="ParkedCarts">The carts still parked when the shift closed (a Z report; null on an X report and on Z reports from
/// before parked sales).</param>
public sealed record ShiftReport(
    Guid ShiftId, string TillName, DateTimeOffset OpenedAt, string OpenedBy, DateTimeOffset AsOf, IReadOnlyList<DenominationCountDto> FloatCounted,
    ShiftExpectedDto Expected, long ExpectedCashPaise, int SaleCount, long SalesPaise, IReadOnlyList<TenderTotal> SalesByTender, int ReturnCount,
    long RefundsPaise, IReadOnlyList<TenderTotal> RefundsByTender, long DiscountsPaise, string Voids, IReadOnlyList<CashMovementLine> CashMovements,
    IReadOnlyList<HourTotal> SalesByHour, IReadOnlyList<CashierTotal> SalesByCashier, int UnreadableDocuments, ShiftCloseReport? Close,
    IReadOnlyList<Parking.ParkedCart>? ParkedCarts = null);

/// <summary>The close of a Z report.</summary>
/// <param name="DocumentId">The <c>shift_close</c> document's id.</param>
/// <param name="ZNumber">The Z number, consecutive per till from 1.</param>
/// <param name="ClosedAt">When the shift closed.</param>
/// <param name="ClosedBy">Who closed it.</param>
/// <param name="CashCounted">The cash counted, by denomination.</param>
/// <param name="Tenders">Expected, counted and variance for cash, card and UPI.</param>
public sealed record ShiftCloseReport(
    Guid DocumentId, long ZNumber, DateTimeOffset ClosedAt, string ClosedBy, IReadOnlyList<DenominationCountDto> CashCounted, IReadOnlyList<TenderCount> Tenders);

/// <summary>One tender of a blind count.</summary>
/// <param name="Tender"><c>cash</c>, <c>card</c> or <c>upi</c>.</param>
/// <param name="ExpectedPaise">What the documents say.</param>
/// <param name="CountedPaise">What was counted (cash) or the slips total (card, UPI).</param>
/// <param name="VariancePaise">Counted − expected: below 0 short, above 0 over.</param>
public sealed record TenderCount(string Tender, long ExpectedPaise, long CountedPaise, long VariancePaise);

/// <summary>An amount per tender.</summary>
/// <param name="Method">The tender (<c>cash</c>, <c>card</c>, <c>upi</c>, <c>store_credit</c>, <c>loyalty</c>, <c>exchange</c>).</param>
/// <param name="AmountPaise">How much.</param>
public sealed record TenderTotal(string Method, long AmountPaise);

/// <summary>A cash movement on a report.</summary>
/// <param name="At">When.</param>
/// <param name="Direction"><c>in</c> or <c>out</c>.</param>
/// <param name="Reason">Why (<see cref="CashReasons"/>).</param>
/// <param name="AmountPaise">How much.</param>
/// <param name="By">Who recorded it.</param>
/// <param name="Note">The cashier's words, if any.</param>
public sealed record CashMovementLine(DateTimeOffset At, string Direction, string Reason, long AmountPaise, string By, string? Note);

/// <summary>Sales in one hour of the day (IST).</summary>
/// <param name="Hour">0 to 23.</param>
/// <param name="Sales">How many.</param>
/// <param name="TotalPaise">Their total.</param>
public sealed record HourTotal(int Hour, int Sales, long TotalPaise);

/// <summary>One cashier's part of a shift.</summary>
/// <param name="CashierId">HQ's staff id.</param>
/// <param name="Name">Their name, or <c>staff N</c> when the till's staff list no longer has them.</param>
/// <param name="Sales">How many sales.</param>
/// <param name="SalesPaise">Their total.</param>
/// <param name="Returns">How many returns.</param>
/// <param name="RefundsPaise">Their refunds.</param>
public sealed record CashierTotal(long CashierId, string Name, int Sales, long SalesPaise, int Returns, long RefundsPaise);

using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;

namespace TillSync.Till.Shifts;

/// <summary>A shift's figures from the till's own documents of the shift (every document after its <c>shift_open</c>, up
/// to its close): the pure arithmetic of the X and Z reports and of the <c>expected</c> a <c>shift_close</c> carries.</summary>
public static class ShiftFigures
{
    /// <summary>What the report says of voids. The till has no void: a sale is saved when it is paid, and a mistake after
    /// that is undone by a return, which the report lists under refunds.</summary>
    public const string NoVoids = "This till has no voids: a sale is saved only when paid, and a mistake after that is a return (under refunds).";

    /// <summary>The X report of <paramref name="shift"/> as of <paramref name="asOf"/>: <paramref name="documents"/> are the
    /// shift's documents after its open, in <c>tillSeq</c> order (null for one the till could not read).</summary>
    public static ShiftReport Report(
        OpenShift shift, IReadOnlyList<TillDocumentDto?> documents, Func<long, string> nameOf, string tillName, DateTimeOffset asOf)
    {
        var sales = documents.Where(d => d?.Sale is not null).Select(d => d!.Sale!).ToList();
        var returns = documents.Where(d => d?.Return is not null).Select(d => d!.Return!).ToList();
        var movements = documents.Where(d => d?.CashMovement is not null).Select(d => d!.CashMovement!).ToList();
        var salesByTender = Totals(sales.SelectMany(s => s.Payments).Select(p => (p.Method, p.AmountPaise)));
        var refundsByTender = Totals(returns.SelectMany(r => r.Refunds).Select(r => (r.Method, r.AmountPaise)));
        var expected = new ShiftExpectedDto(
            Denominations.TotalPaise(shift.Open.FloatCounted), Of(salesByTender, PaymentMethods.Cash), Of(refundsByTender, PaymentMethods.Cash),
            movements.Where(m => m.Direction == CashDirections.In).Sum(m => m.AmountPaise),
            movements.Where(m => m.Direction == CashDirections.Out).Sum(m => m.AmountPaise),
            checked(Of(salesByTender, PaymentMethods.Card) - Of(refundsByTender, PaymentMethods.Card)),
            checked(Of(salesByTender, PaymentMethods.Upi) - Of(refundsByTender, PaymentMethods.Upi)));
        var byCashier = sales.Select(s => s.CashierId ?? 0).Concat(returns.Select(r => r.CashierId ?? 0)).Distinct().Order()
            .Select(id => new CashierTotal(id, nameOf(id),
                sales.Count(s => (s.CashierId ?? 0) == id), sales.Where(s => (s.CashierId ?? 0) == id).Sum(s => s.Totals.TotalPaise),
                returns.Count(r => (r.CashierId ?? 0) == id), returns.Where(r => (r.CashierId ?? 0) == id).Sum(r => r.Refunds.Sum(f => f.AmountPaise))))
            .ToList();
        var byHour = sales.GroupBy(s => s.CreatedAt.ToOffset(BillNumber.IstOffset).Hour).OrderBy(g => g.Key)
            .Select(g => new HourTotal(g.Key, g.Count(), g.Sum(s => s.Totals.TotalPaise))).ToList();
        return new ShiftReport(
            shift.ShiftId, tillName, shift.Open.OpenedAt, nameOf(shift.Open.CashierId), asOf, shift.Open.FloatCounted, expected, expected.CashPaise,
            sales.Count, sales.Sum(s => s.Totals.TotalPaise), salesByTender, returns.Count, refundsByTender.Sum(t => t.AmountPaise), refundsByTender,
            sales.SelectMany(s => s.Lines).Sum(l => l.DiscountPaise), NoVoids,
            [.. movements.Select(m => new CashMovementLine(m.At, m.Direction, m.Reason, m.AmountPaise, nameOf(m.CashierId), m.Note))],
            byHour, byCashier, documents.Count(d => d is null), null);
    }

    /// <summary>The Z report: <paramref name="report"/> (the X report as of the close) with the blind count against what was
    /// expected, per tender.</summary>
    public static ShiftReport Closed(ShiftReport report, Guid documentId, ShiftCloseDto close, string closedBy)
    {
        var e = close.Expected;
        var cashPaise = Denominations.TotalPaise(close.CashCounted);
        TenderCount[] tenders =
        [
            new(PaymentMethods.Cash, e.CashPaise, cashPaise, checked(cashPaise - e.CashPaise)),
            new(PaymentMethods.Card, e.CardPaise, close.CardSlipsPaise, checked(close.CardSlipsPaise - e.CardPaise)),
            new(PaymentMethods.Upi, e.UpiPaise, close.UpiSlipsPaise, checked(close.UpiSlipsPaise - e.UpiPaise)),
        ];
        return report with { Close = new ShiftCloseReport(documentId, close.ZNumber, close.ClosedAt, closedBy, close.CashCounted, tenders) };
    }

    private static List<TenderTotal> Totals(IEnumerable<(string Method, long AmountPaise)> amounts) =>
        [.. amounts.GroupBy(a => a.Method).Select(g => new TenderTotal(g.Key, g.Sum(a => a.AmountPaise)))
            .OrderByDescending(t => t.AmountPaise).ThenBy(t => t.Method, StringComparer.Ordinal)];

    private static long Of(IReadOnlyList<TenderTotal> totals, string method) => totals.FirstOrDefault(t => t.Method == method)?.AmountPaise ?? 0;
}

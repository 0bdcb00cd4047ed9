using System.Globalization;
using TillSync.Contracts.Documents;
using TillSync.Hq.Reviews;
using TillSync.Hq.Sync;

namespace TillSync.Hq.Shifts;

/// <summary>The sync batch's check of each shift it closes: once the close is written — after every kind's rows, so the
/// shift's sales and returns of this batch count too — HQ counts the shift from the documents it holds
/// (<see cref="ShiftRecount"/>) and, where that is not the till's <c>expected</c>, opens a <c>shift_count_differs</c> review
/// item naming the till, the Z number and both counts. A close is decided once (a replay is answered from the ledger of
/// documents and never reaches here) and a unique index allows one item per close, so a shift has at most one.</summary>
public sealed class ShiftCountCheck : IBatchStep
{
    private readonly Dictionary<Guid, (Guid CloseId, string Number)> _closesByShift = [];

    /// <inheritdoc />
    public WriteStage Stage => WriteStage.Unshared;

    /// <summary>Checks the shift <paramref name="close"/> (committed in this batch as document <paramref name="closeId"/>) closes.</summary>
    public void Add(Guid closeId, ShiftCloseDto close) =>
        _closesByShift[close.ShiftId] = (closeId, string.Create(CultureInfo.InvariantCulture, $"Z{close.ZNumber}"));

    /// <inheritdoc />
    public Task LoadAsync(SyncBatch batch, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task WriteAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        if (_closesByShift.Count == 0)
        {
            return;
        }

        var shifts = await batch.Engine.ListWhereInAsync(batch.Connection, batch.Transaction,
            $"{ShiftReader.Select} WHERE o.till_id = @till AND o.document_id IN ({{list}})",
            _closesByShift.Keys.Select(id => (object)id.ToString("D")), [("@till", batch.Till.TillId)], ShiftReader.Read, cancellationToken);
        var reviews = batch.Step<ReviewBatch>();
        foreach (var shift in shifts.Where(s => s.ExpectedDiffers).OrderBy(s => s.ZNumber))
        {
            var (closeId, number) = _closesByShift[shift.ShiftId];
            reviews.Open(new ReviewOpening(ReviewKind.ShiftCountDiffers, closeId, number, null, null, null, Detail(batch.Till, shift)));
        }
    }

    private static string Detail(TillState till, ShiftView shift)
    {
        var (tillSays, hqSays) = (shift.Expected!, shift.HqExpected!);
        return string.Create(CultureInfo.InvariantCulture,
            $"Till {till.TillId} ({till.BillPrefix}), shift {shift.ShiftId:D}, Z {shift.ZNumber}: the till expected {Rupees(tillSays.CashPaise)} of cash "
            + $"in the drawer, HQ's documents say {Rupees(hqSays.CashPaise)}. Till / HQ: cash sales {Pair(tillSays.CashSalesPaise, hqSays.CashSalesPaise)}, "
            + $"cash refunds {Pair(tillSays.CashRefundsPaise, hqSays.CashRefundsPaise)}, cash in {Pair(tillSays.CashInPaise, hqSays.CashInPaise)}, "
            + $"cash out {Pair(tillSays.CashOutPaise, hqSays.CashOutPaise)}, card {Pair(tillSays.CardPaise, hqSays.CardPaise)}, "
            + $"UPI {Pair(tillSays.UpiPaise, hqSays.UpiPaise)}.");
    }

    private static string Pair(long tillPaise, long hqPaise) => $"{Rupees(tillPaise)} / {Rupees(hqPaise)}";

    private static string Rupees(long paise) => string.Create(CultureInfo.InvariantCulture, $"₹{paise / 100m:0.00}");
}

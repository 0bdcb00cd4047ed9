using System.Globalization;
using TillSync.Contracts.Documents;
using TillSync.Hq.Accounting;
using TillSync.Hq.Orders;
using TillSync.Hq.Reviews;
using TillSync.Hq.Storage;
using TillSync.Hq.Sync;
using TillSync.Storage;

namespace TillSync.Hq.Shifts;

/// <summary>The shift and cash documents of one kind in one sync batch. Each is decided in memory in <c>tillSeq</c> order:
/// rejected with a review item when it can never be accepted (<see cref="ShiftRules"/>, or a Z number this till already
/// used), otherwise committed — the cash moved — queuing its row here and its journal entry with the journal's step.</summary>
public sealed class ShiftBatch(DatabaseEngine engine, IReadOnlyList<TillDocumentDto> newDocuments) : IKindBatch
{
    private readonly RowInsert<ShiftRows.Open> _opens = engine.Rows("shift_opens", ShiftRows.OpenColumns);
    private readonly RowInsert<ShiftRows.Movement> _movements = engine.Rows("cash_movements", ShiftRows.MovementColumns);
    private readonly RowInsert<ShiftRows.Close> _closes = engine.Rows("shift_closes", ShiftRows.CloseColumns);
    private HashSet<long> _usedZNumbers = [];

    /// <inheritdoc />
    public WriteStage Stage => WriteStage.Unshared;

    /// <inheritdoc />
    public async Task LoadAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        var zNumbers = newDocuments.Select(d => d.ShiftClose?.ZNumber).OfType<long>().Select(z => (object)z).ToList();
        _usedZNumbers = [.. await batch.Engine.ListWhereInAsync(batch.Connection, batch.Transaction,
            "SELECT z_number FROM shift_closes WHERE till_id = @till AND z_number IN ({list})",
            zNumbers, [("@till", batch.Till.TillId)], r => r.GetInt64(0), cancellationToken)];
    }

    /// <inheritdoc />
    public DocumentDecision Decide(SyncBatch batch, TillDocumentDto document, string fingerprint)
    {
        var till = batch.Till;
        var number = ShiftDocuments.NumberOf(document);
        var rejection = ShiftRules.Check(document, batch.Now) ?? ZNumberUsed(document.ShiftClose);
        if (rejection is not null)
        {
            rejection = rejection with { Detail = RefusedOrder.Clip(rejection.Detail, RefusedOrder.DetailLengthMax) };
            batch.Step<ReviewBatch>().Open(new ReviewOpening(ReviewKind.RejectedOrder, document.DocumentId, number, null, null, rejection.Reason,
                $"The {document.Kind.Replace('_', ' ')} document{(number is null ? "" : $" {number}")} was rejected: {rejection.Detail}."));
            return DocumentDecision.Rejected(number, rejection);
        }

        var where = new ShiftRows.Where(document.DocumentId, till.StoreId, till.TillId, document.TillSeq, batch.Now);
        var journal = batch.Step<JournalWriter>();
        switch (document.Kind)
        {
            case DocumentKinds.ShiftOpen:
                _opens.Add(new ShiftRows.Open(where, document.ShiftOpen!));
                break;
            case DocumentKinds.CashMovement:
                _movements.Add(new ShiftRows.Movement(where, document.CashMovement!));
                journal.Add(ShiftEntries.ForMovement(document.DocumentId, document.CashMovement!, till.StoreId, till.BillPrefix), batch.Now);
                break;
            default:
                _closes.Add(new ShiftRows.Close(where, document.ShiftClose!));
                _usedZNumbers.Add(document.ShiftClose!.ZNumber);
                batch.Step<ShiftCountCheck>().Add(document.DocumentId, document.ShiftClose);
                if (ShiftEntries.ForClose(document.DocumentId, document.ShiftClose, till.StoreId, till.BillPrefix) is { } variance)
                {
                    journal.Add(variance, batch.Now);
                }

                break;
        }

        return DocumentDecision.Committed(number, []);
    }

    /// <inheritdoc />
    public async Task WriteAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        await _opens.FlushAsync(batch.Connection, batch.Transaction, cancellationToken);
        await _movements.FlushAsync(batch.Connection, batch.Transaction, cancellationToken);
        await _closes.FlushAsync(batch.Connection, batch.Transaction, cancellationToken);
    }

    /// <inheritdoc />
    public Task FlagAsync(SyncBatch batch, IReadOnlyDictionary<Guid, IReadOnlyList<string>> flagsByDocument, CancellationToken cancellationToken) =>
        // No step flags a shift document.
        Task.CompletedTask;

    private Rejection? ZNumberUsed(ShiftCloseDto? close) =>
        close is not null && _usedZNumbers.Contains(close.ZNumber)
            ? new(Contracts.Sync.SyncReasons.InvalidShift, string.Create(CultureInfo.InvariantCulture, $"Z number {close.ZNumber} was already used by another close of this till"))
            : null;
}

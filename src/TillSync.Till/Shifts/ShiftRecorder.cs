using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Core;
using TillSync.Core.Ids;
using TillSync.Core.Orders;
using TillSync.Storage;
using TillSync.Till.Catalog;
using TillSync.Till.Outbox;
using TillSync.Till.Staff;
using TillSync.Till.Storage;
using TillSync.Till.Sync;
using TillSync.Till.Web;

namespace TillSync.Till.Shifts;

/// <summary>Records a shift's open, cash movements and close as till documents through the one
/// <see cref="DocumentWriter"/>, on the <c>tillSeq</c> stream like sales. Each request carries the page's request id: a
/// retry answers what the first made and records nothing more (<see cref="ShiftRequestLog"/>). The close computes
/// <c>expected</c> from the shift's own documents inside its transaction, so no sale can slip between the figures and the
/// close.</summary>
public sealed class ShiftRecorder(
    DocumentWriter writer, ShiftRegister register, CashierSession cashiers, SnapshotStore snapshots, TillDatabase database, IIdGenerator ids,
    TimeProvider time, SyncSignal signal, Parking.ParkedCarts parked)
{
    /// <summary>The most characters of a cash movement's note.</summary>
    public const int NoteCharsMax = 200;

    /// <summary>The largest cash movement or slip total: ₹1 crore.</summary>
    public const long AmountPaiseMax = 1_000_000_000L;

    /// <summary>Opens a shift with the counted float; the answer is the open shift.</summary>
    public async Task<(ShiftState? View, ShiftProblem? Problem)> OpenAsync(OpenShiftRequest request, CancellationToken cancellationToken)
    {
        if (Denominations.CountProblem(request.FloatCounted, "The float") is { } countProblem)
        {
            return (null, Invalid(countProblem + "."));
        }

        return await WriteAsync(DocumentKinds.ShiftOpen, request.RequestId, Json(request, TillJsonContext.Default.OpenShiftRequest), async (transaction, cashier) =>
        {
            if (register.Current is not null)
            {
                return Refused(ShiftRefusal.WrongState, "A shift is already open on this till: close it (Z report) before opening another.");
            }

            var open = new ShiftOpenDto(Now(), cashier.StaffId, [.. request.FloatCounted.Where(c => c.Count > 0)]);
            var id = ids.NewId();
            var seq = await transaction.NextSeqAsync(cancellationToken);
            await transaction.AddAsync(new TillDocumentDto(DocumentKinds.ShiftOpen, id, seq, ShiftOpen: open), null, open.OpenedAt,
                Denominations.TotalPaise(open.FloatCounted), cancellationToken);
            await transaction.ExecuteAsync("""
                INSERT INTO shifts (shift_id, open_seq, opened_at, cashier_id, float_paise) VALUES (@id, @seq, @at, @cashier, @float)
                """, cancellationToken, ("@id", id.ToString("D")), ("@seq", seq), ("@at", StoredTime.Text(open.OpenedAt)), ("@cashier", cashier.StaffId),
                ("@float", Denominations.TotalPaise(open.FloatCounted)));
            return new Recorded(id, null, () => register.Opened(new OpenShift(id, seq, open)));
        }, _ => Task.FromResult<ShiftState?>(View()), cancellationToken);
    }

    /// <summary>Records cash into or out of the open shift's drawer.</summary>
    public async Task<(CashMovementView? Movement, ShiftProblem? Problem)> MoveCashAsync(CashMovementRequest request, CancellationToken cancellationToken)
    {
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (CashReasons.DirectionOf(request.Reason) is not { } direction)
        {
            return (null, Invalid($"A cash movement's reason is {CashReasons.PickupToSafe} or {CashReasons.PettyCash} (out) or {CashReasons.FromSafe} (in)."));
        }

        if (request.AmountPaise is <= 0 or > AmountPaiseMax || (note is not null && (note.Length > NoteCharsMax || !FreeText.IsPrintable(note))))
        {
            return (null, Invalid($"The amount must be above ₹0 and at most ₹1 crore, and a note at most {NoteCharsMax} printable characters."));
        }

        return await WriteAsync(DocumentKinds.CashMovement, request.RequestId, Json(request, TillJsonContext.Default.CashMovementRequest), async (transaction, cashier) =>
        {
            if (register.Current is not { } shift)
            {
                return Refused(ShiftRefusal.WrongState, ShiftRegister.NoShift);
            }

            var movement = new CashMovementDto(shift.ShiftId, Now(), direction, request.Reason, request.AmountPaise, cashier.StaffId, note);
            var id = ids.NewId();
            var seq = await transaction.NextSeqAsync(cancellationToken);
            await transaction.AddAsync(new TillDocumentDto(DocumentKinds.CashMovement, id, seq, CashMovement: movement), null, movement.At,
                movement.AmountPaise, cancellationToken);
            return new Recorded(id, null, null);
        }, MovementAsync, cancellationToken);
    }

    /// <summary>Closes the open shift with a blind count; the answer is its Z report.</summary>
    public async Task<(ShiftReport? Report, ShiftProblem? Problem)> CloseAsync(CloseShiftRequest request, CancellationToken cancellationToken)
    {
        if (Denominations.CountProblem(request.CashCounted, "The cash counted") is { } countProblem)
        {
            return (null, Invalid(countProblem + "."));
        }

        if (request.CardSlipsPaise is < 0 or > AmountPaiseMax || request.UpiSlipsPaise is < 0 or > AmountPaiseMax)
        {
            return (null, Invalid("The card and UPI slip totals must be ₹0 or more and at most ₹1 crore."));
        }

        return await WriteAsync(DocumentKinds.ShiftClose, request.RequestId, Json(request, TillJsonContext.Default.CloseShiftRequest), async (transaction, cashier) =>
        {
            if (register.Current is not { } shift)
            {
                return Refused(ShiftRefusal.WrongState, "No shift is open on this till, so there is nothing to close.");
            }

            var closedAt = Now();
            var documents = await transaction.ListAsync(ShiftDocumentsSql, r => Parse(r.GetString(0)), cancellationToken,
                ("@open", shift.OpenSeq), ("@close", long.MaxValue));
            var report = ShiftFigures.Report(shift, documents, NameOf, TillName(), closedAt);
            var zNumber = await transaction.NextNumberAsync(PrintedSeries.ZReport, cancellationToken);
            var close = new ShiftCloseDto(shift.ShiftId, zNumber, closedAt, cashier.StaffId, [.. request.CashCounted.Where(c => c.Count > 0)],
                request.CardSlipsPaise, request.UpiSlipsPaise, report.Expected);
            var id = ids.NewId();
            var seq = await transaction.NextSeqAsync(cancellationToken);
            var z = ShiftFigures.Closed(report, id, close, cashier.Name) with { ParkedCarts = await parked.OpenAsync(transaction, cancellationToken) };
            await transaction.AddAsync(new TillDocumentDto(DocumentKinds.ShiftClose, id, seq, ShiftClose: close), $"Z{zNumber}", closedAt,
                Denominations.TotalPaise(close.CashCounted), cancellationToken);
            await transaction.ExecuteAsync("UPDATE shifts SET close_seq = @seq, z_number = @z, z_report_json = @report WHERE shift_id = @id",
                cancellationToken, ("@seq", seq), ("@z", zNumber), ("@report", JsonSerializer.Serialize(z, TillJsonContext.Default.ShiftReport)),
                ("@id", shift.ShiftId.ToString("D")));
            return new Recorded(id, null, register.Closed);
        }, ZReportByCloseAsync, cancellationToken);
    }

    /// <summary>The X report of the open shift (figures so far; nothing is reset or recorded), or null when none is open.</summary>
    public async Task<ShiftReport?> XReportAsync(CancellationToken cancellationToken)
    {
        if (register.Current is not { } shift)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var documents = await connection.Command(ShiftDocumentsSql).With("@open", shift.OpenSeq).With("@close", long.MaxValue)
            .ListAsync(r => Parse(r.GetString(0)), cancellationToken);
        return ShiftFigures.Report(shift, documents, NameOf, TillName(), time.GetUtcNow().ToOffset(BillNumber.IstOffset));
    }

    /// <summary>The Z report of a closed shift, or null when the till has no such closed shift.</summary>
    public async Task<ShiftReport?> ZReportAsync(Guid shiftId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.Command("SELECT z_report_json FROM shifts WHERE shift_id = @id AND z_report_json IS NOT NULL")
            .With("@id", shiftId.ToString("D")).ScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize(json, TillJsonContext.Default.ShiftReport)
            : null;
    }

    /// <summary>The open shift as the page shows it.</summary>
    public ShiftState View() => register.Current is { } shift
        ? new ShiftState(shift, Denominations.TotalPaise(shift.Open.FloatCounted), NameOf(shift.Open.CashierId), register.Warning(time.GetUtcNow()))
        : new ShiftState(null, 0, null, null);

    // The documents of a shift after its open, in order; a close's own document is the last.
    private const string ShiftDocumentsSql = "SELECT body_json FROM documents WHERE till_seq > @open AND till_seq <= @close ORDER BY till_seq";

    private async Task<(T? Answer, ShiftProblem? Problem)> WriteAsync<T>(
        string kind, Guid requestId, string requestJson, Func<DocumentTransaction, Cashier, Task<Recorded>> record,
        Func<Guid, Task<T?>> answer, CancellationToken cancellationToken)
        where T : class
    {
        if (cashiers.Active() is not { } cashier)
        {
            return (null, new ShiftProblem(ShiftRefusal.NoCashier, Sales.SaleRecorder.NoCashier));
        }

        var (documentId, problem) = await writer.WriteAsync(async transaction =>
        {
            if (await ShiftRequestLog.FindAsync(transaction, requestId, cancellationToken) is { } prior)
            {
                return prior.Matches(kind, requestJson)
                    ? ((Guid?)prior.DocumentId, (ShiftProblem?)null)
                    : ((Guid?)null, new ShiftProblem(ShiftRefusal.RequestReused, "This request id was already used for a different request: nothing was recorded. Reload the page and try again."));
            }

            var recorded = await record(transaction, cashier);
            if (recorded.DocumentId is not { } id)
            {
                return (null, recorded.Problem);
            }

            await ShiftRequestLog.AddAsync(transaction, requestId, kind, requestJson, id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            recorded.Committed?.Invoke();
            return ((Guid?)id, (ShiftProblem?)null);
        }, cancellationToken);
        if (documentId is null)
        {
            return (null, problem);
        }

        signal.Wake();
        return (await answer(documentId.Value), null);
    }

    private Task<CashMovementView?> MovementAsync(Guid documentId) => ShiftRequestLog.MovementAsync(database, documentId, CancellationToken.None);

    private async Task<ShiftReport?> ZReportByCloseAsync(Guid closeId) =>
        await ZReportAsync(await ShiftRequestLog.ShiftOfCloseAsync(database, closeId, CancellationToken.None), CancellationToken.None);

    private DateTimeOffset Now() => time.GetUtcNow().ToOffset(BillNumber.IstOffset);

    private string TillName() => snapshots.Current?.TillName ?? "this till";

    private string NameOf(long staffId) =>
        snapshots.Current?.Staff?.FirstOrDefault(s => s.StaffId == staffId)?.Name ?? (staffId == 0 ? "unknown cashier" : $"staff {staffId}");

    private static TillDocumentDto? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, TillSyncJsonContext.Default.TillDocumentDto);
        }
        catch (JsonException)
        {
            return null; // counted as unreadable on the report, never guessed at
        }
    }

    private static string Json<T>(T request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) => JsonSerializer.Serialize(request, typeInfo);

    private static ShiftProblem Invalid(string detail) => new(ShiftRefusal.Invalid, detail);

    private static Recorded Refused(ShiftRefusal refusal, string detail) => new(null, new ShiftProblem(refusal, detail), null);

    // What one request's work inside the transaction made: the document, or the refusal; and what to change in memory
    // once the transaction has committed.
    private sealed record Recorded(Guid? DocumentId, ShiftProblem? Problem, Action? Committed);
}

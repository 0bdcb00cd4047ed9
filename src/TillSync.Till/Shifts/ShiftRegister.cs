using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Core.Orders;
using TillSync.Storage;
using TillSync.Till.Storage;

namespace TillSync.Till.Shifts;

/// <summary>The shift open on this till, in memory: the sale path asks it whether a shift is open without a database round
/// trip. <see cref="ShiftRecorder"/> changes it only inside the document writer's turn, after its transaction committed, so a
/// sale (which asks inside its own turn) is always inside the shift it saw. A restarted till reads the open shift back from
/// <c>till.db</c> (<see cref="LoadAsync"/>) and carries on with it.</summary>
public sealed class ShiftRegister(TillDatabase database)
{
    /// <summary>The sentence for a document asked for with no shift open.</summary>
    public const string NoShift = "No shift is open on this till: open a shift (count the float into the drawer) first. Nothing was recorded.";

    private volatile OpenShift? _current;

    /// <summary>The open shift, or null when none is.</summary>
    public OpenShift? Current => _current;

    /// <summary>Reads the open shift, if any, from <c>till.db</c> (at start).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        _current = await connection.Command("""
            SELECT s.shift_id, s.open_seq, d.body_json FROM shifts s JOIN documents d ON d.till_seq = s.open_seq WHERE s.close_seq IS NULL
            """).FirstOrDefaultAsync(r => Read(r.GetString(0), r.GetInt64(1), r.GetString(2)), cancellationToken);
    }

    /// <summary>A sentence for the cashier when the open shift began on an earlier business day (its IST date is not
    /// <paramref name="now"/>'s), or null.</summary>
    public string? Warning(DateTimeOffset now) =>
        _current is { } shift && BusinessDay(shift.Open.OpenedAt) < BusinessDay(now)
            ? $"This shift has been open since {shift.Open.OpenedAt.ToOffset(BillNumber.IstOffset):d MMM yyyy, HH:mm} (IST), past its business day: close it (count the drawer, Z report) and open a new one."
            : null;

    internal void Opened(OpenShift shift) => _current = shift;

    internal void Closed() => _current = null;

    private static DateOnly BusinessDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(BillNumber.IstOffset).DateTime);

    private static OpenShift Read(string shiftId, long openSeq, string bodyJson) =>
        new(Guid.Parse(shiftId), openSeq, JsonSerializer.Deserialize(bodyJson, TillSyncJsonContext.Default.TillDocumentDto)!.ShiftOpen!);
}

/// <summary>An open shift.</summary>
/// <param name="ShiftId">Its id: the <c>shift_open</c> document's id.</param>
/// <param name="OpenSeq">That document's <c>tillSeq</c>: every document after it until the close is the shift's.</param>
/// <param name="Open">What the cashier counted into the drawer, when and who.</param>
public sealed record OpenShift(Guid ShiftId, long OpenSeq, ShiftOpenDto Open);

using Microsoft.Data.Sqlite;
using TillSync.Contracts.Documents;
using TillSync.Hq.Shifts;
using TillSync.Simulation.Shop;
using TillSync.Storage;

namespace TillSync.Simulation.Invariants;

/// <summary>What HQ holds of the tills' shifts after the drain, and the cashiers' own tally of each (docs/shifts.md).</summary>
/// <param name="HqShifts">Every shift as HQ's shift list reads it (<see cref="ShiftReader"/>), HQ's own count beside the till's.</param>
/// <param name="HqRows">Every row of <c>shift_opens</c>, <c>cash_movements</c> and <c>shift_closes</c>: document id, kind, till, tillSeq.</param>
/// <param name="CloseIdByShift">Each closed shift's <c>shift_close</c> document at HQ.</param>
/// <param name="CashPostings">The postings of the <c>cash_movement</c> and <c>cash_variance</c> entries: entry ref, account, paise.</param>
/// <param name="Tallies">Every shift the simulated cashiers opened, as they tallied it.</param>
public sealed record ShiftFacts(
    IReadOnlyList<ShiftView> HqShifts,
    IReadOnlyList<(Guid DocumentId, string Kind, long TillId, long TillSeq)> HqRows,
    IReadOnlyDictionary<Guid, Guid> CloseIdByShift,
    IReadOnlyList<(string Ref, string Account, long AmountPaise)> CashPostings,
    IReadOnlyList<ShiftTally> Tallies)
{
    /// <summary>Reads HQ's side through <paramref name="hq"/>.</summary>
    public static async Task<ShiftFacts> ReadAsync(SqliteConnection hq, IReadOnlyList<ShiftTally> tallies, CancellationToken cancellationToken)
    {
        var shifts = await hq.Command($"{ShiftReader.Select} ORDER BY o.till_id, o.till_seq").ListAsync(ShiftReader.Read, cancellationToken);
        var rows = await hq.Command($"""
            SELECT document_id, '{DocumentKinds.ShiftOpen}', till_id, till_seq FROM shift_opens
            UNION ALL SELECT document_id, '{DocumentKinds.CashMovement}', till_id, till_seq FROM cash_movements
            UNION ALL SELECT document_id, '{DocumentKinds.ShiftClose}', till_id, till_seq FROM shift_closes
            """).ListAsync(r => (Guid.Parse(r.GetString(0)), r.GetString(1), r.GetInt64(2), r.GetInt64(3)), cancellationToken);
        var closes = await hq.Command("SELECT shift_id, document_id FROM shift_closes")
            .ListAsync(r => (Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1))), cancellationToken);
        var postings = await hq.Command($"""
            SELECT e.entry_ref, p.account, p.amount_paise FROM journal_postings p JOIN journal_entries e ON e.entry_ref = p.entry_ref
            WHERE e.kind IN ('{Hq.Accounting.JournalKinds.CashMovement}', '{Hq.Accounting.JournalKinds.CashVariance}')
            """).ListAsync(r => (r.GetString(0), r.GetString(1), r.GetInt64(2)), cancellationToken);
        return new ShiftFacts(shifts, rows, closes.ToDictionary(), postings, tallies);
    }
}

namespace TillSync.Simulation.Invariants;

/// <summary>One till after the drain.</summary>
/// <param name="Number">The till's number in the simulation.</param>
/// <param name="TillId">HQ's id of the till.</param>
/// <param name="Sales">Every sale it recorded, by <c>tillSeq</c>.</param>
/// <param name="Returns">Every return it recorded, by <c>tillSeq</c>.</param>
/// <param name="QueueDepth">Documents still pending or in conflict after the drain.</param>
/// <param name="ShiftDocuments">Every shift open, cash movement and close it recorded, by <c>tillSeq</c>.</param>
/// <param name="ZReports">The Z report of every shift it closed, as it stored (and printed) it, by Z number.</param>
/// <param name="HeardIrns">The e-invoice registrations HQ told it of (<c>sale_irns</c>): IRN and AckNo per document id.</param>
public sealed record TillFacts(
    int Number, long TillId, IReadOnlyList<TillSale> Sales, IReadOnlyList<TillReturn> Returns, int QueueDepth,
    IReadOnlyList<TillShiftDocument> ShiftDocuments, IReadOnlyList<Till.Shifts.ShiftReport> ZReports,
    IReadOnlyDictionary<Guid, (string Irn, string AckNo)> HeardIrns)
{
    /// <summary>Documents of every kind it recorded: its <c>tillSeq</c> runs 1 to this.</summary>
    public int DocumentCount => Sales.Count + Returns.Count + ShiftDocuments.Count;
}

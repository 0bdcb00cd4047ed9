namespace TillSync.Simulation.Invariants;

/// <summary>An order as HQ recorded it.</summary>
/// <param name="HqSeq">HQ's commit sequence.</param>
/// <param name="ClientOrderId">The till's id.</param>
/// <param name="TillId">The till.</param>
/// <param name="TillSeq">The till's number.</param>
/// <param name="BillNo">The bill number.</param>
/// <param name="Status"><c>committed</c> or <c>rejected</c>.</param>
/// <param name="Flags">Comma-separated flags, e.g. <c>stock_short</c>.</param>
/// <param name="Fingerprint">HQ's fingerprint of the order as received.</param>
/// <param name="BodyJson">The order as received.</param>
public sealed record HqOrder(
    long HqSeq, Guid ClientOrderId, long TillId, long TillSeq, string BillNo, string Status, string Flags, string Fingerprint, string BodyJson);

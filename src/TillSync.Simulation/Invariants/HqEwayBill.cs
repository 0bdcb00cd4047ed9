namespace TillSync.Simulation.Invariants;

/// <summary>The e-way bill HQ holds for an invoice (<c>einvoices.ewb_no</c>: the latest one raised).</summary>
/// <param name="Irn">The invoice's IRN.</param>
/// <param name="DocNo">The invoice's number.</param>
/// <param name="TotalPaise">The invoice's value.</param>
/// <param name="EwbNo">The e-way bill's number.</param>
/// <param name="Cancelled">True when HQ holds it cancelled.</param>
public sealed record HqEwayBill(string Irn, string DocNo, long TotalPaise, long EwbNo, bool Cancelled);

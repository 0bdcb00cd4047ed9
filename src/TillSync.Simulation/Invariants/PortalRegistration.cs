namespace TillSync.Simulation.Invariants;

/// <summary>A registration the portal holds after the run (its <c>registrations</c> table).</summary>
/// <param name="Irn">Its IRN.</param>
/// <param name="AckNo">Its acknowledgement number: the portal hands them out in commit order.</param>
/// <param name="AckAt">When it was registered (simulated time).</param>
/// <param name="DocType"><c>INV</c> or <c>CRN</c>.</param>
/// <param name="DocNo">The document number as sent.</param>
/// <param name="DocDate">Its date as sent, <c>dd/MM/yyyy</c>.</param>
/// <param name="Status"><c>ACT</c> or <c>CNL</c>.</param>
/// <param name="CancelledAt">When it was cancelled, or null.</param>
/// <param name="PrecedingDocNo">For a credit note, the invoice number it names in <c>RefDtls.PrecDocDtls</c>; else null.</param>
/// <param name="PrecedingDocDate">That invoice's date as named, or null.</param>
public sealed record PortalRegistration(
    string Irn, long AckNo, DateTimeOffset AckAt, string DocType, string DocNo, string DocDate, string Status, DateTimeOffset? CancelledAt,
    string? PrecedingDocNo, string? PrecedingDocDate);

namespace TillSync.Irp.Invoices;

/// <summary>What a cancel request came to.</summary>
public enum CancelOutcome
{
    /// <summary>Cancelled now.</summary>
    Cancelled = 1,

    /// <summary>No such IRN (2148).</summary>
    NotFound,

    /// <summary>Another GSTIN's document (2143).</summary>
    NotOwn,

    /// <summary>Already cancelled (9999).</summary>
    NotActive,

    /// <summary>More than 24 hours since registration (2270).</summary>
    WindowPassed,

    /// <summary>An e-way bill is active for it (2230).</summary>
    ActiveEwayBill,
}

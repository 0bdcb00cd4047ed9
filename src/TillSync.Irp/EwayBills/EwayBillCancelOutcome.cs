namespace TillSync.Irp.EwayBills;

/// <summary>What an e-way bill cancel came to.</summary>
public enum EwayBillCancelOutcome
{
    /// <summary>Cancelled now.</summary>
    Cancelled = 1,

    /// <summary>No such e-way bill of the caller's, or cancelled already (312, NIC's one answer for all three).</summary>
    NotCancellable,

    /// <summary>More than 24 hours since it was generated (315).</summary>
    WindowPassed,
}

namespace TillSync.Irp.EwayBills;

/// <summary>What an e-way-bill-by-IRN request came to.</summary>
public enum EwayBillOutcome
{
    /// <summary>Generated now.</summary>
    Generated = 1,

    /// <summary>No such IRN (2148).</summary>
    NotFound,

    /// <summary>Another GSTIN's document (2143).</summary>
    NotOwn,

    /// <summary>The IRN is cancelled (9999).</summary>
    NotActive,

    /// <summary>The IRN already has an e-way bill (4002).</summary>
    AlreadyExists,

}

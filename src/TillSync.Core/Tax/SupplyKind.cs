namespace TillSync.Core.Tax;

/// <summary>Whether a sale stays within the seller's state (CGST + SGST) or crosses states (IGST).</summary>
public enum SupplyKind
{
    /// <summary>Place of supply is the seller's state: CGST and SGST, each half the rate.</summary>
    IntraState = 1,

    /// <summary>Place of supply is another state: IGST at the full rate.</summary>
    InterState,
}

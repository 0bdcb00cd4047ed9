namespace TillSync.Simulation.Shop;

/// <summary>A store credit voucher in a customer's hands.</summary>
/// <param name="Code">Its code: the issuing credit note's number.</param>
/// <param name="IssuedPaise">What the credit note issued.</param>
public sealed record HeldVoucher(string Code, long IssuedPaise)
{
    /// <summary>What the tills have taken of it so far.</summary>
    public long SpentPaise { get; set; }

    /// <summary>What is left as the customer believes.</summary>
    public long LeftPaise => IssuedPaise - SpentPaise;
}

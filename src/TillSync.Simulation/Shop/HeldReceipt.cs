using TillSync.Till.Receipts;

namespace TillSync.Simulation.Shop;

/// <summary>A printed receipt in a customer's hands.</summary>
/// <param name="TillNumber">The till that printed it.</param>
/// <param name="Receipt">The receipt.</param>
public sealed record HeldReceipt(int TillNumber, Receipt Receipt)
{
    /// <summary>Quantity returned so far per line number (from 1), at any till.</summary>
    public Dictionary<int, decimal> ReturnedByLine { get; } = [];

    /// <summary>The tills that took returns against it.</summary>
    public HashSet<int> ReturnedAt { get; } = [];

    /// <summary>What line <paramref name="lineNo"/> sold less what came back at any till.</summary>
    public decimal Left(int lineNo) => Receipt.Lines[lineNo - 1].Qty - ReturnedByLine.GetValueOrDefault(lineNo);
}

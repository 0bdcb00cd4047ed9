using TillSync.Till.Receipts;

namespace TillSync.Simulation.Shop;

/// <summary>What the shop's customers carry home: every printed receipt (with the till that printed it and what has come
/// back against each of its lines, at any till) and every store credit voucher (with what the shop floor has spent of it).
/// The tills never read this: it is what a customer brings to the counter, so a customer can bring a receipt back to a
/// till that knows nothing of an earlier return, or a voucher another till already spent.</summary>
public sealed class CustomerPapers
{
    // Customers come back with recent receipts; older ones are kept but rarely drawn.
    private const int RecentReceiptsMax = 60;

    private readonly List<HeldReceipt> _receipts = [];
    private readonly List<HeldVoucher> _vouchers = [];

    /// <summary>Receipts printed so far.</summary>
    public int ReceiptCount => _receipts.Count;

    /// <summary>Keeps the receipt of a sale printed by till <paramref name="tillNumber"/>.</summary>
    public void Printed(int tillNumber, Receipt receipt) => _receipts.Add(new HeldReceipt(tillNumber, receipt));

    /// <summary>A recent receipt, or null when none was printed yet.</summary>
    public HeldReceipt? Recent(Random random) =>
        _receipts.Count == 0 ? null : _receipts[_receipts.Count - 1 - random.Next(Math.Min(RecentReceiptsMax, _receipts.Count))];

    /// <summary>A receipt that has had goods returned at a till other than <paramref name="tillNumber"/>, or null.</summary>
    public HeldReceipt? ReturnedElsewhere(Random random, int tillNumber)
    {
        var candidates = _receipts.Where(r => r.ReturnedAt.Count > 0 && r.ReturnedAt.Any(t => t != tillNumber)).ToList();
        return candidates.Count == 0 ? null : candidates[random.Next(candidates.Count)];
    }

    /// <summary>Keeps a voucher issued by a credit note.</summary>
    public void Issued(string code, long amountPaise) => _vouchers.Add(new HeldVoucher(code, amountPaise));

    /// <summary>A voucher with something left to spend, or — <paramref name="spent"/> — one already spent to the last
    /// paisa (a customer trying it at another counter); null when there is none of that kind.</summary>
    public HeldVoucher? Voucher(Random random, bool spent)
    {
        var candidates = _vouchers.Where(v => spent ? v.LeftPaise <= 0 : v.LeftPaise > 0).ToList();
        return candidates.Count == 0 ? null : candidates[random.Next(candidates.Count)];
    }
}

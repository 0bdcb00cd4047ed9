using System.Globalization;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Till.Catalog;
using TillSync.Till.Returns;

namespace TillSync.Simulation.Shop;

/// <summary>Decides returns as customers and cashiers make them, from a seeded <see cref="Random"/>: which lines and how
/// much of each comes back (partial returns, loose goods by the gram), in what condition, why, and how the money goes back
/// — cash, the sale's own card or UPI, store credit, or an exchange. An over-return brings back, at a till that has not
/// heard of it, what another till already refunded.</summary>
public sealed class ReturnMaker(Random random)
{
    private static readonly string[] Reasons = [.. ReturnReasons.All];

    /// <summary>How the cashier at till <paramref name="tillNumber"/> finds the sale, in the order they try: at the selling
    /// till its own bill (picked from the list or typed); elsewhere the bill number (which HQ answers while reachable) now
    /// and then, and the receipt's signed code.</summary>
    public IReadOnlyList<OriginalReference> References(HeldReceipt held, int tillNumber)
    {
        var receipt = held.Receipt;
        if (held.TillNumber == tillNumber)
        {
            return [random.NextDouble() < 0.5 ? new OriginalReference(SaleId: receipt.ClientOrderId) : new OriginalReference(BillNo: receipt.BillNo)];
        }

        List<OriginalReference> references = [];
        if (receipt.ReceiptCode is null || random.NextDouble() < 0.3)
        {
            references.Add(new OriginalReference(BillNo: receipt.BillNo));
        }

        if (receipt.ReceiptCode is { } code)
        {
            references.Add(new OriginalReference(Code: code));
        }

        return references;
    }

    /// <summary>The lines coming back, or null when nothing is left to return. Each stays within what the till says is
    /// returnable; within what the customer still holds, too, unless this is an <paramref name="overReturn"/>, which
    /// brings back exactly what was refunded elsewhere.</summary>
    public IReadOnlyList<ReturnLineRequest>? Lines(OriginalSale original, HeldReceipt held, bool overReturn)
    {
        var lines = new List<ReturnLineRequest>();
        foreach (var line in original.Lines)
        {
            var limit = overReturn
                ? Math.Min(line.ReturnableQty, held.ReturnedByLine.GetValueOrDefault(line.LineNo))
                : Math.Min(line.ReturnableQty, held.Left(line.LineNo));
            if (limit <= 0 || (!overReturn && random.NextDouble() < 0.4))
            {
                continue;
            }

            var qty = overReturn || random.NextDouble() < 0.5 ? limit
                : Units.IsFractional(line.Unit) ? Math.Max(0.001m, decimal.Round(limit * (decimal)random.NextDouble(), 3, MidpointRounding.ToZero))
                : random.Next(1, (int)decimal.Floor(limit) + 1);
            lines.Add(new ReturnLineRequest(line.LineNo, qty, random.NextDouble() < 0.8 ? ReturnConditions.Restock : ReturnConditions.Damaged));
        }

        return lines.Count == 0 ? null : lines;
    }

    /// <summary>The reason, and the note "other" needs.</summary>
    public (string Reason, string? Note) Reason()
    {
        var reason = Reasons[random.Next(Reasons.Length)];
        return (reason, reason == ReturnReasons.Other ? "Customer found it cheaper elsewhere" : null);
    }

    /// <summary>How <paramref name="tenderRefundPaise"/> goes back: now and then an exchange or store credit; the sale's own
    /// card or UPI when it paid at least that much by it; cash otherwise.</summary>
    public RefundRequest Refund(OriginalSale original, long tenderRefundPaise)
    {
        var pick = random.NextDouble();
        if (pick < 0.15 && tenderRefundPaise > 0)
        {
            return new RefundRequest(RefundMethods.Exchange);
        }

        if (pick < 0.35)
        {
            return new RefundRequest(RefundMethods.StoreCredit);
        }

        var electronic = new[] { PaymentMethods.Card, PaymentMethods.Upi }
            .FirstOrDefault(m => original.Payments.Where(p => p.Method == m).Sum(p => p.AmountPaise) >= tenderRefundPaise && original.Payments.Any(p => p.Method == m));
        return pick < 0.7 && electronic is not null
            ? new RefundRequest(electronic, string.Create(CultureInfo.InvariantCulture, $"RFND{random.Next(1_000_000, 10_000_000)}"))
            : new RefundRequest(RefundMethods.Cash);
    }
}

using TillSync.Contracts.Sync;
using TillSync.Core;
using TillSync.Core.Money;

namespace TillSync.Till.Sales;

/// <summary>How the cashier's tenders settle a bill: card and UPI are applied as taken, cash covers the rest and the
/// surplus is change. The applied amounts (what HQ books) always add up to the total.</summary>
/// <param name="Applied">Payments applied to the bill, one per method.</param>
/// <param name="TenderedPaise">All money taken.</param>
/// <param name="ChangePaise">Cash handed back.</param>
public sealed record TenderPlan(IReadOnlyList<PaymentDto> Applied, long TenderedPaise, long ChangePaise)
{
    /// <summary>The plan, or a sentence for the cashier saying what is wrong.</summary>
    public static (TenderPlan? Plan, string? Problem) For(long totalPaise, IReadOnlyList<Tender> tenders)
    {
        if (tenders.Count == 0)
        {
            return (null, "Take a payment: cash, card or UPI.");
        }

        long cashPaise = 0, cardPaise = 0, upiPaise = 0;
        foreach (var tender in tenders)
        {
            if (tender is null || tender.AmountPaise <= 0 || tender.AmountPaise > Limits.PaymentPaiseMax)
            {
                return (null, $"Every payment needs an amount above ₹0 and at most ₹{Paise.ToRupeeString(Limits.PaymentPaiseMax)}.");
            }

            switch (tender.Method)
            {
                case PaymentMethods.Cash: cashPaise = checked(cashPaise + tender.AmountPaise); break;
                case PaymentMethods.Card: cardPaise = checked(cardPaise + tender.AmountPaise); break;
                case PaymentMethods.Upi: upiPaise = checked(upiPaise + tender.AmountPaise); break;
                default: return (null, $"'{tender.Method}' is not a payment method here; use cash, card or UPI.");
            }
        }

        var electronicPaise = checked(cardPaise + upiPaise);
        if (electronicPaise > totalPaise)
        {
            return (null, $"Card and UPI come to ₹{Paise.ToRupeeString(electronicPaise)}, more than the ₹{Paise.ToRupeeString(totalPaise)} due; only cash can give change.");
        }

        var cashDuePaise = totalPaise - electronicPaise;
        if (cashPaise < cashDuePaise)
        {
            return (null, $"Payments are short by ₹{Paise.ToRupeeString(cashDuePaise - cashPaise)}.");
        }

        var applied = new List<PaymentDto>(3);
        if (cashDuePaise > 0)
        {
            applied.Add(new PaymentDto(PaymentMethods.Cash, cashDuePaise));
        }

        if (cardPaise > 0)
        {
            applied.Add(new PaymentDto(PaymentMethods.Card, cardPaise));
        }

        if (upiPaise > 0)
        {
            applied.Add(new PaymentDto(PaymentMethods.Upi, upiPaise));
        }

        return (new TenderPlan(applied, checked(cashPaise + electronicPaise), cashPaise - cashDuePaise), null);
    }
}

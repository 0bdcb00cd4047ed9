using TillSync.Contracts.Sync;
using TillSync.Core;
using TillSync.Core.Money;
using TillSync.Core.Returns;

namespace TillSync.Till.Sales;

/// <summary>How the cashier's tenders settle a bill: card, UPI and store credit are applied as taken, cash covers the rest
/// and the surplus is change. The applied amounts (what HQ books) always add up to the total. Store credit names its
/// voucher; the till cannot know another till's spends of it, so HQ, not the till, keeps the voucher's balance
/// (docs/returns.md).</summary>
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
            return (null, "Take a payment: cash, card, UPI or store credit.");
        }

        long cashPaise = 0, cardPaise = 0, upiPaise = 0;
        var storeCreditByVoucher = new SortedDictionary<string, long>(StringComparer.Ordinal);
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
                case PaymentMethods.StoreCredit when CreditNoteNumber.IsWellFormed(tender.Voucher?.Trim().ToUpperInvariant()):
                    var voucher = tender.Voucher!.Trim().ToUpperInvariant();
                    storeCreditByVoucher[voucher] = checked(storeCreditByVoucher.GetValueOrDefault(voucher) + tender.AmountPaise);
                    break;
                case PaymentMethods.StoreCredit:
                    return (null, "Store credit needs the voucher's code: the credit note number printed on it, e.g. T01/2627/C00001.");
                default: return (null, $"'{tender.Method}' is not a payment method here; use cash, card, UPI or store credit.");
            }
        }

        var electronicPaise = checked(cardPaise + upiPaise + storeCreditByVoucher.Values.Sum());
        if (electronicPaise > totalPaise)
        {
            return (null, $"Card, UPI and store credit come to ₹{Paise.ToRupeeString(electronicPaise)}, more than the ₹{Paise.ToRupeeString(totalPaise)} due; only cash can give change.");
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

        applied.AddRange(storeCreditByVoucher.Select(v => new PaymentDto(PaymentMethods.StoreCredit, v.Value, v.Key)));

        return (new TenderPlan(applied, checked(cashPaise + electronicPaise), cashPaise - cashDuePaise), null);
    }
}

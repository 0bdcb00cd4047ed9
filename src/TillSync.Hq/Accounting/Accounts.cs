using System.Globalization;
using TillSync.Contracts.Sync;
using TillSync.Core.Tax;

namespace TillSync.Hq.Accounting;

/// <summary>HQ's chart of accounts (docs/accounting.md), named as hledger names them: colon-separated, the top level saying
/// the type. GST payable has one sub-account per rate so the trial balance shows tax by rate.</summary>
public static class Accounts
{
    /// <summary>Cash in the tills, net of change given.</summary>
    public const string Cash = "assets:cash";

    /// <summary>Card settlements due from the acquirer.</summary>
    public const string Card = "assets:card";

    /// <summary>UPI settlements due.</summary>
    public const string Upi = "assets:upi";

    /// <summary>Goods for sale, at cost.</summary>
    public const string Inventory = "assets:inventory";

    /// <summary>Sales at taxable value.</summary>
    public const string Sales = "revenue:sales";

    /// <summary>Cost of the goods sold.</summary>
    public const string Cogs = "expenses:cogs";

    /// <summary>Goods lost, stolen, damaged or miscounted.</summary>
    public const string Shrinkage = "expenses:shrinkage";

    /// <summary>Loyalty points customers may still redeem.</summary>
    public const string LoyaltyLiability = "liabilities:loyalty";

    /// <summary>The cost of the points customers earned.</summary>
    public const string LoyaltyExpense = "expenses:loyalty";

    /// <summary>Rounding of bills to the rupee: a credit when customers paid up, a debit when down.</summary>
    public const string RoundOff = "income:round-off";

    /// <summary>What the chain owes its suppliers for goods received.</summary>
    public const string SupplierPayables = "liabilities:payables:suppliers";

    /// <summary>Refunds promised to customers and not yet paid out.</summary>
    public const string CustomerRefunds = "liabilities:refunds";

    /// <summary>Store credit customers hold: credited by a return refunded as store credit (the credit note is the
    /// voucher), debited when a sale takes it as a tender (docs/returns.md).</summary>
    public const string StoreCredit = "liabilities:store-credit";

    /// <summary>An exchange's refund between its return and its new sale: the return credits it, the new sale's
    /// <c>exchange</c> tender debits it, so it nets to zero once both are at HQ.</summary>
    public const string ExchangeClearing = "liabilities:exchange-clearing";

    /// <summary>The change in value of the stock on hand when a product's cost changes (ADR 0024): debited when the cost
    /// falls (a loss), credited when it rises (a gain), against <see cref="Inventory"/>.</summary>
    public const string Revaluation = "expenses:revaluation";

    /// <summary>Cash taken from the tills' drawers to the store's safe, and change brought from it (docs/shifts.md).</summary>
    public const string Safe = "assets:cash:safe";

    /// <summary>Small expenses paid from a drawer.</summary>
    public const string PettyCash = "expenses:petty-cash";

    /// <summary>A drawer counted short at a shift's close.</summary>
    public const string CashShort = "expenses:cash-short";

    /// <summary>A drawer counted over at a shift's close.</summary>
    public const string CashOver = "income:cash-over";

    /// <summary>The fixed accounts, declared at the top of an hledger export.</summary>
    public static IReadOnlyList<string> Fixed { get; } =
        [Cash, Card, Upi, Inventory, Sales, Cogs, Shrinkage, LoyaltyLiability, LoyaltyExpense, RoundOff, SupplierPayables, CustomerRefunds, StoreCredit,
            ExchangeClearing, Safe, PettyCash, CashShort, CashOver, Revaluation];

    /// <summary>The account a tender is received into (debited by a sale), and a refund paid out of (credited by a
    /// return: the refund methods are the tender methods).</summary>
    public static string Tender(string paymentMethod) => paymentMethod switch
    {
        PaymentMethods.Cash => Cash,
        PaymentMethods.Card => Card,
        PaymentMethods.Upi => Upi,
        PaymentMethods.Loyalty => LoyaltyLiability,
        PaymentMethods.StoreCredit => StoreCredit,
        PaymentMethods.Exchange => ExchangeClearing,
        _ => throw new ArgumentOutOfRangeException(nameof(paymentMethod), paymentMethod, "not a payment method HQ accepts"),
    };

    /// <summary>CGST payable on supplies at <paramref name="gstRateBp"/> (the whole GST rate, e.g. 1800 for 18 %).</summary>
    public static string Cgst(int gstRateBp) => $"liabilities:gst:cgst:{RateLabel(gstRateBp)}";

    /// <summary>SGST payable on supplies at <paramref name="gstRateBp"/>.</summary>
    public static string Sgst(int gstRateBp) => $"liabilities:gst:sgst:{RateLabel(gstRateBp)}";

    /// <summary>IGST payable on supplies at <paramref name="gstRateBp"/>.</summary>
    public static string Igst(int gstRateBp) => $"liabilities:gst:igst:{RateLabel(gstRateBp)}";

    /// <summary>A rate as people write it: 1800 → "18%", 25 → "0.25%".</summary>
    public static string RateLabel(int gstRateBp) =>
        ((decimal)gstRateBp / 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>Whether <paramref name="supplyKind"/> posts CGST and SGST (intra-state) rather than IGST.</summary>
    public static bool SplitsTax(SupplyKind supplyKind) => supplyKind == SupplyKind.IntraState;
}

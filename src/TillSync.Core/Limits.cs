namespace TillSync.Core;

/// <summary>A limit on everything that grows. The relations between them are asserted by <see cref="AssertRelations"/>
/// at start-up and in tests.</summary>
public static class Limits
{
    /// <summary>Orders in one sync batch.</summary>
    public const int SyncOrdersMax = 500;

    /// <summary>Bytes in one sync request body: 4 MiB.</summary>
    public const int SyncBodyBytesMax = 4 * 1024 * 1024;

    /// <summary>Origin tills in one relay request (<c>POST /api/v2/sync/relay</c>, ADR 0020): more than a store has tills.
    /// The documents of all its groups together stay within <see cref="SyncOrdersMax"/> and <see cref="SyncBodyBytesMax"/>.</summary>
    public const int RelayGroupsMax = 32;

    /// <summary>Bytes in any other request body: 1 MiB.</summary>
    public const int RequestBodyBytesMax = 1024 * 1024;

    /// <summary>Lines in one order.</summary>
    public const int OrderLinesMax = 500;

    /// <summary>Payments (tenders) in one order.</summary>
    public const int OrderPaymentsMax = 10;

    /// <summary>Largest quantity on one line, in the product's unit.</summary>
    public const decimal LineQtyMax = 100_000m;

    /// <summary>Fraction digits a quantity may carry (grams of a kilogram).</summary>
    public const int QtyFractionDigitsMax = 3;

    /// <summary>Largest unit price: ₹1 crore, in paise.</summary>
    public const long UnitPricePaiseMax = 1_000_000_000L;

    /// <summary>Largest single payment: ₹1,000 crore, in paise.</summary>
    public const long PaymentPaiseMax = 10_000_000_000_000L;

    /// <summary>Largest GST rate in basis points (100 %).</summary>
    public const int GstRateBpMax = 10_000;

    /// <summary>Longest bill number the e-invoice schema accepts.</summary>
    public const int BillNoLengthMax = 16;

    /// <summary>Longest SKU.</summary>
    public const int SkuLengthMax = 32;

    /// <summary>Loyalty points on one order, earn or burn.</summary>
    public const long LoyaltyPointsPerOrderMax = 10_000_000L;

    /// <summary>The ceiling of the <c>offlineBurnPaiseMax</c> loyalty setting: the most a till may burn without a redemption
    /// token, at the store's risk, is ₹500 (docs/loyalty.md <c>LoyaltyOfflineBurnPaiseMax</c>; the setting defaults to ₹200).</summary>
    public const long LoyaltyOfflineBurnPaiseMax = 50_000L;

    /// <summary>Customer balances in one till snapshot (the most recently active first).</summary>
    public const int LoyaltySnapshotCustomersMax = 20_000;

    /// <summary>Movements in one answer of the manager's customer lookup (the newest first).</summary>
    public const int LoyaltyMovementsPageMax = 200;

    /// <summary>Products in one catalogue upsert.</summary>
    public const int ProductUpsertMax = 5_000;

    /// <summary>Lines in one stock receipt.</summary>
    public const int StockReceiptLinesMax = 1_000;

    /// <summary>Orders in one page of the order listing.</summary>
    public const int OrdersPageMax = 500;

    /// <summary>Products in one page of the manager's catalogue listing.</summary>
    public const int ProductsPageMax = 500;

    /// <summary>Entries in one page of the journal as JSON (the hledger export streams the whole period).</summary>
    public const int JournalPageMax = 1_000;

    /// <summary>How far ahead of HQ's clock a sale may be dated (till clock skew).</summary>
    public static readonly TimeSpan CreatedAtSkewMax = TimeSpan.FromDays(1);

    /// <summary>The smallest JSON a line can take on the wire, used to check that a full order fits in one body.</summary>
    public const int LineJsonBytesMin = 80;

    /// <summary>Checks the relations the limits rely on; called at start-up and by the tests.</summary>
    public static void AssertRelations()
    {
        // An order with the most lines must fit in one sync body, or it could never be sent.
        Invariant.Assert((long)OrderLinesMax * LineJsonBytesMin * 2 <= SyncBodyBytesMax);
        // The largest possible order total (taxable value plus tax at the highest rate) must fit in a long; the
        // tax itself is computed in decimal, so only the sums are at risk.
        var lineGrossMax = (decimal)UnitPricePaiseMax * LineQtyMax;
        var orderTaxableMax = lineGrossMax * OrderLinesMax;
        Invariant.Assert(orderTaxableMax * (1 + (GstRateBpMax / 10_000m)) < long.MaxValue);
        // The payments of one order always add up without overflow.
        Invariant.Assert((decimal)PaymentPaiseMax * OrderPaymentsMax < long.MaxValue);
        Invariant.Assert(SyncOrdersMax <= OrdersPageMax);
        // A relay request carries at least one group; its groups share one batch's bounds.
        Invariant.Assert(RelayGroupsMax > 0 && RelayGroupsMax <= SyncOrdersMax);
        Invariant.Assert(BillNoLengthMax == 16);
        // Points times the largest value per point (10,000 paise) must fit in a long and in one payment.
        Invariant.Assert((decimal)LoyaltyPointsPerOrderMax * 10_000 <= PaymentPaiseMax);
        Invariant.Assert(LoyaltyOfflineBurnPaiseMax <= PaymentPaiseMax);
    }
}

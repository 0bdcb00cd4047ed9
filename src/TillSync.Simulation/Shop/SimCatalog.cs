using TillSync.Contracts.Catalog;
using TillSync.Contracts.Loyalty;
using TillSync.Contracts.Stores;
using TillSync.Contracts.Sync;

namespace TillSync.Simulation.Shop;

/// <summary>The simulated shop: one Karnataka store, a small catalogue across GST rates with loose goods sold by the
/// kilogram, and the B2B buyers some sales name. Packed goods are priced inclusive of GST, as on a shop's shelf, and loose
/// goods before tax, so that every run bills both footings (docs/money.md); none carries an MRP, so that the catalogue
/// desk's price changes (up to a quarter up) never meet one. Opening stock is small on purpose, so that offline sales drive on-hand
/// below zero and HQ must flag shortfalls.</summary>
public static class SimCatalog
{
    /// <summary>The store every till belongs to.</summary>
    public static StoreDto Store { get; } = new(
        "29AABCH1234K1ZN", "Simulated Provisions Private Limited", "1 Test Road", "Bengaluru", 560034, "29", TradeName: "Sim Mart");

    /// <summary>The chain's loyalty settings: the defaults but for a generous earn (20 points per ₹100, where the default is 1)
    /// and a low offline limit (₹10, where the default is ₹200), so that within a run of tens of sales a regular's points
    /// pass the offline limit and burns above it, through one-time codes, happen.</summary>
    public static LoyaltySettingsDto Loyalty { get; } = new(
        EarnPointsPer100Rupees: 20, BurnValuePaisePerPoint: 25, BurnGstTreatments.Tender, OfflineBurnPaiseMax: 1_000, CodeTtlSeconds: 300, CodeAttemptsMax: 5,
        CodeRequestsPerPhoneHourMax: 5, CodeRequestsPerTillHourMax: 60, TokenTtlSeconds: 900, SnapshotActiveDays: 90);

    /// <summary>The products; prices and costs in paise per unit.</summary>
    public static IReadOnlyList<ProductDto> Products { get; } =
    [
        new("MILK-500ML", "Toned milk 500 ml", "0401", "PCS", 0, 2_800, 2_500, null, TaxInclusive: true),
        new("RICE-5KG", "Sona masoori rice 5 kg", "1006", "PCS", 500, 32_500, 28_000, null, TaxInclusive: true),
        new("SUGAR-LOOSE", "Sugar (loose)", "1701", "KGS", 500, 4_600, 4_000, null, TaxInclusive: false),
        new("ONION-LOOSE", "Onion", "0703", "KGS", 0, 3_500, 2_600, null, TaxInclusive: false),
        new("DAL-LOOSE", "Toor dal (loose)", "0713", "KGS", 0, 14_500, 12_600, null, TaxInclusive: false),
        new("GHEE-1L", "Cow ghee 1 L", "0405", "PCS", 1_200, 65_000, 56_000, null, TaxInclusive: true),
        new("SOAP-125G", "Sandal soap 125 g", "3401", "PCS", 1_800, 4_500, 3_200, null, TaxInclusive: true),
        new("COLA-750ML", "Cola 750 ml", "2202", "PCS", 4_000, 4_000, 2_600, null, TaxInclusive: true),
        new("TEA-500G", "Tea 500 g", "0902", "PCS", 500, 29_500, 25_200, null, TaxInclusive: true),
        new("DETERGENT-1KG", "Detergent 1 kg", "3402", "PCS", 1_800, 12_700, 10_300, null, TaxInclusive: true),
    ];

    /// <summary>A B2B buyer in the store's state (CGST and SGST), with the address an e-invoice needs.</summary>
    public static CustomerDto B2BIntraState { get; } = new("9876543210", "29AAACR5055K1Z3", "Ramesh Traders", "29", "4 MG Road", "Bengaluru", 560001);

    /// <summary>A B2B buyer taking delivery in Maharashtra (IGST), with the address an e-invoice needs.</summary>
    public static CustomerDto B2BInterState { get; } = new("9123456780", "27AAACS7319F1ZE", "Sharma Distributors", "27", "17 Linking Road", "Mumbai", 400050);

    /// <summary>True for goods sold by weight, whose quantities carry up to three decimals.</summary>
    public static bool IsLoose(string unit) => unit == "KGS";
}

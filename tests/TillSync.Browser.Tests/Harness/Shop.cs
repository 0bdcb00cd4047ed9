// The shop every browser test sells in: one Karnataka store and a small catalogue across GST rates, with barcodes
// for the scanner, one loose product sold by the kilogram and one pack priced inclusive of GST at its MRP, as in the HQ
// acceptance suite.
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Stores;
using TillSync.Contracts.Sync;

namespace TillSync.Browser.Tests.Harness;

/// <summary>Store, catalogue and customers of the browser tests.</summary>
public static class Shop
{
    /// <summary>Far more than any test sells, so no sale is short.</summary>
    public const decimal OpeningStock = 50_000m;

    public static StoreDto Store { get; } = new(
        "29AABCH1234K1ZN", "Hosur Road Provisions Private Limited", "12 Hosur Road", "Bengaluru", 560034, "29",
        TradeName: "Hosur Road Provisions", Address2: "Koramangala");

    /// <summary>A B2B buyer in the store's own state.</summary>
    public static CustomerDto B2BBuyer { get; } = new("9876543210", "29AAACR5055K1Z3", "Ramesh Traders", null);

    public static IReadOnlyList<ProductDto> Products { get; } =
    [
        new("MILK-500ML", "Toned Milk 500 ml", "0401", "PCS", 0, 2_800, 2_500, "8901262150019", TaxInclusive: false),
        new("RICE-5KG", "Sona Masoori Rice 5 kg", "1006", "PCS", 500, 32_500, 28_000, "8901725181109", TaxInclusive: false),
        new("SUGAR-LOOSE", "Sugar (loose)", "1701", "KGS", 500, 4_600, 4_000, null, TaxInclusive: false),
        new("GHEE-1L", "Cow Ghee 1 L", "0405", "PCS", 1_200, 65_000, 56_000, "8901262030014", TaxInclusive: false),
        new("SOAP-125G", "Sandal Soap 125 g", "3401", "PCS", 1_800, 4_500, 3_200, "8901399003119", TaxInclusive: false),
        new("COLA-750ML", "Cola 750 ml", "2202", "PCS", 2_800, 4_000, 2_600, "8901764012273", TaxInclusive: false),
        // Priced as a shop's shelf prices: ₹90.00 inclusive of 5 % GST, at its MRP (docs/money.md).
        new("BISCUIT-800G", "Biscuits 800 g", "1905", "PCS", 500, 9_000, 7_800, "8901719101038", MrpPaise: 9_000, TaxInclusive: true),
    ];

    public static ProductDto Product(string sku) => Products.Single(p => p.Sku == sku);
}

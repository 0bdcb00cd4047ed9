// The shop every acceptance test runs in: one Karnataka store, a small catalogue spanning the GST rates HQ must
// handle (0 %, 5 %, 12 %, 18 %, 28 %, and loose goods sold by the kilogram), one pack priced inclusive of GST at its MRP
// as a shop prices it (the rest are priced before tax), opening stock, and enrolled tills.
using System.Net;
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Stores;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;

namespace TillSync.Testing;

/// <summary>Sets up a configured HQ.</summary>
public static class HqScenario
{
    /// <summary>Opening stock of every SKU: far more than any test sells, so that no sale is short unless a test wants it.</summary>
    public const decimal OpeningStock = 50_000m;

    public const string StoreGstin = "29AABCH1234K1ZN";

    public const string StoreStateCode = "29";

    public static StoreDto Store { get; } = new(
        StoreGstin, "Hosur Road Provisions Private Limited", "12 Hosur Road", "Bengaluru", 560034, StoreStateCode,
        TradeName: "Hosur Road Provisions", Address2: "Koramangala");

    /// <summary>A B2B buyer in the store's own state (CGST + SGST).</summary>
    public static CustomerDto B2BIntraState { get; } = new("9876543210", "29AAACR5055K1Z3", "Ramesh Traders", "29");

    /// <summary>A B2B buyer in Maharashtra taking delivery there (IGST).</summary>
    public static CustomerDto B2BInterState { get; } = new("9123456780", "27AAACS7319F1ZE", "Sharma Distributors", "27");

    /// <summary>The pack priced as on a shop's shelf: ₹90.00 inclusive of 5 % GST, at its MRP.</summary>
    public const string InclusivePack = "BISCUIT-800G";

    public static IReadOnlyList<ProductDto> Products { get; } =
    [
        new("MILK-500ML", "Toned Milk 500 ml", "0401", "PCS", 0, 2_800, 2_500, "8901262150019", TaxInclusive: false),
        new("RICE-5KG", "Sona Masoori Rice 5 kg", "1006", "PCS", 500, 32_500, 28_000, "8901725181109", TaxInclusive: false),
        new("SUGAR-LOOSE", "Sugar (loose)", "1701", "KGS", 500, 4_600, 4_000, null, TaxInclusive: false),
        new("GHEE-1L", "Cow Ghee 1 L", "0405", "PCS", 1_200, 65_000, 56_000, "8901262030014", TaxInclusive: false),
        new("SOAP-125G", "Sandal Soap 125 g", "3401", "PCS", 1_800, 4_500, 3_200, "8901399003119", TaxInclusive: false),
        new("COLA-750ML", "Cola 750 ml", "2202", "PCS", 2_800, 4_000, 2_600, "8901764012273", TaxInclusive: false),
        new("GOLD-COIN-1G", "Gold coin 1 g", "7118", "NOS", 300, 750_000, 720_000, null, TaxInclusive: false),
        new("DIAMOND-ROUGH", "Rough diamond", "7102", "NOS", 25, 500_000, 450_000, null, TaxInclusive: false),
        new(InclusivePack, "Biscuits 800 g", "1905", "PCS", 500, 9_000, 7_800, "8901719101038", MrpPaise: 9_000, TaxInclusive: true),
    ];

    /// <summary>The loose product sold by weight.</summary>
    public static ProductDto Loose => Products.Single(p => p.Unit == "KGS");

    public static ProductDto Product(string sku) => Products.Single(p => p.Sku == sku);

    /// <summary>A sale line of <paramref name="product"/> as a till prices it: its catalogue price, rate, footing and MRP.</summary>
    public static OrderLineDto LineOf(ProductDto product, decimal qty, long discountPaise = 0) =>
        new(product.Sku, qty, product.PricePaise, discountPaise, product.GstRateBp, product.TaxInclusive == true, product.MrpPaise);

    /// <summary>Configures the store (<see cref="Store"/> unless <paramref name="store"/> is given), adds the seeded staff,
    /// upserts the catalogue and receives opening stock of every SKU.</summary>
    public static async Task SetUpAsync(HqProcess hq, StoreDto? store = null)
    {
        var manager = new ManagerClient(hq);
        await manager.PutStoreAsync(store ?? Store);
        foreach (var staff in SeededStaff.All)
        {
            await manager.AddStaffAsync(staff);
        }
        await manager.UpsertProductsAsync(Products);
        await manager.ReceiveStockAsync(new StockReceiptRequest(
            [.. Products.Select(p => new StockReceiptLine(p.Sku, OpeningStock))], Note: "opening stock"));
    }

    /// <summary>Creates a second store (Mumbai) and enrols a till in it.</summary>
    public static async Task<TillClient> EnrolTillInAnotherStoreAsync(HqProcess hq, SyncVersion version = SyncVersion.V1)
    {
        using var client = hq.CreateClient(hq.AdminToken);
        var store = await Responses.ExpectAsync(await client.PostAsync(new Uri("/api/v1/stores", UriKind.Relative),
                JsonContent.Create(new StoreDto("27AAACS7319F1ZE", "Sharma Provisions Private Limited", "4 Linking Road", "Mumbai", 400050, "27"),
                    TillSyncJsonContext.Default.StoreDto)),
            HttpStatusCode.Created, TillSyncJsonContext.Default.StoreView, hq);
        var enrolment = await Responses.ExpectAsync(await client.PostAsync(new Uri("/api/v1/tills", UriKind.Relative),
                JsonContent.Create(new TillEnrolmentRequest($"Mumbai {Guid.CreateVersion7():N}"[..20], store.StoreId), TillSyncJsonContext.Default.TillEnrolmentRequest)),
            HttpStatusCode.Created, TillSyncJsonContext.Default.TillEnrolmentResult, hq);
        return new TillClient(hq, enrolment, version);
    }

    /// <summary>Enrols a till with a unique name and returns a client holding its token and an order factory.</summary>
    public static async Task<TillClient> EnrolTillAsync(HqProcess hq, string? name = null, SyncVersion version = SyncVersion.V1)
    {
        var enrolment = await new ManagerClient(hq).EnrolTillAsync(name ?? $"Counter {Guid.CreateVersion7().ToString("N")[^8..]}");
        return new TillClient(hq, enrolment, version);
    }
}

using TillSync.Contracts.Catalog;

namespace TillSync.Cli.Demo;

/// <summary>A neighbourhood supermarket's catalogue for the demo: groceries, fresh produce sold by weight, personal care,
/// household goods and small appliances, with HSN codes and GST rates as they stand after the September 2025 rate
/// rationalisation (0 %, 5 %, 18 %, 40 %). Prices are per unit in paise, inclusive of GST as on a shop's shelf labels; a
/// pre-packaged product (one with a barcode) carries its MRP, at which it sells. Costs are before tax.</summary>
public static class DemoCatalog
{
    /// <summary>The products.</summary>
    public static IReadOnlyList<ProductDto> Products { get; } =
    [
        // Staples: unbranded loose goods are exempt; pre-packaged and labelled ones carry 5 %.
        P("RICE-SONA-LOOSE", "Sona masoori rice (loose)", "10063020", "KGS", 0, 5_800, 4_900),
        P("RICE-BASMATI-5KG", "India Gate basmati rice 5 kg", "10063020", "BAG", 500, 64_900, 55_000, "8901034001015"),
        P("ATTA-AASHIRVAAD-5KG", "Aashirvaad whole wheat atta 5 kg", "11010000", "BAG", 500, 27_500, 23_800, "8901725181109"),
        P("DAL-TOOR-LOOSE", "Toor dal (loose)", "07136000", "KGS", 0, 14_500, 12_600),
        P("DAL-MOONG-1KG", "Tata Sampann moong dal 1 kg", "07133100", "PAC", 500, 15_800, 13_400, "8904043901213"),
        P("SUGAR-LOOSE", "Sugar (loose)", "17019990", "KGS", 500, 4_400, 3_950),
        P("SALT-TATA-1KG", "Tata iodised salt 1 kg", "25010020", "PAC", 0, 2_800, 2_300, "8904043900018"),
        P("OIL-SUNFLOWER-1L", "Fortune sunflower oil 1 L", "15121110", "BTL", 500, 15_500, 13_800, "8906007280011"),
        P("OIL-MUSTARD-1L", "Dhara kachi ghani mustard oil 1 L", "15149120", "BTL", 500, 17_200, 15_100, "8901522000319"),
        P("GHEE-AMUL-1L", "Amul pure ghee 1 L", "04059020", "CAN", 500, 63_000, 57_500, "8901262030015"),
        P("TEA-TATA-500G", "Tata Tea Gold 500 g", "09024020", "PAC", 500, 29_500, 25_200, "8901052001057"),
        P("COFFEE-BRU-200G", "Bru instant coffee 200 g", "21011110", "NOS", 500, 42_000, 36_000, "8901030743049"),
        P("POHA-LOOSE", "Poha, thick (loose)", "19049000", "KGS", 0, 6_200, 5_100),
        P("MASALA-MDH-100G", "MDH garam masala 100 g", "09109100", "PAC", 500, 8_900, 7_300, "8902167000072"),
        // Dairy, bakery and eggs.
        P("MILK-NANDINI-500ML", "Nandini toned milk 500 ml", "04012000", "PAC", 0, 2_400, 2_150),
        P("CURD-NANDINI-500G", "Nandini curd 500 g", "04039010", "PAC", 0, 3_200, 2_800),
        P("PANEER-AMUL-200G", "Amul malai paneer 200 g", "04061000", "PAC", 0, 9_000, 7_900, "8901262150102"),
        P("BUTTER-AMUL-100G", "Amul butter 100 g", "04051000", "PAC", 500, 5_800, 5_100, "8901262010016"),
        P("BREAD-MODERN-400G", "Modern white bread 400 g", "19059010", "PAC", 0, 4_500, 3_800, "8901725001322"),
        P("EGGS-TRAY-30", "Farm eggs, tray of 30", "04072100", "NOS", 0, 19_500, 17_000),
        // Fresh produce by weight.
        P("ONION-LOOSE", "Onion", "07031010", "KGS", 0, 3_500, 2_600),
        P("POTATO-LOOSE", "Potato", "07019000", "KGS", 0, 3_000, 2_200),
        P("TOMATO-LOOSE", "Tomato", "07020000", "KGS", 0, 4_000, 2_900),
        P("BANANA-ROBUSTA", "Banana, robusta", "08039010", "KGS", 0, 5_500, 4_000),
        P("APPLE-SHIMLA", "Apple, Shimla", "08081000", "KGS", 0, 18_000, 14_500),
        P("CORIANDER-BUNCH", "Coriander leaves, bunch", "07099990", "NOS", 0, 1_000, 600),
        // Snacks and beverages.
        P("BISCUIT-PARLEG-800G", "Parle-G biscuits 800 g", "19053100", "PAC", 500, 9_000, 7_800, "8901719101038"),
        P("NAMKEEN-HALDIRAM-400G", "Haldiram's aloo bhujia 400 g", "21069099", "PAC", 500, 11_000, 9_300, "8904004400304"),
        P("CHOC-DAIRYMILK-50G", "Cadbury Dairy Milk 50 g", "18063100", "NOS", 500, 4_760, 4_000, "7622201773004"),
        P("NOODLES-MAGGI-280G", "Maggi 2-minute noodles, pack of 4", "19023010", "PAC", 500, 5_600, 4_800, "8901058851304"),
        P("COLA-750ML", "Thums Up 750 ml", "22021010", "BTL", 4000, 4_000, 2_300, "8901764012259"),
        P("JUICE-REAL-1L", "Real mixed fruit juice 1 L", "20099000", "PAC", 500, 11_400, 9_700, "8901207012342"),
        P("WATER-BISLERI-1L", "Bisleri water 1 L", "22011010", "BTL", 1800, 1_700, 1_200, "8906017290012"),
        // Personal care.
        P("SOAP-LUX-4X100G", "Lux soap, pack of 4", "34011190", "PAC", 500, 17_500, 14_800, "8901030704729"),
        P("TOOTHPASTE-COLGATE-200G", "Colgate Strong Teeth 200 g", "33061020", "NOS", 500, 11_900, 10_000, "8901314010322"),
        P("SHAMPOO-CLINIC-340ML", "Clinic Plus shampoo 340 ml", "33051090", "BTL", 500, 21_000, 17_600, "8901030753161"),
        P("HAIROIL-PARACHUTE-300ML", "Parachute coconut oil 300 ml", "15131900", "BTL", 500, 14_300, 12_100, "8901088012478"),
        P("TALC-PONDS-100G", "Pond's talc 100 g", "33049120", "NOS", 500, 9_500, 7_900, "8901030351145"),
        P("SANITARY-WHISPER-15", "Whisper Choice, 15 pads", "96190010", "PAC", 0, 10_000, 8_600, "4902430898013"),
        // Household.
        P("DETERGENT-SURF-1KG", "Surf Excel Easy Wash 1 kg", "34022010", "PAC", 1800, 12_700, 10_300, "8901030617821"),
        P("DISHWASH-VIM-500G", "Vim dishwash bar 500 g", "34022090", "NOS", 1800, 3_800, 3_000, "8901030619085"),
        P("CLEANER-LIZOL-975ML", "Lizol floor cleaner 975 ml", "38089400", "BTL", 1800, 20_300, 16_400, "8901396334309"),
        P("AGARBATTI-CYCLE", "Cycle agarbatti, 3-in-1", "33074100", "PAC", 500, 5_500, 4_400, "8904136000313"),
        P("MATCHBOX-10", "Safety matches, pack of 10", "36050010", "PAC", 500, 1_000, 800),
        P("BUCKET-20L", "Plastic bucket 20 L", "39241090", "NOS", 1800, 24_000, 18_500),
        P("PRESSURE-COOKER-3L", "Prestige pressure cooker 3 L", "76151030", "NOS", 500, 199_000, 162_000, "8901365210049"),
        // Stationery, clothing, footwear.
        P("NOTEBOOK-CLASSMATE", "Classmate notebook, 172 pages", "48202000", "NOS", 0, 6_000, 4_900, "8902519001021"),
        P("PEN-REYNOLDS-5", "Reynolds pens, pack of 5", "96081019", "PAC", 1800, 5_000, 3_900, "8902390010021"),
        P("TSHIRT-COTTON-M", "Cotton T-shirt, M", "61091000", "PCS", 500, 39_900, 26_000),
        P("SLIPPER-PARAGON-9", "Paragon slippers, size 9", "64022010", "PRS", 500, 21_900, 16_000, "8904108912345"),
        P("UMBRELLA-2FOLD", "Two-fold umbrella", "66019100", "PCS", 500, 34_900, 25_500),
        // Small appliances and electricals.
        P("BULB-LED-9W", "Philips LED bulb 9 W", "85395000", "NOS", 1800, 12_500, 9_200, "8718699749911"),
        P("EXTBOARD-4WAY", "4-way extension board", "85363000", "NOS", 1800, 49_900, 36_000),
        P("KETTLE-1.5L", "Electric kettle 1.5 L", "85161000", "NOS", 1800, 129_900, 98_000),
        P("MIXER-750W", "Mixer grinder 750 W", "85094010", "NOS", 1800, 349_900, 262_000, "8901365580035"),
        P("TV-43IN-4K", "43-inch 4K LED television", "85287219", "NOS", 1800, 2_899_000, 2_350_000),
    ];

    /// <summary>Opening stock: a week's worth for staples, a few units of appliances.</summary>
    public static decimal OpeningQty(ProductDto product) => product switch
    {
        { Unit: "KGS" } => 150m,
        { PricePaise: > 1_000_000 } => 4m,
        { PricePaise: > 100_000 } => 12m,
        _ => 60m,
    };

    // Loose goods have no MRP (the Legal Metrology rules ask it of pre-packaged goods); a packed product sells at its MRP.
    private static ProductDto P(string sku, string name, string hsn, string unit, int gstRateBp, long pricePaise, long costPaise, string? barcode = null) =>
        new(sku, name, hsn, unit, gstRateBp, pricePaise, costPaise, barcode, MrpPaise: barcode is null ? null : pricePaise, TaxInclusive: true);
}

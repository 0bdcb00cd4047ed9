using System.Globalization;
using System.Text.RegularExpressions;
using TillSync.Contracts.Catalog;
using TillSync.Core;
using TillSync.Core.Orders;

namespace TillSync.Hq.Catalog;

/// <summary>What a catalogue product must satisfy, so that every bill made from it is a valid e-invoice line.</summary>
public static partial class ProductRules
{
    /// <summary>GST unit quantity codes (UQC) accepted on e-invoices.</summary>
    public static readonly IReadOnlySet<string> UnitCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "BAG", "BAL", "BDL", "BKL", "BOU", "BOX", "BTL", "BUN", "CAN", "CBM", "CCM", "CMS", "CTN", "DOZ", "DRM", "GGK", "GMS",
        "GRS", "GYD", "KGS", "KLR", "KME", "LTR", "MTR", "MLT", "MTS", "NOS", "OTH", "PAC", "PCS", "PRS", "QTL", "ROL", "SET",
        "SQF", "SQM", "SQY", "TBS", "TGM", "THD", "TON", "TUB", "UGS", "UNT", "YDS",
    };

    /// <summary>The first problem in the upsert, naming the product's index and SKU, or null.</summary>
    public static string? Problem(IReadOnlyList<ProductDto> products)
    {
        if (products.Count is 0 or > Limits.ProductUpsertMax)
        {
            return $"Send 1 to {Limits.ProductUpsertMax} products; got {products.Count}.";
        }

        if (products.Any(p => p is null))
        {
            return "The array holds a null; send product objects.";
        }

        var skus = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < products.Count; i++)
        {
            var p = products[i];
            var problem = RowProblem(p);
            if (problem is null && !skus.Add(p.Sku))
            {
                problem = "appears twice in the upsert";
            }

            if (problem is not null)
            {
                return Named(i, p, problem);
            }
        }

        return null;
    }

    /// <summary><paramref name="problem"/> of the product at <paramref name="index"/> in the upsert, as a sentence naming it.</summary>
    public static string Named(int index, ProductDto p, string problem) =>
        string.Create(CultureInfo.InvariantCulture, $"products[{index}] (SKU '{Truncate(p.Sku)}'): {problem}.");

    /// <summary>What is wrong with one product on its own (not its place among others), as a phrase without a final
    /// full stop, or null. A product that does not say its footing is held to its MRP once HQ has decided the footing
    /// (<see cref="ProductFooting"/>), in the upsert's transaction.</summary>
    public static string? RowProblem(ProductDto p)
    {
        if (!OrderRules.IsWellFormedSku(p.Sku))
        {
            return $"sku must be 1 to {Limits.SkuLengthMax} uppercase letters, digits, '-', '_', '.' or '/'";
        }

        if (FreeText.Problem(p.Name, "name", 1, 100) is { } name)
        {
            return name.TrimEnd('.');
        }

        if (!HsnPattern().IsMatch(p.Hsn))
        {
            return $"hsn '{Truncate(p.Hsn)}' must be 4 to 8 digits";
        }

        if (!UnitCodes.Contains(p.Unit))
        {
            return $"unit '{Truncate(p.Unit)}' is not a GST UQC code such as PCS, KGS, NOS or LTR";
        }

        if (p.GstRateBp is < 0 or > Limits.GstRateBpMax)
        {
            return $"gstRateBp {p.GstRateBp} must be 0 to {Limits.GstRateBpMax}";
        }

        if (p.PricePaise is < 0 or > Limits.UnitPricePaiseMax || p.CostPaise is < 0 or > Limits.UnitPricePaiseMax)
        {
            return $"pricePaise and costPaise must be 0 to {Limits.UnitPricePaiseMax}";
        }

        if (p.MrpPaise is { } mrpPaise && ProductMrpProblem(p, mrpPaise) is { } mrp)
        {
            return mrp;
        }

        return p.Barcode is null || BarcodePattern().IsMatch(p.Barcode) ? null : "barcode must be 4 to 32 letters or digits";
    }

    // The same rule the till and HQ apply to every line (OrderRules.CheckMrp), applied where the price is set, so that a
    // catalogue never offers a price no till could bill.
    private static string? ProductMrpProblem(ProductDto p, long mrpPaise)
    {
        if (mrpPaise is < 0 or > Limits.UnitPricePaiseMax)
        {
            return $"mrpPaise must be 0 to {Limits.UnitPricePaiseMax}";
        }

        if (p.TaxInclusive is not { } inclusive)
        {
            return null;
        }

        var withTaxPaise = Core.Tax.GstCalculator.UnitPriceWithTaxPaise(p.PricePaise, p.GstRateBp, inclusive);
        return withTaxPaise > mrpPaise
            ? $"the price with tax ₹{Core.Money.Paise.ToRupeeString(withTaxPaise)} is above the MRP ₹{Core.Money.Paise.ToRupeeString(mrpPaise)}; nothing may be sold above its MRP"
            : null;
    }

    private static string Truncate(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^[0-9]{4,8}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex HsnPattern();

    [GeneratedRegex("^[0-9A-Za-z]{4,32}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex BarcodePattern();
}

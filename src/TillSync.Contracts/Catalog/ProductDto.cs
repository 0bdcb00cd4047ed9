using System.Text.Json.Serialization;

namespace TillSync.Contracts.Catalog;

/// <summary>A catalogue product (<c>POST /api/v1/products</c> upserts an array of them by SKU).</summary>
/// <param name="Sku">1 to 32 characters: uppercase letters, digits, '-', '_', '.', '/'.</param>
/// <param name="Name">Name printed on receipts, 1 to 100 characters.</param>
/// <param name="Hsn">HSN or SAC code, 4 to 8 digits.</param>
/// <param name="Unit">GST UQC unit code (<c>PCS</c>, <c>KGS</c>, <c>NOS</c>, …).</param>
/// <param name="GstRateBp">GST rate in basis points, 0 to 10000.</param>
/// <param name="PricePaise">Selling price per unit, in paise: inclusive of GST when <paramref name="TaxInclusive"/>, as a
/// shop's shelf label shows it; before tax otherwise.</param>
/// <param name="CostPaise">Cost per unit before tax, in paise (for cost of goods sold).</param>
/// <param name="Barcode">Optional EAN/UPC or in-store barcode.</param>
/// <param name="MrpPaise">The maximum retail price per unit printed on the pack, inclusive of every tax, in paise; null
/// when the product has none (loose goods). The selling price with tax may not exceed it.</param>
/// <param name="TaxInclusive">True when <paramref name="PricePaise"/> includes GST — how Indian retail prices — and false
/// for a B2B catalogue priced before tax. HQ always answers it. On an upsert, absent (null) means inclusive for a product
/// HQ does not have yet, a shop's default, and the product's current footing for one it has
/// (docs/decisions/0010-tax-inclusive-prices.md).</param>
/// <param name="RetiredAt">When a manager retired the product (<c>POST /api/v1/products/{sku}/retire</c>); null while it is
/// on sale. HQ answers it; an upsert ignores it (retiring and bringing back are their own actions).</param>
public sealed record ProductDto(
    string Sku, string Name, string Hsn, string Unit, int GstRateBp, long PricePaise, long CostPaise, string? Barcode = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? MrpPaise = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? TaxInclusive = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? RetiredAt = null);

/// <summary>Reply to a product upsert.</summary>
/// <param name="Upserted">How many products were inserted or updated.</param>
public sealed record ProductUpsertResult(int Upserted);

/// <summary>A page of the catalogue (<c>GET /api/v1/products/page?q=&amp;after=&amp;limit=</c>), in SKU order.</summary>
/// <param name="Items">Up to <c>limit</c> products after <c>after</c>.</param>
/// <param name="NextAfter">Pass as <c>after</c> for the next page; null on the last page.</param>
public sealed record ProductPage(IReadOnlyList<ProductDto> Items, string? NextAfter);

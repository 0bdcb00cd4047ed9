namespace TillSync.Till.Returns;

/// <summary>One line of the original sale.</summary>
/// <param name="LineNo">Its number on the bill, from 1.</param>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="Name">The product's name from this till's catalogue (the SKU when the catalogue no longer has it).</param>
/// <param name="Unit">Its UQC unit (empty when unknown).</param>
/// <param name="Hsn">Its HSN code (empty when unknown).</param>
/// <param name="Qty">Quantity sold.</param>
/// <param name="UnitPricePaise">Unit price, before tax or including it (<paramref name="TaxInclusive"/>).</param>
/// <param name="DiscountPaise">The line's discount.</param>
/// <param name="GstRateBp">GST rate in basis points.</param>
/// <param name="ReturnedQty">Quantity this till knows was already taken back.</param>
/// <param name="ReturnableQty">What may still come back: sold less returned.</param>
/// <param name="TaxInclusive">True when the line was priced inclusive of GST.</param>
/// <param name="PromotionId">The line promotion the sale claimed for it, or null (and from a receipt code, which carries none).</param>
/// <param name="PromotionPaise">The part of its discount that promotion gave.</param>
/// <param name="RefundedPaise">What this till's earlier returns of the sale refunded for the line (before round-off).</param>
public sealed record OriginalLine(
    int LineNo, string Sku, string Name, string Unit, string Hsn, decimal Qty, long UnitPricePaise, long DiscountPaise, int GstRateBp,
    decimal ReturnedQty, decimal ReturnableQty, bool TaxInclusive = false, long? PromotionId = null, long PromotionPaise = 0,
    long RefundedPaise = 0);

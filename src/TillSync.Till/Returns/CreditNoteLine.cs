namespace TillSync.Till.Returns;

/// <summary>One line of a credit note: the original line's quantity taken back and its refund.</summary>
/// <param name="OriginalLineNo">The line's number on the original bill.</param>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="Name">Product name.</param>
/// <param name="Unit">UQC unit.</param>
/// <param name="Hsn">HSN code.</param>
/// <param name="Qty">Quantity taken back.</param>
/// <param name="UnitPricePaise">The original unit price before tax.</param>
/// <param name="GstRateBp">GST rate.</param>
/// <param name="TaxablePaise">Taxable value refunded.</param>
/// <param name="CgstPaise">CGST refunded.</param>
/// <param name="SgstPaise">SGST refunded.</param>
/// <param name="IgstPaise">IGST refunded.</param>
/// <param name="TotalPaise">The line's refund.</param>
/// <param name="Condition"><c>restock</c> or <c>damaged</c>.</param>
public sealed record CreditNoteLine(
    int OriginalLineNo, string Sku, string Name, string Unit, string Hsn, decimal Qty, long UnitPricePaise, int GstRateBp,
    long TaxablePaise, long CgstPaise, long SgstPaise, long IgstPaise, long TotalPaise, string Condition);

using System.Text.Json.Serialization;

namespace TillSync.Core.EInvoicing;

/// <summary>One entry of <c>ItemList</c>. Amounts are rupees with two decimals; the cess fields TillSync never charges
/// are omitted when null and read as zero.</summary>
/// <param name="SerialNo">1, 2, … as text.</param>
/// <param name="Description">Product name, 3 to 300 characters.</param>
/// <param name="IsService"><c>Y</c> for a service (SAC code starting 99), else <c>N</c>.</param>
/// <param name="HsnCode">HSN or SAC code: 4, 6 or 8 digits.</param>
/// <param name="Qty">Quantity in <paramref name="Unit"/>, up to 3 decimals.</param>
/// <param name="Unit">GST UQC code, e.g. <c>NOS</c>, <c>KGS</c>.</param>
/// <param name="UnitPrice">Price per unit before tax, rupees.</param>
/// <param name="GrossAmount"><c>TotAmt</c>: round(qty × unit price), rupees.</param>
/// <param name="Discount">Discount on the line, rupees.</param>
/// <param name="AssessableAmount"><c>AssAmt</c>: gross less discount, the taxable value.</param>
/// <param name="GstRate">GST rate in per cent (18.00 = 18 %).</param>
/// <param name="IgstAmount">IGST, rupees (inter-state).</param>
/// <param name="CgstAmount">CGST, rupees (intra-state).</param>
/// <param name="SgstAmount">SGST, rupees (intra-state).</param>
/// <param name="TotalItemValue"><c>TotItemVal</c>: assessable amount plus every tax, cess and other charge.</param>
/// <param name="CessRate">Cess rate in per cent; omitted when null.</param>
/// <param name="CessAmount">Ad valorem cess; omitted when null.</param>
/// <param name="CessNonAdValoremAmount">Non ad valorem cess; omitted when null.</param>
/// <param name="StateCessRate">State cess rate; omitted when null.</param>
/// <param name="StateCessAmount">State cess; omitted when null.</param>
/// <param name="StateCessNonAdValoremAmount">State non ad valorem cess; omitted when null.</param>
/// <param name="OtherCharges">Other charges on the line; omitted when null.</param>
public sealed record InvoiceItem(
    [property: JsonPropertyName("SlNo")] string SerialNo,
    [property: JsonPropertyName("PrdDesc")] string? Description,
    [property: JsonPropertyName("IsServc")] string IsService,
    [property: JsonPropertyName("HsnCd")] string HsnCode,
    [property: JsonPropertyName("Qty")] decimal? Qty,
    [property: JsonPropertyName("Unit")] string? Unit,
    [property: JsonPropertyName("UnitPrice")] decimal UnitPrice,
    [property: JsonPropertyName("TotAmt")] decimal GrossAmount,
    [property: JsonPropertyName("Discount")] decimal? Discount,
    [property: JsonPropertyName("AssAmt")] decimal AssessableAmount,
    [property: JsonPropertyName("GstRt")] decimal GstRate,
    [property: JsonPropertyName("IgstAmt")] decimal? IgstAmount,
    [property: JsonPropertyName("CgstAmt")] decimal? CgstAmount,
    [property: JsonPropertyName("SgstAmt")] decimal? SgstAmount,
    [property: JsonPropertyName("TotItemVal")] decimal TotalItemValue,
    [property: JsonPropertyName("CesRt")] decimal? CessRate = null,
    [property: JsonPropertyName("CesAmt")] decimal? CessAmount = null,
    [property: JsonPropertyName("CesNonAdvlAmt")] decimal? CessNonAdValoremAmount = null,
    [property: JsonPropertyName("StateCesRt")] decimal? StateCessRate = null,
    [property: JsonPropertyName("StateCesAmt")] decimal? StateCessAmount = null,
    [property: JsonPropertyName("StateCesNonAdvlAmt")] decimal? StateCessNonAdValoremAmount = null,
    [property: JsonPropertyName("OthChrg")] decimal? OtherCharges = null);

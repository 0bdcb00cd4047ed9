namespace TillSync.Core.EInvoicing;

/// <summary>What NIC's signed QR code says about an invoice: the JSON in its JWS's <c>data</c> claim.</summary>
/// <param name="SellerGstin">Supplier GSTIN.</param>
/// <param name="BuyerGstin">Recipient GSTIN.</param>
/// <param name="DocNo">Document number as sent.</param>
/// <param name="DocTyp"><c>INV</c>, <c>CRN</c> or <c>DBN</c>.</param>
/// <param name="DocDt">Document date, <c>dd/MM/yyyy</c>.</param>
/// <param name="TotInvVal">Total invoice value, rupees.</param>
/// <param name="ItemCnt">Number of items.</param>
/// <param name="MainHsnCode">HSN code of the item with the highest assessable value.</param>
/// <param name="Irn">The IRN.</param>
/// <param name="IrnDt">Acknowledgement time, IST, <c>yyyy-MM-dd HH:mm:ss</c>.</param>
public sealed record QrCodeClaims(
    string SellerGstin, string BuyerGstin, string DocNo, string DocTyp, string DocDt, decimal TotInvVal, int ItemCnt,
    string MainHsnCode, string Irn, string IrnDt);

// B2B bills for the e-invoice tests: the sample store in Karnataka, a buyer in the same state and one in Maharashtra,
// and recorded totals from OrderTotals, as HQ would hand them to the payload generator.
using TillSync.Core.EInvoicing;
using TillSync.Core.Orders;
using TillSync.Core.Tax;

namespace TillSync.Core.Tests.EInvoicing;

internal static class Bills
{
    public static readonly DateOnly Date = new(2026, 11, 28);

    public static readonly SellerDetails Seller =
        new("29AABCH1234K1ZN", "Hello Retail Private Limited", "Hello Mart", "12, 100 Feet Road, Indiranagar", "Bengaluru", 560038, "29");

    public static readonly BuyerDetails IntraStateBuyer =
        new("29AAACR5055K1Z3", "Rao Caterers Private Limited", "29", "45, 2nd Cross, Jayanagar", "Bengaluru", 560041, "29");

    public static readonly BuyerDetails InterStateBuyer =
        new("27AAACS7319F1ZE", "Shah Electronics Private Limited", "27", "Unit 7, Andheri Industrial Estate", "Mumbai", 400053, "27");

    public static readonly EInvoiceTransport Lorry =
        new(980, TransportMode.Road, "29AADCT9876L1ZB", "Deccan Transport Co", "KA01AB1234");

    public static EInvoicePayload Payload(
        BuyerDetails buyer, IReadOnlyList<EInvoiceLine> lines, EInvoiceDocumentType type = EInvoiceDocumentType.Invoice,
        EInvoiceTransport? transport = null, SellerDetails? seller = null)
    {
        seller ??= Seller;
        var kind = buyer.PlaceOfSupply == Gstin.StateCode(seller.Gstin) ? SupplyKind.IntraState : SupplyKind.InterState;
        var totals = OrderTotals.Compute(
            lines.Select(l => new OrderLine("SKU", l.Qty, l.UnitPricePaise, l.DiscountPaise, l.GstRateBp, l.TaxInclusive)).ToList(), kind);
        var original = type == EInvoiceDocumentType.Invoice ? null : new OriginalInvoice("T01/2627/000041", Date.AddDays(-2));
        var number = type == EInvoiceDocumentType.Invoice ? "T01/2627/000042" : "CN/T01/2627/0007";
        var document = new EInvoiceDocument(type, number, Date, totals.RoundOffPaise, totals.TotalPaise, original);
        return EInvoicePayload.For(seller, buyer, document, lines, transport);
    }
}

using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Sync;
using TillSync.Core.EInvoicing;
using TillSync.Hq.Storage;
using TillSync.Hq.Stores;
using TillSync.Storage;

namespace TillSync.Hq.EInvoicing;

/// <summary>Builds a bill's NIC payload from what HQ stored: the order as the till sent it (<c>orders.body_json</c>),
/// the store (seller), the bill's buyer details (copied from the order, correctable by a manager) and the catalogue
/// (product name, HSN, unit). Answers a problem instead of a payload when the buyer details are incomplete or the
/// payload breaks NIC's schema — both are parked for a manager, never sent.</summary>
public sealed class EInvoicePayloadSource(HqDatabase database)
{
    /// <summary>The payload JSON, or the problem that keeps the bill from being sent.</summary>
    public async Task<(string? PayloadJson, string? Problem)> BuildAsync(EInvoiceBill bill, CancellationToken cancellationToken)
    {
        var missing = MissingBuyerDetails(bill);
        if (missing.Count > 0)
        {
            return (null, $"The buyer's {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing: an e-invoice needs them. " +
                "Retry with the buyer's details.");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var body = await connection.Command("SELECT body_json FROM orders WHERE client_order_id = @id").With("@id", bill.ClientOrderId)
            .ScalarAsync(cancellationToken) as string ?? throw new InvalidOperationException($"E-invoice {bill.ClientOrderId} has no order.");
        var order = JsonSerializer.Deserialize(body, TillSyncJsonContext.Default.OrderDto)!;
        var store = await StoreReader.FindAsync(connection, bill.StoreId, cancellationToken)
            ?? throw new InvalidOperationException($"E-invoice {bill.ClientOrderId} names store {bill.StoreId}, which has no row.");
        var products = await connection.ListWhereInAsync(null, "SELECT sku, name, hsn, unit FROM products WHERE sku IN ({list})",
            order.Lines.Select(l => (object)l.Sku).Distinct().ToList(), [],
            r => (Sku: r.GetString(0), Name: r.GetString(1), Hsn: r.GetString(2), Unit: r.GetString(3)), cancellationToken);
        var bySku = products.ToDictionary(p => p.Sku, StringComparer.Ordinal);
        var s = store.Details;
        var seller = new SellerDetails(s.Gstin, s.LegalName, s.TradeName, s.Address1, s.Location, s.Pin, s.StateCode);
        var buyer = new BuyerDetails(bill.BuyerGstin, bill.BuyerName!, order.Customer?.PlaceOfSupply ?? bill.BuyerGstin[..2],
            bill.BuyerAddress1!, bill.BuyerLocation!, bill.BuyerPin, bill.BuyerGstin[..2]);
        var document = new EInvoiceDocument(EInvoiceDocumentType.Invoice, bill.DocNo, DocumentDates.Of(order.CreatedAt),
            order.Totals.RoundOffPaise, order.Totals.TotalPaise);
        var lines = order.Lines.Select(l => Line(l, bySku[l.Sku])).ToList();
        var json = EInvoicePayload.For(seller, buyer, document, lines).ToJson();
        var violations = EInvoiceSchema.Violations(json);
        return violations.Count == 0
            ? (json, null)
            : (null, $"The e-invoice does not match NIC's schema: {string.Join("; ", violations.Take(5))}");
    }

    private static EInvoiceLine Line(OrderLineDto line, (string Sku, string Name, string Hsn, string Unit) product) =>
        new(product.Name, product.Hsn, line.Qty, product.Unit, line.UnitPricePaise, line.DiscountPaise, line.GstRateBp);

    private static List<string> MissingBuyerDetails(EInvoiceBill bill)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(bill.BuyerName))
        {
            missing.Add("legal name");
        }

        if (string.IsNullOrWhiteSpace(bill.BuyerAddress1))
        {
            missing.Add("address");
        }

        if (string.IsNullOrWhiteSpace(bill.BuyerLocation))
        {
            missing.Add("location");
        }

        if (bill.BuyerPin is null)
        {
            missing.Add("PIN");
        }

        return missing;
    }
}

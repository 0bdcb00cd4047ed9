using System.Data.Common;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Core.EInvoicing;
using TillSync.Core.Orders;
using TillSync.Core.Tax;
using TillSync.Hq.Storage;
using TillSync.Hq.Stores;
using TillSync.Storage;

namespace TillSync.Hq.EInvoicing;

/// <summary>Builds a document's NIC payload from what HQ stored: the sale as the till sent it (<c>orders.body_json</c>)
/// or, for a credit note, the return (<c>returns.body_json</c>) and its original invoice's registration; the store
/// (seller); the buyer details (copied from the document, correctable by a manager); and the catalogue (product name,
/// HSN, unit). Answers a problem instead of a payload when the buyer details are incomplete, the payload breaks NIC's
/// schema, or a credit note's original invoice can never be registered — all parked for a manager, never sent — and
/// answers that a credit note must wait while its original is not registered yet.</summary>
public sealed class EInvoicePayloadSource(HqDatabase database)
{
    /// <summary>The payload, or why the document is not sent now.</summary>
    public async Task<EInvoicePayloadOutcome> BuildAsync(EInvoiceBill bill, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // A credit note's original comes first: a note waiting for its invoice is not parked for its own details.
        var (document, lines, placeOfSupply, refusal) = bill.DocType == DocumentTypes.Code(EInvoiceDocumentType.CreditNote)
            ? await CreditNoteAsync(connection, bill, cancellationToken)
            : await InvoiceAsync(connection, bill, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var missing = MissingBuyerDetails(bill);
        if (missing.Count > 0)
        {
            return EInvoicePayloadOutcome.Park($"The buyer's {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing: " +
                "an e-invoice needs them. Retry with the buyer's details.");
        }

        var store = await StoreReader.FindAsync(connection, bill.StoreId, cancellationToken)
            ?? throw new InvalidOperationException($"E-invoice {bill.ClientOrderId} names store {bill.StoreId}, which has no row.");
        var products = await connection.ListWhereInAsync(null, "SELECT sku, name, hsn, unit FROM products WHERE sku IN ({list})",
            lines!.Select(l => (object)l.Sku).Distinct().ToList(), [],
            r => new CatalogueEntry(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)), cancellationToken);
        var bySku = products.ToDictionary(p => p.Sku, StringComparer.Ordinal);
        var s = store.Details;
        var seller = new SellerDetails(s.Gstin, s.LegalName, s.TradeName, s.Address1, s.Location, s.Pin, s.StateCode);
        var buyer = new BuyerDetails(bill.BuyerGstin, bill.BuyerName!, placeOfSupply ?? bill.BuyerGstin[..2],
            bill.BuyerAddress1!, bill.BuyerLocation!, bill.BuyerPin, bill.BuyerGstin[..2]);
        var invoiceLines = lines!.Select(l => l.ToLine(bySku[l.Sku])).ToList();
        if (TotalsProblem(document!, invoiceLines, seller, buyer) is { } totals)
        {
            return EInvoicePayloadOutcome.Park(totals);
        }

        var json = EInvoicePayload.For(seller, buyer, document!, invoiceLines).ToJson();
        var violations = EInvoiceSchema.Violations(json);
        return violations.Count == 0
            ? EInvoicePayloadOutcome.Send(json)
            : EInvoicePayloadOutcome.Park($"The e-invoice does not match NIC's schema: {string.Join("; ", violations.Take(5))}");
    }

    private static async Task<Source> InvoiceAsync(DbConnection connection, EInvoiceBill bill, CancellationToken cancellationToken)
    {
        var body = await connection.Command("SELECT body_json FROM orders WHERE client_order_id = @id").With("@id", bill.ClientOrderId)
            .ScalarAsync(cancellationToken) as string ?? throw new InvalidOperationException($"E-invoice {bill.ClientOrderId} has no order.");
        var order = JsonSerializer.Deserialize(body, TillSyncJsonContext.Default.OrderDto)!;
        var document = new EInvoiceDocument(EInvoiceDocumentType.Invoice, bill.DocNo, DocumentDates.Of(order.CreatedAt),
            order.Totals.RoundOffPaise, order.Totals.TotalPaise);
        return new(document, [.. order.Lines.Select(l => new DocumentLine(l.Sku, l.Qty, l.UnitPricePaise, l.DiscountPaise, l.GstRateBp, null, l.TaxInclusive))],
            order.Customer?.PlaceOfSupply, null);
    }

    // A credit note refers to its original invoice as the IRP registered it (its number and date), so it goes only once
    // that registration exists; an original parked, or one that is no e-invoice at all, parks the note with the reason.
    private static async Task<Source> CreditNoteAsync(DbConnection connection, EInvoiceBill bill, CancellationToken cancellationToken)
    {
        var row = await connection.Command("""
            SELECT r.body_json, r.original_bill_no, o.status, o.doc_no, o.doc_date, o.last_error,
                   EXISTS (SELECT 1 FROM orders s WHERE s.client_order_id = r.original_order_id)
            FROM returns r LEFT JOIN einvoices o ON o.client_order_id = r.original_order_id
            WHERE r.document_id = @id
            """).With("@id", bill.ClientOrderId).FirstOrDefaultAsync(
                r => new OriginalRow(r.GetString(0), r.GetString(1), r.NullableString(2), r.NullableString(3), r.NullableString(4), r.NullableString(5),
                    Convert.ToInt64(r.GetValue(6), System.Globalization.CultureInfo.InvariantCulture) == 1), cancellationToken)
            ?? throw new InvalidOperationException($"Credit note {bill.ClientOrderId} has no return.");
        var waitOrPark = row.Status switch
        {
            EInvoiceStatuses.Registered => null,
            EInvoiceStatuses.Cancelled => EInvoicePayloadOutcome.Park($"Its original invoice {row.OriginalDocNo} was cancelled at the portal: " +
                "a credit note cannot amend a cancelled invoice. Nothing was sent to the IRP."),
            EInvoiceStatuses.Failed => EInvoicePayloadOutcome.Park($"Its original invoice {row.OriginalDocNo} is parked at HQ ({row.OriginalError}): " +
                "a credit note is registered only after its invoice. Retry the invoice, then this credit note."),
            null when row.OriginalCommitted => EInvoicePayloadOutcome.Park($"Its original bill {row.OriginalBillNo} has no e-invoice at HQ (a B2C or " +
                "rejected sale): a B2B credit note needs a registered invoice to refer to."),
            null => EInvoicePayloadOutcome.Wait($"Its original bill {row.OriginalBillNo} has not reached HQ yet."),
            _ => EInvoicePayloadOutcome.Wait($"Its original invoice {row.OriginalDocNo} is not registered yet ({row.Status})."),
        };
        if (waitOrPark is not null)
        {
            return new(null, null, null, waitOrPark);
        }

        var returned = JsonSerializer.Deserialize(row.BodyJson, TillSyncJsonContext.Default.ReturnDto)!;
        Core.Invariant.Assert(DocumentDates.TryParse(row.OriginalDocDate, out var originalDate));
        var document = new EInvoiceDocument(EInvoiceDocumentType.CreditNote, bill.DocNo, DocumentDates.Of(returned.CreatedAt),
            returned.Totals.RoundOffPaise, returned.Totals.TotalPaise, new OriginalInvoice(row.OriginalDocNo!, originalDate));
        return new(document,
            [.. returned.Lines.Select(l => new DocumentLine(l.Sku, l.Qty, l.UnitPricePaise, l.OriginalDiscountPaise, l.GstRateBp, l.OriginalQty, l.TaxInclusive,
                l.TakeBackPaise))],
            returned.Customer?.PlaceOfSupply, null);
    }

    // EInvoicePayload.For asserts that the recorded totals follow from the lines; a document whose totals do not (its
    // supply kind at HQ differs from the buyer's place of supply) is parked for a manager instead of stopping HQ.
    private static string? TotalsProblem(EInvoiceDocument document, List<EInvoiceLine> lines, SellerDetails seller, BuyerDetails buyer)
    {
        var kind = buyer.PlaceOfSupply == Gstin.StateCode(seller.Gstin) ? SupplyKind.IntraState : SupplyKind.InterState;
        var totals = BillTotals.Of(lines.Select(l => l.Tax(kind)));
        return totals.TotalPaise == document.TotalPaise && totals.RoundOffPaise == document.RoundOffPaise
            ? null
            : $"{document.Number}'s recorded total {document.TotalPaise} paise does not follow from its lines at place of supply {buyer.PlaceOfSupply} " +
              $"({totals.TotalPaise} paise): correct the buyer's place of supply.";
    }

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

    private sealed record Source(EInvoiceDocument? Document, List<DocumentLine>? Lines, string? PlaceOfSupply, EInvoicePayloadOutcome? Refusal);

    private sealed record OriginalRow(
        string BodyJson, string OriginalBillNo, string? Status, string? OriginalDocNo, string? OriginalDocDate, string? OriginalError, bool OriginalCommitted);

    private sealed record CatalogueEntry(string Sku, string Name, string Hsn, string Unit);

    // A line as the document recorded it; OriginalQty and TakeBackPaise only on a credit note's line.
    private sealed record DocumentLine(
        string Sku, decimal Qty, long UnitPricePaise, long DiscountPaise, int GstRateBp, decimal? OriginalQty, bool TaxInclusive, long TakeBackPaise = 0)
    {
        public EInvoiceLine ToLine(CatalogueEntry product) =>
            new(product.Name, product.Hsn, Qty, product.Unit, UnitPricePaise, DiscountPaise, GstRateBp, OriginalQty, TaxInclusive, TakeBackPaise);
    }
}

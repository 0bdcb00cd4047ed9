using System.Globalization;
using TillSync.Core.Tax;

namespace TillSync.Core.EInvoicing;

/// <summary>Builds <see cref="EInvoicePayload"/> from a bill (see <see cref="EInvoicePayload.For"/>).</summary>
internal static class EInvoicePayloadBuilder
{
    // NIC's rupee amounts: paise × 0.01 keeps a scale of two, so 315000 paise is written 3150.00.
    private const decimal RupeesPerPaisa = 0.01m;

    public static EInvoicePayload Build(
        SellerDetails seller, BuyerDetails buyer, EInvoiceDocument document, IReadOnlyList<EInvoiceLine> lines,
        EInvoiceTransport? transport)
    {
        ArgumentOutOfRangeException.ThrowIfZero(lines.Count);
        Invariant.Assert((document.Type == EInvoiceDocumentType.Invoice) == (document.OriginalInvoice is null));
        var kind = buyer.PlaceOfSupply == Gstin.StateCode(seller.Gstin) ? SupplyKind.IntraState : SupplyKind.InterState;
        var items = new List<InvoiceItem>(lines.Count);
        long taxablePaise = 0, cgstPaise = 0, sgstPaise = 0, igstPaise = 0;
        foreach (var line in lines)
        {
            var tax = line.Tax(kind);
            items.Add(Item(items.Count + 1, line, tax));
            taxablePaise = checked(taxablePaise + tax.TaxablePaise);
            cgstPaise = checked(cgstPaise + tax.CgstPaise);
            sgstPaise = checked(sgstPaise + tax.SgstPaise);
            igstPaise = checked(igstPaise + tax.IgstPaise);
        }

        var exactPaise = checked(taxablePaise + cgstPaise + sgstPaise + igstPaise);
        Invariant.Assert(Math.Abs(document.RoundOffPaise) < Money.Paise.PerRupee);
        Invariant.Assert(document.TotalPaise == checked(exactPaise + document.RoundOffPaise));
        var values = new ValueDetails(
            Rupees(taxablePaise), Rupees(cgstPaise), Rupees(sgstPaise), Rupees(igstPaise), Rupees(document.RoundOffPaise),
            Rupees(document.TotalPaise));
        return new EInvoicePayload(
            EInvoicePayload.SchemaVersion,
            new TransactionDetails("GST", "B2B", ReverseCharge: "N", IgstOnIntraState: "N"),
            new DocumentDetails(DocumentTypes.Code(document.Type), document.Number, DocumentDates.Text(document.Date)),
            seller,
            buyer,
            items,
            values,
            References(document.OriginalInvoice),
            Transport(transport));
    }

    /// <summary>Paise as NIC's rupees with two decimals.</summary>
    public static decimal Rupees(long paise) => paise * RupeesPerPaisa;

    private static InvoiceItem Item(int serialNo, EInvoiceLine line, LineTax tax) =>
        new(
            serialNo.ToString(CultureInfo.InvariantCulture),
            line.ProductName,
            // SAC codes (services) start with 99; every other code is goods.
            line.HsnCode.StartsWith("99", StringComparison.Ordinal) ? "Y" : "N",
            line.HsnCode,
            line.Qty,
            line.Unit,
            UnitPriceRupees(line, tax),
            Rupees(tax.GrossPaise),
            // Gross less taxable: the line's discount on an invoice, its share of the original discount on a credit note.
            Rupees(tax.GrossPaise - tax.TaxablePaise),
            Rupees(tax.TaxablePaise),
            line.GstRateBp * RupeesPerPaisa,
            Rupees(tax.IgstPaise),
            Rupees(tax.CgstPaise),
            Rupees(tax.SgstPaise),
            Rupees(tax.TotalPaise));

    // NIC wants the unit price before tax. An inclusive line has none of its own: it is the line's gross before tax per
    // unit, to the schema's three decimals of a rupee, so UnitPrice × Qty meets TotAmt within half a tenth of a paisa per
    // unit (docs/einvoice.md).
    private static decimal UnitPriceRupees(EInvoiceLine line, LineTax tax) =>
        line.TaxInclusive
            ? Math.Round(Rupees(tax.GrossPaise) / line.Qty, 3, MidpointRounding.AwayFromZero)
            : Rupees(line.UnitPricePaise);

    private static ReferenceDetails? References(OriginalInvoice? original) =>
        original is null
            ? null
            : new ReferenceDetails([new PrecedingDocument(original.Number, DocumentDates.Text(original.Date))]);

    private static TransportDetails? Transport(EInvoiceTransport? transport) =>
        transport is null
            ? null
            : new TransportDetails(
                transport.TransporterId,
                transport.TransporterName,
                transport.Mode is { } mode ? ((int)mode).ToString(CultureInfo.InvariantCulture) : null,
                transport.DistanceKm,
                transport.VehicleNo,
                transport.VehicleNo is null ? null : "R");
}

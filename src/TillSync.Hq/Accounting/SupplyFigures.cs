using TillSync.Core.Orders;
using TillSync.Core.Tax;

namespace TillSync.Hq.Accounting;

/// <summary>What a bill or a credit note adds to the GST summary and the day's sales, carried by its journal entry so
/// that the one writer of postings keeps those figures too (<see cref="LedgerBalances"/>).</summary>
/// <param name="Document">A bill (an invoice) or a credit note.</param>
/// <param name="IsB2B">True when the buyer's GSTIN is on the document.</param>
/// <param name="IsInterState">True when IGST applies.</param>
/// <param name="Totals">The document's totals as stored on its row (<c>orders</c> or <c>returns</c>).</param>
/// <param name="Lines">Each line's GST rate and tax, as stored on its line row.</param>
public sealed record SupplyFigures(SupplyDocument Document, bool IsB2B, bool IsInterState, BillTotals Totals, IReadOnlyList<(int GstRateBp, LineTax Tax)> Lines)
{
    /// <summary>The document's tax: CGST + SGST + IGST.</summary>
    public long TaxPaise => checked(Totals.CgstPaise + Totals.SgstPaise + Totals.IgstPaise);

    /// <summary>The GST summary's supply class as stored and shown: <c>B2B</c> or <c>B2C</c>.</summary>
    public string Supply => IsB2B ? "B2B" : "B2C";
}

/// <summary>The two documents of outward supply the GST summary lists apart.</summary>
public enum SupplyDocument
{
    /// <summary>A committed sale's bill.</summary>
    Invoice = 1,

    /// <summary>A committed return's credit note.</summary>
    CreditNote,
}

/// <summary><see cref="SupplyDocument"/> as <c>ledger_gst_days.document</c> stores it.</summary>
public static class SupplyDocuments
{
    /// <summary>The stored name of <paramref name="document"/>.</summary>
    public static string Stored(SupplyDocument document) => document switch
    {
        SupplyDocument.Invoice => "invoice",
        SupplyDocument.CreditNote => "credit_note",
        _ => throw new ArgumentOutOfRangeException(nameof(document), document, "not a supply document"),
    };
}

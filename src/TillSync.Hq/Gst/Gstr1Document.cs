using TillSync.Hq.Accounting;

namespace TillSync.Hq.Gst;

/// <summary>A bill or a credit note of the period as GSTR-1 reads it, from its row at HQ.</summary>
/// <param name="Kind">Invoice or credit note.</param>
/// <param name="Number">Its bill or credit note number.</param>
/// <param name="Date">Its date (IST).</param>
/// <param name="BuyerGstin">The buyer's GSTIN (B2B), or null.</param>
/// <param name="InterState">True when IGST applies.</param>
/// <param name="PlaceOfSupply">The state code of the place of supply.</param>
/// <param name="TotalPaise">The document's value: its rounded total.</param>
/// <param name="State">Supplied, cancelled at the portal, or rejected by HQ.</param>
/// <param name="AgainstLargeInvoice">For a B2C credit note: its original was a B2CL invoice.</param>
/// <param name="Lines">Its lines (none for a rejected bill).</param>
public sealed record Gstr1Document(
    SupplyDocument Kind, string Number, DateOnly Date, string? BuyerGstin, bool InterState, string PlaceOfSupply, long TotalPaise,
    Gstr1DocumentState State, bool AgainstLargeInvoice, IReadOnlyList<Gstr1Line> Lines);

/// <summary>One line's figures: its rate, its product's HSN code and unit, quantity in thousandths, value and tax.</summary>
public sealed record Gstr1Line(int GstRateBp, string Hsn, string Unit, long QtyMilli, long TaxablePaise, long CgstPaise, long SgstPaise, long IgstPaise);

/// <summary>What became of a document, for the return.</summary>
public enum Gstr1DocumentState
{
    /// <summary>A supply the return reports.</summary>
    Supplied = 1,

    /// <summary>Its e-invoice was cancelled at the portal: counted as cancelled in the document summary, reported nowhere else.</summary>
    CancelledAtPortal,

    /// <summary>A bill HQ rejected: its number was used, the supply is not in the books; counted as cancelled.</summary>
    Rejected,
}

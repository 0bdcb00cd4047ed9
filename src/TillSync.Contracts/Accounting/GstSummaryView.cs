namespace TillSync.Contracts.Accounting;

/// <summary>Outward supplies of a period by supply type, place and rate: what a GSTR-1 return needs.</summary>
/// <param name="From">First invoice date included (yyyy-MM-dd, India Standard Time), or null.</param>
/// <param name="To">Last invoice date included, or null.</param>
/// <param name="StoreId">The store, or null for every store.</param>
/// <param name="Rows">One row per (B2B/B2C, intra/inter-state, rate).</param>
/// <param name="Totals">The sum of the rows.</param>
/// <param name="CreditNotes">Credit notes (committed returns) dated in the period, apart from the bills: one row per
/// (B2B/B2C, intra/inter-state, rate), <c>Invoices</c> counting credit notes; their tax reduces the period's liability.</param>
/// <param name="CreditNoteTotals">The sum of the credit note rows.</param>
public sealed record GstSummaryView(
    string? From, string? To, long? StoreId, IReadOnlyList<GstSummaryRow> Rows, GstSummaryRow Totals,
    IReadOnlyList<GstSummaryRow>? CreditNotes = null, GstSummaryRow? CreditNoteTotals = null);

/// <summary>Invoices and their tax for one class of supply.</summary>
/// <param name="Supply"><c>B2B</c> (buyer GSTIN on the bill) or <c>B2C</c>; <c>all</c> on the totals row.</param>
/// <param name="InterState">True when IGST applies; null on the totals row.</param>
/// <param name="GstRateBp">The rate in basis points; null on the totals row.</param>
/// <param name="Invoices">Bills with at least one line at this rate.</param>
/// <param name="TaxablePaise">Taxable value.</param>
/// <param name="CgstPaise">Central tax.</param>
/// <param name="SgstPaise">State tax.</param>
/// <param name="IgstPaise">Integrated tax.</param>
public sealed record GstSummaryRow(
    string Supply, bool? InterState, int? GstRateBp, long Invoices, long TaxablePaise, long CgstPaise, long SgstPaise, long IgstPaise);

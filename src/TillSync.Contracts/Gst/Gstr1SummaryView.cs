namespace TillSync.Contracts.Gst;

/// <summary>A GSTR-1 return's figures by section in paise, with the journal's movements beside them
/// (<c>GET /api/v1/gst/gstr1/summary</c>, the <c>/gstr1</c> page; docs/gst.md).</summary>
/// <param name="Period">The filing period, <c>MMyyyy</c>.</param>
/// <param name="StoreId">The store.</param>
/// <param name="Gstin">The store's GSTIN.</param>
/// <param name="Sections">One row per section: <c>b2b</c>, <c>b2cl</c>, <c>b2cs</c> (net of its credit notes),
/// <c>cdnr</c>, <c>cdnur</c>, <c>hsn</c> (net of credit notes).</param>
/// <param name="Net">b2b + b2cl + b2cs − cdnr − cdnur: the period's outward supplies and tax.</param>
/// <param name="Documents">The document summary, one row per series.</param>
/// <param name="Journal">Per account (GST payable by tax and rate, and sales), the return's figure, the figure of
/// documents cancelled at the portal that the journal still carries, the journal's movement in the period (credits less
/// debits), and what is left: journal − return − cancelled.</param>
/// <param name="TiesToJournal">True when every account's difference is 0.</param>
public sealed record Gstr1SummaryView(
    string Period, long StoreId, string Gstin, IReadOnlyList<Gstr1SectionTotals> Sections, Gstr1SectionTotals Net,
    IReadOnlyList<Gstr1SeriesView> Documents, IReadOnlyList<Gstr1JournalTie> Journal, bool TiesToJournal);

/// <summary>One section's totals.</summary>
/// <param name="Section">The portal's name of the section, or <c>net</c>.</param>
/// <param name="Documents">Invoices or credit notes in the section (for <c>b2cs</c> and <c>hsn</c>: its rows).</param>
/// <param name="TaxablePaise">Taxable value.</param>
/// <param name="CgstPaise">Central tax.</param>
/// <param name="SgstPaise">State tax.</param>
/// <param name="IgstPaise">Integrated tax.</param>
public sealed record Gstr1SectionTotals(string Section, long Documents, long TaxablePaise, long CgstPaise, long SgstPaise, long IgstPaise);

/// <summary>One series of the document summary.</summary>
/// <param name="Nature"><c>invoices</c> or <c>credit notes</c>.</param>
/// <param name="From">First number in the period.</param>
/// <param name="To">Last number in the period.</param>
/// <param name="Total">Documents of the series HQ holds.</param>
/// <param name="Cancelled">Of these, cancelled at the portal or rejected by HQ.</param>
/// <param name="NetIssued">Total − cancelled.</param>
/// <param name="Missing">Numbers between From and To that HQ does not hold (a till that has not synced yet).</param>
public sealed record Gstr1SeriesView(string Nature, string From, string To, long Total, long Cancelled, long NetIssued, long Missing);

/// <summary>One account of the tie between the return and the journal, in paise, credits positive.</summary>
/// <param name="Account">The journal account.</param>
/// <param name="ReturnPaise">What the return reports for it.</param>
/// <param name="CancelledPaise">What documents cancelled at the portal posted to it (the journal keeps them).</param>
/// <param name="JournalPaise">The account's movement in the period: credits less debits.</param>
/// <param name="DifferencePaise">Journal − return − cancelled: 0 when they tie.</param>
public sealed record Gstr1JournalTie(string Account, long ReturnPaise, long CancelledPaise, long JournalPaise, long DifferencePaise);

using TillSync.Contracts.Accounting;
using TillSync.Contracts.Gst;
using TillSync.Hq.Accounting;

namespace TillSync.Hq.Gst;

/// <summary>A return's figures by section in paise and their tie to the journal (docs/gst.md): per GST payable account
/// and <c>revenue:sales</c>, what the return reports plus what documents cancelled at the portal posted (the journal keeps
/// a cancelled bill's entry) must equal the account's movement in the period. What is left names GST the journal moved
/// without a document, such as a <c>credit_note</c> resolution of a review item.</summary>
public static class Gstr1Summary
{
    private const string GstPayable = "liabilities:gst:";

    /// <summary>The summary of <paramref name="documents"/> beside <paramref name="books"/>, the same store's trial balance
    /// of the same month.</summary>
    public static Gstr1SummaryView Of(Gstr1Period period, long storeId, string gstin, IReadOnlyList<Gstr1Document> documents, TrialBalanceView books)
    {
        var supplied = documents.Where(d => d.State == Gstr1DocumentState.Supplied).ToList();
        var sections = Gstr1Sections.All.Select(s => (Section: s, Totals: Section(s, supplied))).ToList();
        var net = sections.Aggregate(default(Gstr1Figures), (sum, s) => sum + Figures(s.Totals).Times(Gstr1Sections.Sign(s.Section)));
        var hsn = Gstr1Builder.Hsn(supplied);
        var hsnTotals = Totals("hsn", hsn.Count, hsn.Aggregate(default(Gstr1Figures), (sum, r) => sum + r.Figures));
        var ties = Ties(Postings(supplied), Postings(documents.Where(d => d.State == Gstr1DocumentState.CancelledAtPortal)), books);
        return new Gstr1SummaryView(period.Fp, storeId, gstin, [.. sections.Select(s => s.Totals), hsnTotals],
            Totals("net", supplied.Count, net),
            [.. Gstr1DocumentSummary.Of(documents).Select(s => new Gstr1SeriesView(
                s.Kind == SupplyDocument.Invoice ? "invoices" : "credit notes", s.From, s.To, s.Total, s.Cancelled, s.Total - s.Cancelled, s.Missing))],
            ties, ties.All(t => t.DifferencePaise == 0));
    }

    private static Gstr1SectionTotals Section(Gstr1Section section, List<Gstr1Document> supplied)
    {
        var documents = supplied.Where(d => Gstr1Sections.Of(d) == section).ToList();
        if (section == Gstr1Section.B2cs)
        {
            var rows = Gstr1Builder.B2cs(documents);
            return Totals(Gstr1Sections.Name(section), rows.Count, rows.Aggregate(default(Gstr1Figures), (sum, r) => sum + r.Figures));
        }

        return Totals(Gstr1Sections.Name(section), documents.Count,
            documents.SelectMany(d => d.Lines).Aggregate(default(Gstr1Figures), (sum, l) => sum + Gstr1Figures.Of(l)));
    }

    private static Gstr1SectionTotals Totals(string name, long documents, Gstr1Figures f) =>
        new(name, documents, f.TaxablePaise, f.CgstPaise, f.SgstPaise, f.IgstPaise);

    private static Gstr1Figures Figures(Gstr1SectionTotals t) => new(t.TaxablePaise, t.CgstPaise, t.SgstPaise, t.IgstPaise);

    // What the documents' journal entries credit to sales and to GST payable per tax and rate (a credit note debits them),
    // as SaleEntry and ReturnEntry post them: credits positive.
    private static Dictionary<string, long> Postings(IEnumerable<Gstr1Document> documents)
    {
        var byAccount = new Dictionary<string, long>(StringComparer.Ordinal);
        void Add(string account, long paise)
        {
            if (paise != 0)
            {
                byAccount[account] = checked(byAccount.GetValueOrDefault(account) + paise);
            }
        }

        foreach (var document in documents)
        {
            var sign = document.Kind == SupplyDocument.Invoice ? 1 : -1;
            foreach (var line in document.Lines)
            {
                Add(Accounts.Sales, checked(line.TaxablePaise * sign));
                Add(Accounts.Cgst(line.GstRateBp), checked(line.CgstPaise * sign));
                Add(Accounts.Sgst(line.GstRateBp), checked(line.SgstPaise * sign));
                Add(Accounts.Igst(line.GstRateBp), checked(line.IgstPaise * sign));
            }
        }

        return byAccount;
    }

    private static List<Gstr1JournalTie> Ties(Dictionary<string, long> reported, Dictionary<string, long> cancelled, TrialBalanceView books)
    {
        var journal = books.Rows.Where(r => r.Account == Accounts.Sales || r.Account.StartsWith(GstPayable, StringComparison.Ordinal))
            .ToDictionary(r => r.Account, r => checked(r.CreditPaise - r.DebitPaise), StringComparer.Ordinal);
        return [.. reported.Keys.Union(cancelled.Keys).Union(journal.Keys).Order(StringComparer.Ordinal)
            .Select(a => (Account: a, Reported: reported.GetValueOrDefault(a), Cancelled: cancelled.GetValueOrDefault(a), Journal: journal.GetValueOrDefault(a)))
            .Where(t => t.Reported != 0 || t.Cancelled != 0 || t.Journal != 0)
            .Select(t => new Gstr1JournalTie(t.Account, t.Reported, t.Cancelled, t.Journal, checked(t.Journal - t.Reported - t.Cancelled)))];
    }
}

using System.Globalization;
using TillSync.Contracts.Gst;
using TillSync.Hq.Accounting;

namespace TillSync.Hq.Gst;

/// <summary>GSTR-1's document summary (table 13): per series of bills (<c>T01/2627/</c>) and of credit notes
/// (<c>T01/2627/C</c>), the first and last number of the period, the documents HQ holds, and of these the cancelled ones
/// — an e-invoice cancelled at the portal, or a bill HQ rejected (its number was used; it is no supply in the books).</summary>
public static class Gstr1DocumentSummary
{
    /// <summary>The portal's nature of document for invoices for outward supply.</summary>
    public const int InvoicesNature = 1;

    /// <summary>The portal's nature of document for credit notes.</summary>
    public const int CreditNotesNature = 5;

    /// <summary>The series of <paramref name="documents"/>, invoices first, each in its prefix's order.</summary>
    public static IReadOnlyList<Gstr1Series> Of(IEnumerable<Gstr1Document> documents) =>
        [.. documents
            .Select(d => (Document: d, Number: Split(d)))
            .Where(x => x.Number is not null)
            .GroupBy(x => (x.Document.Kind, x.Number!.Value.Series))
            .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Series, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.MinBy(x => x.Number!.Value.Running);
                var last = g.MaxBy(x => x.Number!.Value.Running);
                var numbers = g.Select(x => x.Number!.Value.Running).Distinct().Count();
                return new Gstr1Series(g.Key.Kind, first.Document.Number, last.Document.Number, g.Count(),
                    g.Count(x => x.Document.State != Gstr1DocumentState.Supplied),
                    checked(last.Number!.Value.Running - first.Number!.Value.Running + 1 - numbers));
            })];

    /// <summary>The series as the portal's <c>doc_det</c>.</summary>
    public static IReadOnlyList<Gstr1DocNature> Natures(IEnumerable<Gstr1Document> documents) =>
        [.. Of(documents).GroupBy(s => s.Kind).Select(g => new Gstr1DocNature(
            g.Key == SupplyDocument.Invoice ? InvoicesNature : CreditNotesNature,
            [.. g.Select((s, i) => new Gstr1DocSeries(i + 1, s.From, s.To, s.Total, s.Cancelled, s.Total - s.Cancelled))]))];

    // A number's series (everything before its running part: "T01/2627/", or "T01/2627/C" for a credit note) and its
    // running number; null for a number of another shape (a rejected bill may carry one).
    private static (string Series, long Running)? Split(Gstr1Document document)
    {
        var slash = document.Number.LastIndexOf('/');
        var start = slash + (document.Kind == SupplyDocument.CreditNote ? 2 : 1);
        if (slash < 0 || start >= document.Number.Length
            || (document.Kind == SupplyDocument.CreditNote && document.Number[slash + 1] != 'C')
            || !long.TryParse(document.Number.AsSpan(start), NumberStyles.None, CultureInfo.InvariantCulture, out var running))
        {
            return null;
        }

        return (document.Number[..start], running);
    }
}

using System.Globalization;
using TillSync.Contracts.Gst;
using TillSync.Hq.Accounting;
using static TillSync.Hq.Gst.Gstr1Figures;

namespace TillSync.Hq.Gst;

/// <summary>Writes the period's documents as the portal's GSTR-1 JSON (docs/gst.md): each supplied document in its
/// section, B2C small supplies summed by supply type, place and rate net of their credit notes, the HSN summary net of
/// credit notes, and the document summary. Pure: the same documents give the same return.</summary>
public static class Gstr1Builder
{
    private const string NoReverseCharge = "N";
    private const string RegularInvoice = "R";
    private const string CreditNote = "C";
    private const string NotThroughECommerce = "OE";

    /// <summary>The return of <paramref name="gstin"/> for <paramref name="period"/>.</summary>
    public static Gstr1Return Build(string gstin, Gstr1Period period, IReadOnlyList<Gstr1Document> documents)
    {
        var supplied = documents.Where(d => d.State == Gstr1DocumentState.Supplied).ToList();
        List<Gstr1Document> In(Gstr1Section section) => [.. supplied.Where(d => Gstr1Sections.Of(d) == section).OrderBy(d => d.Number, StringComparer.Ordinal)];
        return new Gstr1Return(
            gstin, period.Fp,
            [.. In(Gstr1Section.B2b).GroupBy(d => d.BuyerGstin!).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Gstr1B2bBuyer(g.Key, [.. g.Select(B2bInvoice)]))],
            [.. In(Gstr1Section.B2cl).GroupBy(d => d.PlaceOfSupply).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Gstr1B2clPlace(g.Key, [.. g.Select(d => new Gstr1B2clInvoice(d.Number, Date(d.Date), Rupees(d.TotalPaise), IgstItems(d)))]))],
            B2csRows(In(Gstr1Section.B2cs)),
            [.. In(Gstr1Section.Cdnr).GroupBy(d => d.BuyerGstin!).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Gstr1CdnrBuyer(g.Key, [.. g.Select(d => new Gstr1CdnrNote(
                    CreditNote, d.Number, Date(d.Date), Rupees(d.TotalPaise), d.PlaceOfSupply, NoReverseCharge, RegularInvoice, Items(d)))]))],
            [.. In(Gstr1Section.Cdnur).Select(d => new Gstr1CdnurNote("B2CL", CreditNote, d.Number, Date(d.Date), Rupees(d.TotalPaise), d.PlaceOfSupply, IgstItems(d)))],
            new Gstr1Hsn(HsnRows(supplied)),
            new Gstr1DocIssue(Gstr1DocumentSummary.Natures(documents)));
    }

    /// <summary>The portal's date: <c>dd-MM-yyyy</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>The HSN summary's rows as figures: per (HSN code, unit, rate), invoices less credit notes, with the quantity
    /// in thousandths; in code, unit and rate order.</summary>
    public static IReadOnlyList<(string Hsn, string Unit, int GstRateBp, long QtyMilli, Gstr1Figures Figures)> Hsn(IEnumerable<Gstr1Document> supplied) =>
        [.. supplied
            .SelectMany(d => d.Lines.Select(l => (Line: l, Sign: d.Kind == SupplyDocument.Invoice ? 1 : -1)))
            .GroupBy(x => (x.Line.Hsn, x.Line.Unit, x.Line.GstRateBp))
            .OrderBy(g => g.Key.Hsn, StringComparer.Ordinal).ThenBy(g => g.Key.Unit, StringComparer.Ordinal).ThenBy(g => g.Key.GstRateBp)
            .Select(g => (g.Key.Hsn, g.Key.Unit, g.Key.GstRateBp, g.Sum(x => checked(x.Line.QtyMilli * x.Sign)),
                g.Aggregate(default(Gstr1Figures), (sum, x) => sum + Of(x.Line).Times(x.Sign))))];

    /// <summary>The B2C small rows as figures: per (inter-state, place of supply, rate), invoices less credit notes.</summary>
    public static IReadOnlyList<(bool InterState, string PlaceOfSupply, int GstRateBp, Gstr1Figures Figures)> B2cs(IEnumerable<Gstr1Document> b2cs) =>
        [.. b2cs
            .SelectMany(d => ByRate(d.Lines).Select(r => (d.InterState, d.PlaceOfSupply, r.GstRateBp, Figures: r.Figures.Times(d.Kind == SupplyDocument.Invoice ? 1 : -1))))
            .GroupBy(x => (x.InterState, x.PlaceOfSupply, x.GstRateBp))
            .OrderBy(g => g.Key.InterState).ThenBy(g => g.Key.PlaceOfSupply, StringComparer.Ordinal).ThenBy(g => g.Key.GstRateBp)
            .Select(g => (g.Key.InterState, g.Key.PlaceOfSupply, g.Key.GstRateBp, g.Aggregate(default(Gstr1Figures), (sum, x) => sum + x.Figures)))];

    private static Gstr1B2bInvoice B2bInvoice(Gstr1Document d) =>
        new(d.Number, Date(d.Date), Rupees(d.TotalPaise), d.PlaceOfSupply, NoReverseCharge, RegularInvoice, Items(d));

    private static List<Gstr1Item> Items(Gstr1Document d) =>
        [.. ByRate(d.Lines).Select((r, i) => new Gstr1Item(i + 1, new Gstr1ItemDetail(
            Percent(r.GstRateBp), Rupees(r.Figures.TaxablePaise), Rupees(r.Figures.IgstPaise), Rupees(r.Figures.CgstPaise), Rupees(r.Figures.SgstPaise), Rupees(0))))];

    private static List<Gstr1IgstItem> IgstItems(Gstr1Document d) =>
        [.. ByRate(d.Lines).Select((r, i) => new Gstr1IgstItem(i + 1, new Gstr1IgstDetail(
            Percent(r.GstRateBp), Rupees(r.Figures.TaxablePaise), Rupees(r.Figures.IgstPaise), Rupees(0))))];

    private static List<Gstr1B2csRow> B2csRows(IEnumerable<Gstr1Document> b2cs) =>
        [.. B2cs(b2cs).Select(r => new Gstr1B2csRow(r.InterState ? "INTER" : "INTRA", r.PlaceOfSupply, NotThroughECommerce, Percent(r.GstRateBp),
            Rupees(r.Figures.TaxablePaise), Rupees(r.Figures.IgstPaise), Rupees(r.Figures.CgstPaise), Rupees(r.Figures.SgstPaise), Rupees(0)))];

    private static List<Gstr1HsnRow> HsnRows(IEnumerable<Gstr1Document> supplied) =>
        [.. Hsn(supplied).Select((r, i) => new Gstr1HsnRow(i + 1, r.Hsn, r.Unit, Math.Round(r.QtyMilli * 0.001m, 2, MidpointRounding.AwayFromZero),
            Percent(r.GstRateBp), Rupees(r.Figures.TaxablePaise), Rupees(r.Figures.IgstPaise), Rupees(r.Figures.CgstPaise), Rupees(r.Figures.SgstPaise), Rupees(0)))];
}

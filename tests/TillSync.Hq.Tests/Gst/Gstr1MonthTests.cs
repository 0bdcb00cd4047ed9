// Proves GSTR-1 over a simulated month against real HQ and IRP processes (SQLite, or PostgreSQL with
// TILLSYNC_TEST_STORE=postgres): B2B bills within the state and across it, a B2C large and B2C small bills, credit notes to
// a registered buyer, against the B2C large bill and against a small one, several HSN codes and rates, and a B2B bill
// registered and then cancelled at the portal. Each section holds exactly its documents, the cancelled bill is only in
// the document summary's cancellations, and every section's tax equals the journal's GST payable movements to the paisa.
using TillSync.Contracts.Gst;
using TillSync.Contracts.Sync;
using TillSync.Hq.Tests.EInvoicing;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Gst;

public sealed class Gstr1MonthTests(EInvoiceFixture fixture) : IClassFixture<EInvoiceFixture>
{
    [Fact]
    public async Task Gstr1_SimulatedMonth_EverySectionEqualsTheJournal_AndTheCancelledBillIsOnlyCancelled()
    {
        var till = await HqScenario.EnrolTillAsync(fixture.Hq, version: SyncVersion.V2);
        // One moment for every document, so that a run at midnight cannot split the month.
        var at = OrderFactory.Now().AddMinutes(-5);
        var month = await Gstr1Month.SyncAsync(till, _ => at, EInvoiceFixture.Buyer, EInvoiceFixture.InterStateBuyer);
        var cancelled = month.Sales[6];
        await Eventually.UntilAsync(() => fixture.FindAsync(cancelled.ClientOrderId), e => e?.Status == "registered", Patience.Exchanges,
            $"{cancelled.BillNo} to be registered", fixture.Hq);
        using (var cancel = await fixture.CancelAsync(cancelled.ClientOrderId, "2", "Wrong buyer GSTIN keyed in"))
        {
            await Responses.ExpectStatusAsync(cancel, System.Net.HttpStatusCode.OK, fixture.Hq);
        }

        var period = at.ToString("MMyyyy", System.Globalization.CultureInfo.InvariantCulture);
        var calls = new Gstr1Calls(fixture.Hq);
        var (gstr1, _) = await calls.ReturnAsync(period);
        var summary = await calls.SummaryAsync(period);
        var first = new DateOnly(at.Year, at.Month, 1);
        var books = await new LedgerClient(fixture.Hq).TrialBalanceAsync($"{first:yyyy-MM-dd}", $"{first.AddMonths(1).AddDays(-1):yyyy-MM-dd}");

        var (sales, notes) = (month.Sales, month.CreditNotes);
        Assert.Equal(HqScenario.StoreGstin, gstr1.Gstin);
        Assert.Equal(period, gstr1.Fp);
        Assert.Equal([(EInvoiceFixture.InterStateBuyer.Gstin!, sales[1].BillNo), (EInvoiceFixture.Buyer.Gstin!, sales[0].BillNo)],
            gstr1.B2b.SelectMany(b => b.Inv.Select(i => (b.Ctin, i.Inum))));
        Assert.Equal(Sum(sales[0], sales[1]), Figures(gstr1.B2b.SelectMany(b => b.Inv).SelectMany(i => i.Itms).Select(i => i.ItmDet)));
        Assert.Equal([("27", sales[2].BillNo, Paise(sales[2].Totals.TotalPaise))],
            gstr1.B2cl.SelectMany(p => p.Inv.Select(i => (p.Pos, i.Inum, i.Val))));
        Assert.Equal(Sum(sales[2]), Figures(gstr1.B2cl.SelectMany(p => p.Inv).SelectMany(i => i.Itms).Select(i => i.ItmDet)));
        Assert.Equal(Sum(sales[3], sales[4], sales[5]) - Sum(notes[2]), Figures(gstr1.B2cs));
        Assert.Equal([("INTRA", "29"), ("INTER", "27")], gstr1.B2cs.Select(r => (r.SplyTy, r.Pos)).Distinct());
        Assert.Equal([(EInvoiceFixture.Buyer.Gstin!, notes[0].CreditNoteNo)], gstr1.Cdnr.SelectMany(b => b.Nt.Select(n => (b.Ctin, n.NtNum))));
        Assert.Equal(Sum(notes[0]), Figures(gstr1.Cdnr.SelectMany(b => b.Nt).SelectMany(n => n.Itms).Select(i => i.ItmDet)));
        Assert.Equal([("B2CL", notes[1].CreditNoteNo, "27")], gstr1.Cdnur.Select(n => (n.Typ, n.NtNum, n.Pos)));
        Assert.Equal(Sum(notes[1]), Figures(gstr1.Cdnur.SelectMany(n => n.Itms).Select(i => i.ItmDet)));

        // The return's net: every supplied bill less every credit note; the cancelled bill is in none of it.
        var net = Sum(sales[0], sales[1], sales[2], sales[3], sales[4], sales[5]) - Sum(notes[0], notes[1], notes[2]);
        Assert.Equal(net, Figures(gstr1.Hsn.Data));
        Assert.Equal(["0401", "0405", "1006", "1701", "1905", "2202", "3401", "7118"], gstr1.Hsn.Data.Select(r => r.HsnSc).Distinct());
        Assert.Equal(net, new Totals(summary.Net.TaxablePaise, summary.Net.CgstPaise, summary.Net.SgstPaise, summary.Net.IgstPaise));

        // The journal moved GST payable and sales by the return's net plus the cancelled bill, which it still carries.
        var journal = new Totals(Credit(books, "revenue:sales"), Credit(books, "liabilities:gst:cgst:"), Credit(books, "liabilities:gst:sgst:"),
            Credit(books, "liabilities:gst:igst:"));
        Assert.Equal(net + Sum(cancelled), journal);
        Assert.True(summary.TiesToJournal, string.Join("; ", summary.Journal.Select(t => $"{t.Account} {t.DifferencePaise}")));
        Assert.Equal(Sum(cancelled).CgstPaise, summary.Journal.Where(t => t.Account.StartsWith("liabilities:gst:cgst:", StringComparison.Ordinal)).Sum(t => t.CancelledPaise));

        var series = gstr1.DocIssue.DocDet;
        Assert.Equal([1, 5], series.Select(d => d.DocNum));
        Assert.Equal(new Gstr1DocSeries(1, sales[0].BillNo, sales[6].BillNo, 7, 1, 6), Assert.Single(series[0].Docs));
        Assert.Equal(new Gstr1DocSeries(1, notes[0].CreditNoteNo, notes[2].CreditNoteNo, 3, 0, 3), Assert.Single(series[1].Docs));
        Assert.Equal([0L, 0L], summary.Documents.Select(s => s.Missing));
    }

    private static decimal Paise(long paise) => paise / 100m;

    private static long Credit(TillSync.Contracts.Accounting.TrialBalanceView books, string prefix) =>
        -books.Rows.Where(r => r.Account.StartsWith(prefix, StringComparison.Ordinal)).Sum(r => r.BalancePaise);

    private static Totals Sum(params OrderDto[] sales) => sales.Aggregate(default(Totals), (sum, s) => sum + Of(s.Totals));

    private static Totals Sum(params TillSync.Contracts.Documents.ReturnDto[] notes) => notes.Aggregate(default(Totals), (sum, n) => sum + Of(n.Totals));

    private static Totals Of(OrderTotalsDto t) => new(t.TaxablePaise, t.CgstPaise, t.SgstPaise, t.IgstPaise);

    private static Totals Figures(IEnumerable<Gstr1ItemDetail> items) =>
        items.Aggregate(default(Totals), (sum, i) => sum + new Totals(Whole(i.Txval), Whole(i.Camt), Whole(i.Samt), Whole(i.Iamt)));

    private static Totals Figures(IEnumerable<Gstr1IgstDetail> items) =>
        items.Aggregate(default(Totals), (sum, i) => sum + new Totals(Whole(i.Txval), 0, 0, Whole(i.Iamt)));

    private static Totals Figures(IEnumerable<Gstr1B2csRow> rows) =>
        rows.Aggregate(default(Totals), (sum, i) => sum + new Totals(Whole(i.Txval), Whole(i.Camt), Whole(i.Samt), Whole(i.Iamt)));

    private static Totals Figures(IEnumerable<Gstr1HsnRow> rows) =>
        rows.Aggregate(default(Totals), (sum, i) => sum + new Totals(Whole(i.Txval), Whole(i.Camt), Whole(i.Samt), Whole(i.Iamt)));

    // Rupees with two decimals back to paise, refusing anything finer.
    private static long Whole(decimal rupees)
    {
        var paise = rupees * 100;
        Assert.Equal(decimal.Truncate(paise), paise);
        return (long)paise;
    }

    private readonly record struct Totals(long TaxablePaise, long CgstPaise, long SgstPaise, long IgstPaise)
    {
        public static Totals operator +(Totals a, Totals b) =>
            new(a.TaxablePaise + b.TaxablePaise, a.CgstPaise + b.CgstPaise, a.SgstPaise + b.SgstPaise, a.IgstPaise + b.IgstPaise);

        public static Totals operator -(Totals a, Totals b) =>
            new(a.TaxablePaise - b.TaxablePaise, a.CgstPaise - b.CgstPaise, a.SgstPaise - b.SgstPaise, a.IgstPaise - b.IgstPaise);
    }
}

// Proves a ₹90 pack priced inclusive of 5 % GST bills ₹90.00 at HQ and that every record agrees to the paisa: the journal
// entry, the GST summary and the e-invoice the IRP simulator registered (unit price before tax, AssAmt, tax, TotInvVal).
// How: a real HQ and IRP simulator process; the sale synced as a till sends it, the signed invoice read back from the IRP.
using System.Text.Json;
using TillSync.Contracts.Sync;
using TillSync.Core.EInvoicing;
using TillSync.Hq.Accounting;
using TillSync.Testing;

namespace TillSync.Hq.Tests.EInvoicing;

public sealed class InclusivePriceEInvoiceTests(EInvoiceFixture fixture) : IClassFixture<EInvoiceFixture>
{
    [Fact]
    public async Task NinetyRupeePack_BillsNinety_JournalGstSummaryAndEInvoiceAgree()
    {
        var till = await fixture.EnrolTillAsync();
        var line = OrderFactory.Line(HqScenario.InclusivePack, 1);
        var sale = till.Orders.Next([line], EInvoiceFixture.Buyer);
        Assert.Equal((true, 9_000L), (line.TaxInclusive, line.MrpPaise!.Value));
        Assert.Equal(new OrderTotalsDto(8_572, 214, 214, 0, 0, 9_000), sale.Totals);

        Assert.Equal(SyncStatus.Created, (await till.SyncOneAsync(sale)).Status);

        var ledger = new LedgerClient(fixture.Hq);
        var entry = (await ledger.JournalAsync()).Single(e => e.Ref == $"sale:{sale.ClientOrderId}");
        var postings = entry.Postings.Where(p => p.Account.StartsWith("revenue:", StringComparison.Ordinal) || p.Account.StartsWith("liabilities:gst:", StringComparison.Ordinal))
            .ToDictionary(p => p.Account, p => p.AmountPaise);
        Assert.Equal(new Dictionary<string, long> { [Accounts.Sales] = -8_572, [Accounts.Cgst(500)] = -214, [Accounts.Sgst(500)] = -214 }, postings);
        Assert.Equal(9_000, entry.Postings.Where(p => p.AmountPaise > 0 && !p.Account.StartsWith("expenses:", StringComparison.Ordinal)).Sum(p => p.AmountPaise));
        var today = OrderFactory.Now().ToString("yyyy-MM-dd");
        var row = Assert.Single((await ledger.GstSummaryAsync(today, today)).Rows);
        Assert.Equal(("B2B", false, 500, 8_572L, 214L, 214L, 0L), (row.Supply, row.InterState, row.GstRateBp, row.TaxablePaise, row.CgstPaise, row.SgstPaise, row.IgstPaise));

        var bill = Assert.Single(await fixture.SettledAsync(till.TillId, 1));
        Assert.True(bill.Status == "registered", $"{bill.DocNo} is {bill.Status}: {bill.LastError}");
        using var irp = fixture.Irp.Client(HqScenario.StoreGstin);
        var atIrp = (await irp.GetByDocumentAsync(EInvoiceDocumentType.Invoice, sale.BillNo, DocumentDates.Of(sale.CreatedAt))).Data!;
        var (_, key) = await irp.PublishedKeyAsync();
        using var signed = JsonDocument.Parse(IrpSignatures.VerifiedData(atIrp.SignedInvoice, key)!);
        var item = Assert.Single(signed.RootElement.GetProperty("ItemList").EnumerateArray());
        decimal Figure(JsonElement e, string name) => e.GetProperty(name).GetDecimal();
        Assert.Equal((85.72m, 85.72m, 85.72m, 2.14m, 2.14m, 90.00m),
            (Figure(item, "UnitPrice"), Figure(item, "TotAmt"), Figure(item, "AssAmt"), Figure(item, "CgstAmt"), Figure(item, "SgstAmt"), Figure(item, "TotItemVal")));
        Assert.Equal(90.00m, Figure(signed.RootElement.GetProperty("ValDtls"), "TotInvVal"));
    }
}

// Proves issue 16's acceptance on real processes and a real browser, once with HQ reachable and once with HQ unreachable
// for the whole shift: a cashier logs in by PIN, opens with a ₹2,000 float, makes three cash sales, one UPI sale and one
// cash refund, picks up ₹500 to the safe, reads the X report and closes ₹100 short. The Z report, HQ's shifts page, HQ's
// journal (checked by `hledger check --strict`) and HQ's API then agree, and HQ holds every document of the shift once.
using System.Globalization;
using Microsoft.Playwright;
using TillSync.Browser.Tests.Harness;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Core.Returns;
using TillSync.Core.Tax;
using TillSync.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(CashierPageSuite.Name)]
public sealed class ShiftDayTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const long FloatPaise = 200_000;
    private const long PickupPaise = 50_000;
    private const long ShortPaise = 10_000;

    // One soap at ₹45.00 + 18 % comes back whole: the refund is its line's value, rounded as Core rounds.
    private static readonly long SoapRefundPaise = BillTotals.Of([ReturnMath.ForLine(1, 4_500, 0, 1_800, 1, SupplyKind.IntraState)]).TotalPaise;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CashierDay_ThreeCashSalesUpiRefundPickup_ClosedHundredShort_TillAndHqAgree(bool hqUnreachable)
    {
        await using var session = await CashierSession.StartAsync(browser, output, $"ShiftDay{(hqUnreachable ? "Offline" : "Online")}",
            linkPerTill: true, openPage: false);
        var cashier = session.Cashier;
        var tillId = session.Enrolment.TillId;
        await session.RunAsync(async () =>
        {
            var link = session.Link(session.Till);
            if (hqUnreachable)
            {
                link.SetMode(LinkMode.Refuse);
            }

            // PIN login and the ₹2,000 float counted into the open dialog (4 × ₹500).
            await cashier.OpenAsync();
            await cashier.WaitForSyncStateAsync(hqUnreachable ? "offline" : "online", Patience.Exchanges);

            var cashSales = new List<(string BillNo, long TotalPaise)>
            {
                await SellAsync(cashier, PaymentMethods.Cash, "RICE-5KG"),
                await SellAsync(cashier, PaymentMethods.Cash, "GHEE-1L"),
                await SellAsync(cashier, PaymentMethods.Cash, "SOAP-125G"),
            };
            var upiSale = await SellAsync(cashier, PaymentMethods.Upi, "COLA-750ML");
            await RefundSoapInCashAsync(cashier, cashSales[2].BillNo);
            await PickUpAsync(cashier, PickupPaise);

            var cashSalesPaise = cashSales.Sum(s => s.TotalPaise);
            var expected = new ShiftExpectedDto(FloatPaise, cashSalesPaise, SoapRefundPaise, 0, PickupPaise, 0, upiSale.TotalPaise);
            await CheckXReportAsync(cashier, expected);
            await session.ScreenshotAsync("x-report");
            await cashier.Page.Keyboard.PressAsync("Escape");
            await Expect(cashier.By("shift-report-dialog")).ToBeHiddenAsync();

            var countedPaise = expected.CashPaise - ShortPaise;
            await CloseShiftAsync(cashier, countedPaise, upiSale.TotalPaise);
            var cash = cashier.Page.Locator("[data-testid=\"z-tender\"][data-tender=\"cash\"]");
            await Expect(cash).ToHaveAttributeAsync("data-variance", (-ShortPaise).ToString(CultureInfo.InvariantCulture));
            await Expect(cash).ToContainTextAsync("−₹100.00");
            await Expect(cashier.Page.Locator("[data-testid=\"z-tender\"][data-tender=\"upi\"]")).ToHaveAttributeAsync("data-variance", "0");
            await session.ReceiptScreenshotAsync("z-report", cashier.By("shift-report"));

            if (hqUnreachable)
            {
                // Nothing of the shift reached HQ while the link was down; then the till syncs it all.
                Assert.Empty(await session.Hq.ShiftsAsync(tillId));
                Assert.Empty(await session.Hq.OrdersAsync(tillId));
                link.SetMode(LinkMode.Pass);
            }

            var shift = await Poll.UntilAsync(() => session.Hq.ShiftsAsync(tillId), s => s.Count == 1 && s[0].ZNumber is not null,
                Patience.Exchanges, s => $"HQ holds {s.Count} shifts of the till, closed: {s.Any(x => x.ZNumber is not null)}");
            await AssertHqHoldsTheShiftOnceAsync(session.Hq, tillId, shift[0], expected, countedPaise, cashSales, upiSale);
            await CheckShiftsPageAsync(session, expected, countedPaise);
        });
    }

    // Scans one unit of SKU (its code is the SKU), reads the priced total and pays it in full by keyboard: F9 takes the
    // total into a cash row, the cashier picks the tender, F9 again records the sale.
    private static async Task<(string BillNo, long TotalPaise)> SellAsync(CashierPage cashier, string method, string sku)
    {
        await cashier.ScanAsync(sku, sku, "1");
        var totalPaise = await cashier.TotalPaiseAsync();
        await cashier.Page.Keyboard.PressAsync("F9");
        var tender = cashier.By("tender-amount").First;
        await Expect(tender).ToBeFocusedAsync();
        if (method != PaymentMethods.Cash)
        {
            await cashier.By("tender-method").First.SelectOptionAsync(method);
            await Expect(cashier.By("tender-method").First).ToHaveValueAsync(method);
        }

        await cashier.Page.Keyboard.PressAsync("F9");
        var billNo = await cashier.WaitForReceiptAsync();
        await Expect(cashier.Receipt.Locator($"[data-testid=\"receipt-payment\"][data-method=\"{method}\"]")).ToHaveCountAsync(1);
        await cashier.CloseReceiptAsync();
        return (billNo, totalPaise);
    }

    private static async Task RefundSoapInCashAsync(CashierPage cashier, string billNo)
    {
        await cashier.FindForReturnAsync(billNo, billNo);
        await cashier.Page.Keyboard.TypeAsync("1");
        await cashier.By("return-refund-method").SelectOptionAsync(RefundMethods.Cash);
        await cashier.WaitForReturnTotalAsync(SoapRefundPaise);
        await cashier.Page.Keyboard.PressAsync("F9");
        await cashier.WaitForCreditNoteAsync();
        await Expect(cashier.CreditNote.GetByTestId("credit-note-refund")).ToHaveAttributeAsync("data-method", RefundMethods.Cash);
        await cashier.CloseReceiptAsync();
    }

    // F3 opens the shift menu on "Cash in or out"; the reason starts at the pickup to the safe.
    private static async Task PickUpAsync(CashierPage cashier, long amountPaise)
    {
        var keyboard = cashier.Page.Keyboard;
        await keyboard.PressAsync("F3");
        await Expect(cashier.By("shift-menu-cash")).ToBeFocusedAsync();
        await keyboard.PressAsync("Enter");
        await Expect(cashier.By("cash-amount")).ToBeFocusedAsync();
        await Expect(cashier.By("cash-reason")).ToHaveValueAsync("pickup_to_safe");
        await keyboard.TypeAsync((amountPaise / 100).ToString(CultureInfo.InvariantCulture));
        await keyboard.PressAsync("Enter");
        await Expect(cashier.By("shift-cash-dialog")).ToBeHiddenAsync();
    }

    private static async Task CheckXReportAsync(CashierPage cashier, ShiftExpectedDto expected)
    {
        await cashier.Page.Keyboard.PressAsync("F3");
        await cashier.By("shift-menu-x").ClickAsync();
        var report = cashier.By("shift-report");
        await Expect(report).ToHaveAttributeAsync("data-kind", "x");
        await Expect(report.GetByTestId("report-float")).ToContainTextAsync(Rupees(expected.FloatPaise));
        await Expect(report.GetByTestId("report-cash-sales")).ToContainTextAsync(Rupees(expected.CashSalesPaise));
        await Expect(report.GetByTestId("report-cash-refunds")).ToContainTextAsync(Rupees(expected.CashRefundsPaise));
        await Expect(report.GetByTestId("report-cash-in")).ToContainTextAsync(Rupees(0));
        await Expect(report.GetByTestId("report-cash-out")).ToContainTextAsync(Rupees(expected.CashOutPaise));
        await Expect(report.GetByTestId("report-card")).ToContainTextAsync(Rupees(0));
        await Expect(report.GetByTestId("report-upi")).ToContainTextAsync(Rupees(expected.UpiPaise));
        await Expect(report.GetByTestId("x-expected-cash")).ToContainTextAsync(Rupees(expected.CashPaise));
        await Expect(report.GetByTestId("report-sales")).ToContainTextAsync("Sales (4)");
        await Expect(report.GetByTestId("report-refunds")).ToContainTextAsync("Refunds (1)");
    }

    // The blind count: cash by denomination (largest notes first), the UPI slips' total, Enter.
    private static async Task CloseShiftAsync(CashierPage cashier, long countedPaise, long upiSlipsPaise)
    {
        await cashier.Page.Keyboard.PressAsync("F3");
        await cashier.By("shift-menu-close").ClickAsync();
        await Expect(cashier.By("close-count-50000")).ToBeFocusedAsync();
        var left = countedPaise;
        foreach (var denominationPaise in Denominations.AllPaise)
        {
            var count = left / denominationPaise;
            left -= count * denominationPaise;
            if (count > 0)
            {
                await cashier.By($"close-count-{denominationPaise}").FillAsync(count.ToString(CultureInfo.InvariantCulture));
            }
        }

        Assert.Equal(0, left);
        await Expect(cashier.By("close-count-total")).ToHaveTextAsync(Rupees(countedPaise));
        await cashier.By("close-upi").FillAsync((upiSlipsPaise / 100m).ToString("0.00", CultureInfo.InvariantCulture));
        await cashier.By("close-upi").PressAsync("Enter");
        await Expect(cashier.By("shift-close-dialog")).ToBeHiddenAsync();
        await Expect(cashier.By("shift-report")).ToHaveAttributeAsync("data-kind", "z");
        await Expect(cashier.By("shift-state")).ToHaveAttributeAsync("data-open", "false");
    }

    // Once each: the open, four sales, the return, the pickup and the close are tillSeq 1 to 8, with no gap; the journal
    // holds one pickup entry and one cash-short entry, and passes hledger's strict check.
    private static async Task AssertHqHoldsTheShiftOnceAsync(HqServer hq, long tillId, ShiftView shift, ShiftExpectedDto expected, long countedPaise,
        IReadOnlyList<(string BillNo, long TotalPaise)> cashSales, (string BillNo, long TotalPaise) upiSale)
    {
        Assert.Equal((1L, expected, expected, false), (shift.ZNumber, shift.Expected, shift.HqExpected, shift.ExpectedDiffers));
        Assert.Equal((countedPaise, -ShortPaise, PickupPaise, 0L), (shift.CountedCashPaise, shift.CashVariancePaise, shift.CashOutPaise, shift.CashInPaise));
        Assert.Equal(upiSale.TotalPaise, shift.UpiSlipsPaise);

        var orders = await hq.OrdersAsync(tillId);
        Assert.Equal([.. cashSales.Select(s => s.BillNo), upiSale.BillNo], orders.Select(o => o.Order.BillNo));
        Assert.Equal([2L, 3, 4, 5], orders.Select(o => o.TillSeq));
        Assert.Single(await hq.CreditNotesAsync(tillId));
        Assert.Equal(9, (await hq.TillsAsync()).Single(t => t.TillId == tillId).NextSeq);

        var journal = await hq.JournalAsync();
        var pickup = Assert.Single(journal, e => e.Kind == "cash_movement");
        Assert.Equal([("assets:cash", -PickupPaise), ("assets:cash:safe", PickupPaise)],
            pickup.Postings.Select(p => (p.Account, p.AmountPaise)).Order());
        var variance = Assert.Single(journal, e => e.Kind == "cash_variance");
        Assert.Equal([("assets:cash", -ShortPaise), ("expenses:cash-short", ShortPaise)],
            variance.Postings.Select(p => (p.Account, p.AmountPaise)).Order());
        Assert.Equal(journal.Count, journal.Select(e => (e.Kind, e.Ref)).Distinct().Count());

        var file = Path.Combine(hq.DataDir, "export.journal");
        await File.WriteAllTextAsync(file, await hq.HledgerJournalAsync());
        var (exitCode, checkOutput) = await Hledger.RunAsync(file, "check", "--strict");
        Assert.True(exitCode == 0, $"hledger check --strict failed ({exitCode}):\n{checkOutput}");
        var balances = await Hledger.BalancesPaiseAsync(file);
        Assert.Equal((PickupPaise, ShortPaise), (balances["assets:cash:safe"], balances["expenses:cash-short"]));
    }

    // HQ's shifts page, in the browser as a manager opens it: today's shift with the same figures and its Z report.
    private async Task CheckShiftsPageAsync(CashierSession session, ShiftExpectedDto expected, long countedPaise)
    {
        await using var context = await browser.NewContextAsync(new() { Locale = "en-IN", TimezoneId = "Asia/Kolkata", AcceptDownloads = true });
        var page = await BackOffice.OpenAsync(context, session.Hq, "/shifts");
        var row = page.GetByTestId("shift-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToHaveAttributeAsync("data-variance", (-ShortPaise).ToString(CultureInfo.InvariantCulture));
        await Expect(row).ToHaveAttributeAsync("data-differs", "false");
        await Expect(row.GetByTestId("expected-cash")).ToHaveTextAsync(Plain(expected.CashPaise));
        await Expect(row.GetByTestId("counted-cash")).ToHaveTextAsync(Plain(countedPaise));
        await Expect(row.GetByTestId("variance")).ToHaveTextAsync("−100.00");
        await row.GetByRole(AriaRole.Button, new() { Name = "Z 1" }).ClickAsync();
        var z = page.GetByTestId("z-report");
        await Expect(z).ToContainTextAsync($"Cash expected / counted{Plain(expected.CashPaise)} / {Plain(countedPaise)}");
        await Expect(z).ToContainTextAsync("Cash variance−100.00");
        await Expect(z).ToContainTextAsync($"UPI expected / slips{Plain(expected.UpiPaise)} / {Plain(expected.UpiPaise)}");
        await Expect(z).ToContainTextAsync("HQ's documents agree with the till.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(session.ScreenshotFolder, "hq-shifts.png"), FullPage = true });

        // The day's shifts as a spreadsheet: the same figures, in rupees.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        Assert.StartsWith("shifts-", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Select(l => l.Split(',')).ToList();
        Assert.Equal(2, csv.Count);
        var columns = csv[0].ToList();
        Assert.Equal((Plain(expected.CashPaise), Plain(countedPaise), "'-100.00", "1", "no"), (csv[1][columns.IndexOf("expected_cash_rupees")],
            csv[1][columns.IndexOf("counted_cash_rupees")], csv[1][columns.IndexOf("cash_variance_rupees")], csv[1][columns.IndexOf("z_number")],
            csv[1][columns.IndexOf("till_differs")]));
    }

    // As the till's page writes rupees (en-IN grouping; below one lakh the familiar 1,234.56).
    private static string Rupees(long paise) => "₹" + (paise / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    // As HQ's shifts page writes them: two decimals, no grouping.
    private static string Plain(long paise) => (paise / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}

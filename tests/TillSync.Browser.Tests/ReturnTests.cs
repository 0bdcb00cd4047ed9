// Proves returns and exchanges at the counter, by keyboard and scanner, on real processes and a real browser: a return at
// the till that sold the goods (bill number typed), a partial return that can never take back more than was sold, a
// credit note reprinted from the recent-documents list, and an exchange netted at the counter. The tests check what the
// till stored to send, read from its till.db; a return at another till, and what HQ makes of it, is CrossTillReturnTests.
using System.Globalization;
using TillSync.Browser.Tests.Harness;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Core.Returns;
using TillSync.Core.Tax;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(ReturnsAndBackOfficeSuite.Name)]
public sealed class ReturnTests(BrowserFixture browser, ITestOutputHelper output)
{
    // Three soaps at ₹45.00 + 18 %: two back refund 2/3 of the line, rounded as Core rounds.
    private static readonly long TwoSoapsPaise = BillTotals.Of([ReturnMath.ForLine(3, 4_500, 0, 1_800, 2, SupplyKind.IntraState)]).TotalPaise;
    private static readonly long OneSoapPaise = BillTotals.Of([ReturnMath.ForLine(3, 4_500, 0, 1_800, 1, SupplyKind.IntraState)]).TotalPaise;

    [Fact]
    public async Task ReturnAtTheSameTill_PartialByBillNumber_ThenTheRest_AndTheCreditNoteReprints()
    {
        await using var session = await CashierSession.StartAsync(browser, output, nameof(ReturnAtTheSameTill_PartialByBillNumber_ThenTheRest_AndTheCreditNoteReprints));
        var cashier = session.Cashier;
        var keyboard = cashier.Page.Keyboard;
        await session.RunAsync(async () =>
        {
            var billNo = await cashier.SellForCashAsync(("RICE-5KG", "RICE-5KG", "1"), ("3*SOAP-125G", "SOAP-125G", "3"), ("MILK-500ML", "MILK-500ML", "1"));

            await cashier.FindForReturnAsync(billNo, billNo);
            await Expect(cashier.By("return-source")).ToHaveAttributeAsync("data-source", ReturnSources.Local);
            await keyboard.PressAsync("Enter"); // rice: nothing back; Enter moves to the next line
            await keyboard.TypeAsync("2");      // two soaps
            await keyboard.PressAsync("Tab");
            await keyboard.TypeAsync("D");      // damaged
            await cashier.WaitForReturnTotalAsync(TwoSoapsPaise);
            await session.ScreenshotAsync("return-dialog");
            await keyboard.PressAsync("F9");

            var first = await cashier.WaitForCreditNoteAsync();
            Assert.Equal($"{session.Enrolment.BillPrefix}/{FinancialYear()}/C00001", first);
            await Expect(cashier.CreditNote.GetByTestId("credit-note-original")).ToHaveTextAsync(billNo);
            await Expect(cashier.CreditNote.GetByTestId("credit-note-total")).ToHaveTextAsync(Rupees(TwoSoapsPaise));
            await Expect(cashier.CreditNote.GetByTestId("credit-note-refund")).ToHaveAttributeAsync("data-method", RefundMethods.Cash);
            await session.ReceiptScreenshotAsync("credit-note", cashier.CreditNote);
            await cashier.CloseReceiptAsync();

            // The rest: three were sold and two came back, so two more are refused and one is taken.
            // Typed as fast as a cashier who knows the keys: ↓ and Enter act on the list once it has loaded, in that order.
            await keyboard.PressAsync("F6");
            await keyboard.PressAsync("ArrowDown"); // the newest bill of this till
            await keyboard.PressAsync("Enter");
            await Expect(cashier.By("return-bill-no")).ToHaveTextAsync(billNo);
            var soap = cashier.Page.Locator("[data-testid=\"return-line\"][data-line-no=\"2\"]");
            await Expect(soap.GetByTestId("return-line-returned")).ToHaveTextAsync("2");
            await cashier.ReturnQtyAsync(2, "2");
            await Expect(cashier.By("return-summary")).ToContainTextAsync("at most 1 can come back");
            await cashier.ReturnQtyAsync(2, "1");
            await cashier.WaitForReturnTotalAsync(OneSoapPaise);
            await keyboard.PressAsync("F9");
            var second = await cashier.WaitForCreditNoteAsync();
            Assert.EndsWith("/C00002", second, StringComparison.Ordinal);
            await cashier.CloseReceiptAsync();

            // Reprint the first credit note from the recent documents (F8).
            await keyboard.PressAsync("F8");
            await cashier.Page.Locator($"[data-testid=\"return-row\"][data-bill-no=\"{first}\"]").GetByTestId("reprint").ClickAsync();
            Assert.Equal(first, await cashier.WaitForCreditNoteAsync());
            await Expect(cashier.CreditNote.GetByTestId("credit-note-reprint")).ToHaveTextAsync("REPRINT");
            await Expect(cashier.CreditNote.GetByTestId("credit-note-total")).ToHaveTextAsync(Rupees(TwoSoapsPaise));

            var stored = await TillStore.DocumentsAsync(session.Till, DocumentKinds.Return);
            Assert.Equal([first, second], stored.Select(d => d.Document.Return!.CreditNoteNo));
            var sent = stored[0].Document;
            Assert.Equal((billNo, session.Enrolment.TillId, ReturnSources.Local, TwoSoapsPaise),
                (sent.Return!.Original.BillNo, sent.Return.Original.TillId, sent.Return.Original.Source, sent.Return.Totals.TotalPaise));
            Assert.Equal([(2, "SOAP-125G", 2m, ReturnConditions.Damaged)], sent.Return.Lines.Select(l => (l.OriginalLineNo, l.Sku, l.Qty, l.Condition)));
            Assert.Equal([3L, 4L], stored.Select(d => d.Document.TillSeq)); // after the shift's open and the sale
        });
    }

    [Fact]
    public async Task Exchange_SoapsForGhee_CustomerPaysTheDifference_BothRecordedTogether()
    {
        await using var session = await CashierSession.StartAsync(browser, output, nameof(Exchange_SoapsForGhee_CustomerPaysTheDifference_BothRecordedTogether));
        var cashier = session.Cashier;
        var keyboard = cashier.Page.Keyboard;
        await session.RunAsync(async () =>
        {
            var billNo = await cashier.SellForCashAsync(("3*SOAP-125G", "SOAP-125G", "3"));
            await cashier.FindForReturnAsync(billNo, billNo);
            await keyboard.TypeAsync("2");
            await cashier.WaitForReturnTotalAsync(TwoSoapsPaise);
            await cashier.By("return-refund-method").SelectOptionAsync(RefundMethods.Exchange);
            await keyboard.PressAsync("F9");
            await Expect(cashier.By("exchange-banner")).ToBeVisibleAsync();
            await Expect(cashier.By("exchange-banner")).ToHaveAttributeAsync("data-credit-paise", TwoSoapsPaise.ToString(CultureInfo.InvariantCulture));
            await Expect(cashier.CodeInput).ToBeFocusedAsync();

            await cashier.ScanAsync("GHEE-1L", "GHEE-1L", "1");
            var gheePaise = await cashier.TotalPaiseAsync();
            await keyboard.PressAsync("F9");
            await Expect(cashier.By("tender-amount").First).ToHaveValueAsync(Plain(gheePaise - TwoSoapsPaise));
            await session.ScreenshotAsync("exchange-tender");
            await keyboard.PressAsync("F9");

            var newBill = await cashier.WaitForReceiptAsync();
            var creditNoteNo = await cashier.WaitForCreditNoteAsync();
            await Expect(cashier.CreditNote.GetByTestId("credit-note-refund")).ToHaveAttributeAsync("data-method", RefundMethods.Exchange);
            await Expect(cashier.Receipt.Locator($"[data-testid=\"receipt-payment\"][data-method=\"{PaymentMethods.Exchange}\"]")).ToHaveCountAsync(1);
            await session.ReceiptScreenshotAsync("exchange-credit-note", cashier.CreditNote);
            await session.ReceiptScreenshotAsync("exchange-bill");
            await cashier.CloseReceiptAsync();
            await Expect(cashier.By("exchange-banner")).ToBeHiddenAsync();

            var returned = Assert.Single(await TillStore.DocumentsAsync(session.Till, DocumentKinds.Return)).Document;
            var sold = (await TillStore.DocumentsAsync(session.Till, DocumentKinds.Sale)).Select(d => d.Document).Single(d => d.Sale!.BillNo == newBill);
            Assert.Equal((creditNoteNo, returned.TillSeq + 1), (returned.Return!.CreditNoteNo, sold.TillSeq));
            Assert.Equal([new RefundDto(RefundMethods.Exchange, TwoSoapsPaise, sold.DocumentId.ToString("D"))], returned.Return.Refunds);
            Assert.Equal([new PaymentDto(PaymentMethods.Exchange, TwoSoapsPaise), new PaymentDto(PaymentMethods.Cash, gheePaise - TwoSoapsPaise)], sold.Sale!.Payments);
        });
    }

    private static string FinancialYear() => BillNumber.FinancialYear(DateTimeOffset.UtcNow);

    private static string Rupees(long paise) => "₹" + Plain(paise);

    private static string Plain(long paise) => string.Create(CultureInfo.InvariantCulture, $"{paise / 100:#,##0}.{paise % 100:D2}");
}

// Proves a B2B sale rung up on the cashier page with the buyer's address gets its IRN printed: real HQ registering with
// a real IRP simulator, real till; the receipt prints the till's IRN pending registration before HQ registers anything,
// the reprint shows the same IRN with HQ's AckNo, and the QR image the page shows at
// 40 mm decodes (from the image's own pixels) to exactly the IRP's signed QR string, which verifies with the IRP's key.
using TillSync.Browser.Tests.Harness;
using TillSync.Contracts.Orders;
using TillSync.Core.EInvoicing;
using TillSync.Core.Orders;
using TillSync.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(ReturnsAndBackOfficeSuite.Name)]
public sealed class EInvoiceReceiptTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly TimeSpan SyncTimeout = Patience.Exchanges;

    // Registration waits for a sync, the worker and the till's next poll of the updates feed (a 15 s heartbeat).
    private static readonly TimeSpan IrnTimeout = Patience.Exchanges + TimeSpan.FromMinutes(1);

    // The receipt prints the code 40 mm wide; a CSS pixel is 1/96 inch.
    private const double QrPrintCssPixels = 40 / 25.4 * 96;

    [Fact]
    public async Task B2BSaleWithBuyerAddress_ReprintShowsIrnAckNoAndAQrThatDecodesToTheSignedQr()
    {
        await using var irp = await IrpProcess.StartAsync();
        await using var session = await CashierSession.StartAsync(browser, output, nameof(B2BSaleWithBuyerAddress_ReprintShowsIrnAckNoAndAQrThatDecodesToTheSignedQr),
            irp.Access);
        var cashier = session.Cashier;
        await session.RunAsync(async () =>
        {
            await cashier.WaitForSyncStateAsync("online", SyncTimeout);
            await cashier.ScanAsync("GHEE-1L", "GHEE-1L", "1");
            await cashier.By("customer-gstin").FillAsync(Shop.B2BBuyer.Gstin!);
            await cashier.By("customer-name").FillAsync(Shop.B2BBuyer.Name!);
            await cashier.By("customer-pin").FillAsync("56001");
            await Expect(cashier.By("buyer-address-hint")).ToContainTextAsync("e-invoice needs them");
            await cashier.By("pay-button").ClickAsync();
            await Expect(cashier.By("message")).ToContainTextAsync("is not a PIN code: a PIN has 6 digits");
            await cashier.By("customer-address1").FillAsync("4 MG Road");
            await cashier.By("customer-location").FillAsync("Bengaluru");
            await cashier.By("customer-pin").FillAsync("560001");
            await cashier.WaitForTotalsAsync();
            await cashier.By("pay-button").ClickAsync();
            await Expect(cashier.By("tender-amount").First).ToHaveValueAsync("728.00");
            await cashier.By("pay-button").ClickAsync();
            var billNo = await cashier.WaitForReceiptAsync();
            // Before HQ has registered anything the receipt already prints the IRN the till computed, marked pending.
            var printedIrn = await cashier.Receipt.GetByTestId("receipt-irn-value").TextContentAsync();
            await Expect(cashier.Receipt.GetByTestId("receipt-irn-pending")).ToHaveTextAsync("IRN pending registration");
            await Expect(cashier.Receipt.GetByTestId("receipt-ack-no")).ToHaveCountAsync(0);
            await Expect(cashier.Receipt.GetByTestId("receipt-irn-qr")).ToHaveCountAsync(0);
            await Expect(cashier.Receipt.GetByTestId("receipt-buyer-address")).ToHaveTextAsync("4 MG Road, Bengaluru 560001");
            await session.ReceiptScreenshotAsync("receipt-b2b-irn-pending");
            await cashier.CloseReceiptAsync();

            var order = await HqOrderAsync(session, billNo);
            var registered = await Poll.UntilAsync(() => session.Hq.EInvoiceAsync(order.ClientOrderId), e => e.Status != "pending", IrnTimeout,
                e => $"e-invoice {e.Status}: {e.LastError}");
            Assert.True(registered.Status == "registered", $"{registered.Status}: {registered.LastError}");
            await Poll.UntilAsync(() => ReprintShowsIrnAsync(cashier, billNo), shown => shown, IrnTimeout, _ => $"the reprint of {billNo} still says IRN pending");

            var date = DateOnly.FromDateTime(order.Order.CreatedAt.ToOffset(BillNumber.IstOffset).DateTime);
            var irn = Irn.Compute(Shop.Store.Gstin, date, EInvoiceDocumentType.Invoice, billNo);
            await Expect(cashier.Receipt.GetByTestId("receipt-irn-value")).ToHaveTextAsync(irn);
            Assert.Equal(irn, registered.Irn);
            Assert.Equal(irn, printedIrn);
            await Expect(cashier.Receipt.GetByTestId("receipt-ack-no")).ToHaveTextAsync(registered.AckNo!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Expect(cashier.Receipt.GetByTestId("receipt-ack-dt")).ToHaveTextAsync(registered.AckDt!);
            var qrImage = cashier.Receipt.GetByTestId("receipt-irn-qr");
            await Expect(qrImage).ToBeVisibleAsync();
            var shown = await qrImage.BoundingBoxAsync();
            Assert.True(shown is not null && Math.Abs(shown.Width - QrPrintCssPixels) < 0.5 && Math.Abs(shown.Height - QrPrintCssPixels) < 0.5,
                $"The QR code shows at {shown?.Width}×{shown?.Height} CSS px, not 40 mm ({QrPrintCssPixels:0.##} px).");
            var decoded = await QrImages.DecodeAsync(qrImage);

            Assert.Equal(registered.SignedQrCode, decoded);
            using var irpClient = irp.Client(Shop.Store.Gstin);
            var (_, key) = await irpClient.PublishedKeyAsync();
            var claims = IrpSignatures.VerifiedQrCode(decoded, key);
            Assert.NotNull(claims);
            Assert.Equal((irn, Shop.B2BBuyer.Gstin, billNo), (claims.Irn, claims.BuyerGstin, claims.DocNo));
            await session.ReceiptScreenshotAsync("receipt-b2b-irn");
        });
    }

    private static async Task<OrderView> HqOrderAsync(CashierSession session, string billNo)
    {
        var orders = await Poll.UntilAsync(() => session.Hq.OrdersAsync(session.Enrolment.TillId), o => o.Any(x => x.Order.BillNo == billNo), SyncTimeout,
            o => $"HQ has {o.Count} orders, none {billNo}");
        return orders.Single(o => o.Order.BillNo == billNo);
    }

    // Reprints the bill from Recent sales; true when the receipt carries an IRN, otherwise closes it for the next try.
    private static async Task<bool> ReprintShowsIrnAsync(CashierPage cashier, string billNo)
    {
        await cashier.By("sales-button").ClickAsync();
        await cashier.Page.Locator($"[data-testid=\"sale-row\"][data-bill-no=\"{billNo}\"]").GetByTestId("reprint").ClickAsync();
        Assert.Equal(billNo, await cashier.WaitForReceiptAsync());
        await Expect(cashier.Receipt.GetByTestId("receipt-reprint")).ToHaveTextAsync("REPRINT");
        if (await cashier.Receipt.GetByTestId("receipt-ack-no").CountAsync() == 1)
        {
            return true;
        }

        await Expect(cashier.Receipt.GetByTestId("receipt-irn-pending")).ToHaveTextAsync("IRN pending registration");
        await cashier.CloseReceiptAsync();
        return false;
    }
}

// The cashier page as the tests drive it: scan a code, read totals, pay, read the receipt, watch the status bar.
// Every step waits on what the page shows (data-testid hooks), never on a fixed sleep.
using System.Globalization;
using Microsoft.Playwright;
using TillSync.Contracts.Staff;
using TillSync.Testing;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests.Harness;

/// <summary>Page object of the till's cashier page.</summary>
public sealed class CashierPage(IPage page, Uri address)
{
    public IPage Page => page;

    public ILocator By(string testId) => page.GetByTestId(testId);

    public ILocator CodeInput => By("code-input");

    public ILocator Receipt => By("receipt");

    public ILocator CreditNote => By("credit-note");

    public ILocator CartLine(string sku) => page.Locator($"[data-testid=\"cart-line\"][data-sku=\"{sku}\"]");

    /// <summary>Loads the page, waits until its script runs and the status bar has heard from the till, logs in the
    /// seeded cashier and, unless a shift is open, opens one with a ₹2,000 float through the page's dialog: the harness's
    /// one login, so that tests of selling read as they did before staff and shifts.</summary>
    public async Task OpenAsync()
    {
        await page.GotoAsync(address.ToString());
        await Expect(page.Locator("body[data-ready=\"true\"]")).ToBeAttachedAsync();
        await Expect(By("sync-state")).Not.ToHaveAttributeAsync("data-state", "unknown");
        await LogInAsync(SeededStaff.Cashier);
        await OpenShiftIfNoneAsync(new Dictionary<long, int> { [50_000] = 4 });
    }

    /// <summary>After a login the page asks the till for its shift: with none open it shows the open dialog, where this
    /// types <paramref name="floatCounted"/> (paise of a note → how many) and presses Enter; with one open it does nothing.</summary>
    public async Task OpenShiftIfNoneAsync(IReadOnlyDictionary<long, int> floatCounted)
    {
        var dialog = page.Locator("dialog[data-testid=\"shift-open-dialog\"][open]");
        await Expect(page.Locator("dialog[data-testid=\"shift-open-dialog\"][open], [data-testid=\"shift-state\"][data-open=\"true\"]").First)
            .ToBeAttachedAsync();
        if (await dialog.CountAsync() == 0)
        {
            return;
        }

        foreach (var (denominationPaise, count) in floatCounted)
        {
            await By($"open-count-{denominationPaise}").FillAsync(count.ToString(CultureInfo.InvariantCulture));
        }

        await By($"open-count-{floatCounted.Keys.First()}").PressAsync("Enter");
        await Expect(By("shift-open-dialog")).Not.ToBeVisibleAsync();
        await Expect(By("shift-state")).ToHaveAttributeAsync("data-open", "true");
    }

    /// <summary>Logs <paramref name="staff"/> in through the login dialog (open at start, after a lock or on a 401) and
    /// waits until the status bar names them.</summary>
    public async Task LogInAsync(StaffDto staff)
    {
        await TypePinAsync(staff);
        await Expect(By("login-dialog")).Not.ToBeVisibleAsync();
        await Expect(By("cashier-name")).ToContainTextAsync(staff.Name);
    }

    /// <summary>Picks <paramref name="staff"/> in the open login dialog and types <paramref name="pin"/> (their own when
    /// null), without waiting for the outcome.</summary>
    public async Task TypePinAsync(StaffDto staff, string? pin = null)
    {
        await Expect(By("login-dialog")).ToBeVisibleAsync();
        var option = By("login-staff").Locator("option", new() { HasText = staff.Name });
        await Expect(option).ToHaveCountAsync(1);
        await By("login-staff").SelectOptionAsync(await option.GetAttributeAsync("value") ?? "");
        await By("login-pin").FillAsync(pin ?? staff.Pin!);
        await By("login-pin").PressAsync("Enter");
    }

    /// <summary>What a scanner does: types the code into the focused code box and presses Enter; then waits until the
    /// line shows the expected quantity and the server has priced the cart.</summary>
    public async Task ScanAsync(string code, string sku, string expectedQty)
    {
        await Expect(CodeInput).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(code);
        await page.Keyboard.PressAsync("Enter");
        await Expect(CartLine(sku).GetByTestId("line-qty")).ToHaveTextAsync(expectedQty);
        await WaitForTotalsAsync();
    }

    /// <summary>Waits until the totals on screen come from a quote of the current cart.</summary>
    public Task WaitForTotalsAsync() => Expect(By("quote-state")).ToHaveAttributeAsync("data-state", "ready");

    /// <summary>The invoice total the page shows, in paise.</summary>
    public async Task<long> TotalPaiseAsync()
    {
        await WaitForTotalsAsync();
        return long.Parse(await By("total").GetAttributeAsync("data-paise") ?? "0", CultureInfo.InvariantCulture);
    }

    /// <summary>Waits for the receipt after a sale or a reprint and returns its bill number.</summary>
    public async Task<string> WaitForReceiptAsync()
    {
        await Expect(By("receipt-dialog")).ToBeVisibleAsync();
        var billNo = Receipt.GetByTestId("receipt-bill-no");
        await Expect(billNo).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\S"));
        return await billNo.InnerTextAsync();
    }

    /// <summary>Closes the receipt with Enter (the page's "New sale") and waits for the code box to take focus.</summary>
    public async Task CloseReceiptAsync()
    {
        await page.Keyboard.PressAsync("Enter");
        await Expect(By("receipt-dialog")).ToBeHiddenAsync();
        await Expect(CodeInput).ToBeFocusedAsync();
    }

    /// <summary>One whole cash sale by keyboard: F9 fills the total, F9 again records it. Returns the bill number.</summary>
    public async Task<string> SellForCashAsync(params (string Code, string Sku, string Qty)[] items)
    {
        var billNo = await SellForCashShowingReceiptAsync(items);
        await CloseReceiptAsync();
        return billNo;
    }

    /// <summary>As <see cref="SellForCashAsync"/>, leaving the receipt open for the test to read.</summary>
    public async Task<string> SellForCashShowingReceiptAsync(params (string Code, string Sku, string Qty)[] items)
    {
        foreach (var (code, sku, qty) in items)
        {
            await ScanAsync(code, sku, qty);
        }

        await page.Keyboard.PressAsync("F9");
        await Expect(By("tender-amount").First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("F9");
        return await WaitForReceiptAsync();
    }

    /// <summary>F6 and the receipt code or bill number typed as a scanner types it, then Enter; waits for the bill's lines.</summary>
    public async Task FindForReturnAsync(string codeOrBillNo, string expectedBillNo)
    {
        await page.Keyboard.PressAsync("F6");
        await Expect(By("return-find")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(codeOrBillNo);
        await page.Keyboard.PressAsync("Enter");
        await Expect(By("return-bill-no")).ToHaveTextAsync(expectedBillNo);
    }

    /// <summary>Types <paramref name="qty"/> into the "back now" box of bill line <paramref name="lineNo"/>.</summary>
    public async Task ReturnQtyAsync(int lineNo, string qty)
    {
        var box = page.Locator($"[data-testid=\"return-line\"][data-line-no=\"{lineNo}\"]").GetByTestId("return-qty");
        await box.FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(qty);
    }

    /// <summary>Waits until the return's preview is priced at <paramref name="totalPaise"/>.</summary>
    public async Task WaitForReturnTotalAsync(long totalPaise)
    {
        await Expect(By("return-total")).ToHaveAttributeAsync("data-paise", totalPaise.ToString(CultureInfo.InvariantCulture));
        await Expect(By("return-summary")).ToHaveAttributeAsync("data-state", "ready");
    }

    /// <summary>Waits for the credit note after a return or a reprint and returns its number.</summary>
    public async Task<string> WaitForCreditNoteAsync()
    {
        await Expect(By("receipt-dialog")).ToBeVisibleAsync();
        var number = CreditNote.GetByTestId("credit-note-no");
        await Expect(number).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"/C\d{5}$"));
        return await number.InnerTextAsync();
    }

    /// <summary>Waits until the till itself counts <paramref name="depth"/> documents waiting, then until its status bar
    /// shows that count. The status bar alone is not enough: right after a sale it may still show the count from before
    /// the sale (its next refresh has not come yet), and a wait for 0 would end before the sale was synced.</summary>
    public async Task WaitForQueueDepthAsync(int depth, TimeSpan timeout)
    {
        await Poll.UntilAsync(() => page.EvaluateAsync<int>("() => fetch('/api/status').then(r => r.json()).then(s => s.queueDepth)"),
            d => d == depth, timeout, d => $"the till to count {depth} documents waiting (it counts {d})");
        await Expect(By("queue-depth")).ToHaveTextAsync(depth.ToString(CultureInfo.InvariantCulture),
            new LocatorAssertionsToHaveTextOptions { Timeout = (float)timeout.TotalMilliseconds });
    }

    /// <summary>Waits until the status bar shows the till online (<c>online</c>) or offline (<c>offline</c>).</summary>
    public Task WaitForSyncStateAsync(string state, TimeSpan timeout) =>
        Expect(By("sync-state")).ToHaveAttributeAsync("data-state", state,
            new LocatorAssertionsToHaveAttributeOptions { Timeout = (float)timeout.TotalMilliseconds });
}

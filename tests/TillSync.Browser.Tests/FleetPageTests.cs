// Proves HQ's fleet page shows managers every till with its last contact and queue, sends them to sign in first, and
// warns "offline for N h" once a till has been silent: the browser's clock is moved three hours on with Playwright.
using Microsoft.Playwright;
using TillSync.Browser.Tests.Harness;
using TillSync.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(ReturnsAndBackOfficeSuite.Name)]
public sealed class FleetPageTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Fleet_TillOnlineThenSilentForThreeHours_ShowsOnlineThenOfflineWarning()
    {
        await using var session = await CashierSession.StartAsync(browser, output, nameof(Fleet_TillOnlineThenSilentForThreeHours_ShowsOnlineThenOfflineWarning));
        await session.Cashier.WaitForSyncStateAsync("online", Patience.Exchanges);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.Clock.InstallAsync(new ClockInstallOptions { TimeDate = DateTime.UtcNow });

        // Not signed in: the page sends the manager to sign in, and a wrong token is refused in words.
        await page.GotoAsync(new Uri(session.Hq.Address, "/fleet").ToString());
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in\\?next=%2Ffleet$"));
        await page.GetByLabel("Manager token").FillAsync("not-the-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not a manager token");

        await BackOffice.SignInAsync(page, session.Hq, "/fleet");
        var row = page.Locator($"tr[data-till='{session.Enrolment.TillId}']");
        await Expect(row).ToContainTextAsync(session.Enrolment.Name);
        await Expect(row).ToContainTextAsync(session.Enrolment.BillPrefix);
        await Expect(row.Locator(".pill")).ToHaveTextAsync("online");
        await Expect(BackOffice.Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Tills" })).ToHaveAttributeAsync("aria-current", "page");
        await page.ScreenshotAsync(new() { Path = Path.Combine(session.ScreenshotFolder, "fleet-online.png"), FullPage = true });

        // Three hours on in the browser: the till's last contact, as HQ recorded it, is now three hours old to the
        // page, as if the till had been silent all that time. The warning turns red.
        await page.Clock.FastForwardAsync("03:00:00");
        await Expect(row.Locator(".pill")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"offline for 3\.\d h"));
        await Expect(row.Locator(".pill")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("long-offline"));
        var path = Path.Combine(session.ScreenshotFolder, "fleet-offline.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}

using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests.Harness;

/// <summary>HQ's back office as a manager uses it: sign in once at <c>/sign-in</c> (the browser context then holds the
/// session cookie for every page and tab) and land on the page asked for.</summary>
public static class BackOffice
{
    /// <summary>The navigation every back-office page draws.</summary>
    public static ILocator Navigation(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Back office" });

    /// <summary>Signs <paramref name="page"/>'s browser context in with HQ's manager token through the sign-in form and
    /// waits until <paramref name="path"/> shows with the navigation drawn.</summary>
    public static async Task SignInAsync(IPage page, HqServer hq, string path)
    {
        await page.GotoAsync(new Uri(hq.Address, $"/sign-in?next={Uri.EscapeDataString(path)}").ToString());
        await page.GetByLabel("Manager token").FillAsync(hq.AdminToken);
        // The button is enabled once the page's script handles the form; Enter before that submits nothing.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeEnabledAsync();
        await page.GetByLabel("Manager token").PressAsync("Enter");
        // Until the address is the page's, not until its load event: the test goes on when the page shows its navigation,
        // which its script draws. The address is polled (ToHaveURL), never awaited as a navigation event: WaitForURLAsync
        // checks the address and then subscribes to navigations, and a navigation that lands between the two is lost
        // (playwright-dotnet #3364; CI timed out on it with the page already showing the address it waited for).
        // A sign-in that never leaves the form says why (its alert) instead of timing out mute.
        try
        {
            await Expect(page).ToHaveURLAsync(new Uri(hq.Address, path).ToString());
        }
        catch (PlaywrightException e)
        {
            var alert = await page.Locator("#error").AllTextContentsAsync();
            throw new TimeoutException($"Signing in did not reach {path}: the page is {page.Url}, its alert says '{string.Join(" ", alert)}'.", e);
        }

        await Expect(Navigation(page)).ToBeVisibleAsync();
    }

    /// <summary>Paise as the back office shows rupees (<c>toLocaleString('en-IN')</c>), for amounts under a lakh, where Indian
    /// and Western grouping agree.</summary>
    public static string Rupees(long paise)
    {
        Assert.InRange(paise, 0, 99_999_99);
        return (paise / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>A new page in a new browser context, signed in and showing <paramref name="path"/>.</summary>
    public static async Task<IPage> OpenAsync(IBrowserContext context, HqServer hq, string path)
    {
        var page = await context.NewPageAsync();
        await SignInAsync(page, hq, path);
        return page;
    }
}

// One headless Chromium per collection of browser tests: Debian's own build, driven by Playwright over CDP. Playwright never
// downloads a browser here; without Debian's chromium the suite fails at once and says how to install it.
using Microsoft.Playwright;
using TillSync.Testing;

namespace TillSync.Browser.Tests.Harness;

/// <summary>Playwright and a launched Chromium, shared by the tests of one collection (<see cref="CashierPageSuite"/>,
/// <see cref="ReturnsAndBackOfficeSuite"/>).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>A name the browser resolves to 127.0.0.1 (with any label in front, e.g. <c>till.rebind.test</c>): what a
    /// DNS-rebinding attacker's domain resolves to once it has rebound.</summary>
    public const string RebindingDomain = "rebind.test";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
        $"--host-resolver-rules=MAP *.{RebindingDomain} 127.0.0.1",
        // Chromium's own guard against public pages calling loopback (Private/Local Network Access) is off: Firefox and
        // Safari lack it and a user may wave its prompt through, so the attack tests prove the servers refuse on their own.
        "--disable-features=BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,LocalNetworkAccessChecks",
    ];

    /// <summary>The bound of one page action or assertion, in milliseconds: a broken page fails within a minute rather
    /// than hang the run, and a busy machine, where one step of the page can take many seconds, passes.</summary>
    public const float PageStepTimeoutMs = 60_000;

    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>A new browser context whose pages wait for any action or navigation up to <see cref="PageStepTimeoutMs"/>,
    /// not Playwright's 30 s default: every test makes its contexts here, so that no first step of a page (a navigation
    /// while three lanes start on two cores) fails for want of a few seconds.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(PageStepTimeoutMs);
        context.SetDefaultNavigationTimeout(PageStepTimeoutMs);
        return context;
    }

    public async Task InitializeAsync()
    {
        var executable = ChromiumPath();
        Assertions.SetDefaultExpectTimeout(PageStepTimeoutMs);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = (float)Patience.ProcessStart.TotalMilliseconds,
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>TILLSYNC_CHROMIUM, else <c>chromium</c> on PATH, else /usr/bin/chromium.</summary>
    private static string ChromiumPath()
    {
        var configured = Environment.GetEnvironmentVariable("TILLSYNC_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"TILLSYNC_CHROMIUM names {configured}, which does not exist.");
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "chromium"))
            .FirstOrDefault(File.Exists);
        var path = onPath ?? "/usr/bin/chromium";
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                "Debian's Chromium is missing: the browser tests drive it and never download a browser. " +
                "Install it with `apt-get install -y chromium` (scripts/test.sh does), or set TILLSYNC_CHROMIUM to a Chromium binary.");
    }
}

// The browser tests form two collections, each with its own Chromium, which run side by side; within one, the tests run
// one after another. Each test starts its own HQ and tills on ports of their own (some kill and restart them), so the two
// never share a server; they are split so that each takes about half of the time (bench/RESULTS.md, "Suite time").

/// <summary>The till's cashier page: selling online and offline, logins and shifts, loyalty, and the attacks on its API.</summary>
[CollectionDefinition(Name)]
public sealed class CashierPageSuite : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Cashier page";
}

/// <summary>Returns at the till (across tills, to store credit), the e-invoice on the receipt, and HQ's pages.</summary>
[CollectionDefinition(Name)]
public sealed class ReturnsAndBackOfficeSuite : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Returns and back office";
}

// Everything one browser test needs, started fresh: HQ with the shop set up, an enrolled till process pointed at
// it (directly, or through a link of its own that the test can cut and point at another HQ), and a Chromium tab on the
// till's cashier page. On failure it saves a screenshot and adds both processes'
// output and the page's errors to the message, which is what tells a page bug from a backend bug. Anything the page's
// Content-Security-Policy refuses fails the test, so every cashier-page test also proves the page runs under it.
using Microsoft.Playwright;
using TillSync.Contracts.Tills;
using TillSync.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TillSync.Browser.Tests.Harness;

/// <summary>HQ, a till and a cashier page for one test.</summary>
public sealed class CashierSession : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly ITestOutputHelper output;
    private readonly List<string> pageErrors = [];
    private readonly Lock pageErrorsLock = new();
    private readonly string hqDataDir;

    private readonly BrowserFixture browser;
    private readonly float deviceScaleFactor;
    private readonly List<(TillServer Till, IBrowserContext Context)> otherTills = [];
    private readonly Dictionary<TillServer, FaultProxy> links;

    private CashierSession(HqServer hq, string hqDataDir, TillEnrolmentResult enrolment, TillServer till, IBrowserContext context,
        CashierPage cashier, ITestOutputHelper output, string screenshotFolder, BrowserFixture browser, float deviceScaleFactor,
        Dictionary<TillServer, FaultProxy> links)
    {
        this.browser = browser;
        this.links = links;
        this.deviceScaleFactor = deviceScaleFactor;
        Hq = hq;
        this.hqDataDir = hqDataDir;
        Enrolment = enrolment;
        Till = till;
        this.context = context;
        Cashier = cashier;
        this.output = output;
        ScreenshotFolder = screenshotFolder;
    }

    public HqServer Hq { get; }

    public TillServer Till { get; }

    public TillEnrolmentResult Enrolment { get; }

    public CashierPage Cashier { get; }

    public string ScreenshotFolder { get; }

    /// <summary>Starts HQ (shop set up; registering e-invoices with <paramref name="irp"/> when given), enrols and
    /// starts a till, and opens the cashier page, drawn at <paramref name="deviceScaleFactor"/> device pixels per CSS pixel.
    /// With <paramref name="linkPerTill"/>, every till of the session reaches HQ through a link of its own
    /// (<see cref="Link"/>). With <paramref name="openPage"/> false the tab stays blank and nobody is logged in: the test
    /// calls <see cref="CashierPage.OpenAsync"/> itself (after cutting the link, say). With <paramref name="restartableTill"/>
    /// the till listens on a fixed port, so that <see cref="TillServer.RestartAsync"/> keeps the page's origin.
    /// <paramref name="beforeTill"/> sets HQ up further (promotions, say) before the till takes its first snapshot.</summary>
    public static async Task<CashierSession> StartAsync(
        BrowserFixture browser, ITestOutputHelper output, string testName, IrpAccess? irp = null, float deviceScaleFactor = 1, bool linkPerTill = false,
        bool openPage = true, bool restartableTill = false, Func<HqServer, Task>? beforeTill = null)
    {
        var hqDataDir = TempDirs.Create("hq");
        HqServer? hq = null;
        TillServer? till = null;
        IBrowserContext? context = null;
        var links = new Dictionary<TillServer, FaultProxy>();
        try
        {
            hq = await HqServer.StartAsync(hqDataDir, irp);
            await hq.SetUpShopAsync();
            if (beforeTill is not null)
            {
                await beforeTill(hq);
            }

            var enrolment = await hq.EnrolTillAsync($"Counter {testName[..Math.Min(testName.Length, 20)]}");
            till = !restartableTill ? await StartTillAsync(hq, enrolment, linkPerTill, links)
                : linkPerTill ? throw new ArgumentException("A till behind a link of its own cannot restart on a fixed port yet.", nameof(restartableTill))
                : await TillServer.StartAsync(hq.Address, enrolment.Token, fixedPort: true);
            context = await NewContextAsync(browser, deviceScaleFactor);
            var page = await context.NewPageAsync();
            var session = new CashierSession(hq, hqDataDir, enrolment, till, context, new CashierPage(page, till.Address), output,
                Artifacts.FolderFor(testName), browser, deviceScaleFactor, links);
            await session.WatchAsync(context, page, till.Address);
            output.WriteLine($"HQ {hq.Address}, till {till.Address} (till id {enrolment.TillId}, bills {enrolment.BillPrefix})");
            output.WriteLine($"screenshots: {session.ScreenshotFolder}");
            if (openPage)
            {
                await session.Cashier.OpenAsync();
            }

            return session;
        }
        catch
        {
            if (context is not null)
            {
                await context.CloseAsync();
            }

            till?.Dispose();
            await DisposeLinksAsync(links);
            hq?.Dispose();
            TempDirs.Delete(hqDataDir);
            throw;
        }
    }

    /// <summary>The link between <paramref name="till"/> and HQ: cut it (<see cref="LinkMode.Refuse"/>), restore it, or
    /// point it at another HQ (<see cref="FaultProxy.Upstream"/>). Only for a session started with <c>linkPerTill</c>.</summary>
    public FaultProxy Link(TillServer till) =>
        links.TryGetValue(till, out var link) ? link : throw new InvalidOperationException("This session's tills reach HQ directly: start it with linkPerTill.");

    /// <summary>Enrols and starts another till of the store with its own cashier page (in its own browser context, which
    /// like the first may reach only its own till). It is stopped with the session.</summary>
    public async Task<(TillServer Till, TillEnrolmentResult Enrolment, CashierPage Cashier)> AddTillAsync(string name)
    {
        var enrolment = await Hq.EnrolTillAsync(name);
        var till = await StartTillAsync(Hq, enrolment, linkPerTill: links.Count > 0, links);
        var context = await NewContextAsync(browser, deviceScaleFactor);
        otherTills.Add((till, context));
        var page = await context.NewPageAsync();
        await WatchAsync(context, page, till.Address);
        var cashier = new CashierPage(page, till.Address);
        output.WriteLine($"another till {till.Address} (till id {enrolment.TillId}, bills {enrolment.BillPrefix})");
        await cashier.OpenAsync();
        return (till, enrolment, cashier);
    }

    /// <summary>Runs the test body; on failure saves failure.png and rethrows with the processes' output and the
    /// page's errors. A body that passes still fails if the page threw an uncaught error.</summary>
    public async Task RunAsync(Func<Task> body)
    {
        try
        {
            await body();
        }
        catch (Exception e)
        {
            var shot = await TryScreenshotAsync("failure");
            throw new XunitException($"{e.GetType().Name}: {e.Message}\n--- failure screenshot: {shot}\n{Diagnostics()}", e);
        }

        string[] errors;
        lock (pageErrorsLock)
        {
            errors = [.. pageErrors];
        }

        // Error responses the page shows as messages are expected; script exceptions and requests off the till are not.
        var uncaught = errors.Where(m => m.StartsWith("uncaught:", StringComparison.Ordinal)).ToList();
        if (uncaught.Count > 0)
        {
            throw new XunitException($"The page threw:\n{string.Join('\n', uncaught)}");
        }
    }

    /// <summary>A screenshot of the whole page, saved as NAME.png in the test's folder and logged.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(ScreenshotFolder, $"{name}.png");
        await Cashier.Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
        return path;
    }

    /// <summary>The receipt as it prints (or, with <paramref name="document"/>, another printed document, such as the credit
    /// note): the page in print media (only the 80 mm paper shows), saved as NAME.png.</summary>
    public async Task<string> ReceiptScreenshotAsync(string name, ILocator? document = null)
    {
        var path = Path.Combine(ScreenshotFolder, $"{name}.png");
        await Cashier.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        try
        {
            await (document ?? Cashier.Receipt).ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        }
        finally
        {
            await Cashier.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        }

        output.WriteLine($"screenshot: {path}");
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (till, otherContext) in otherTills)
        {
            await otherContext.CloseAsync();
            till.Dispose();
        }

        await context.CloseAsync();
        Till.Dispose();
        await DisposeLinksAsync(links);
        Hq.Dispose();
        TempDirs.Delete(hqDataDir);
    }

    private static async Task<TillServer> StartTillAsync(HqServer hq, TillEnrolmentResult enrolment, bool linkPerTill, Dictionary<TillServer, FaultProxy> links)
    {
        if (!linkPerTill)
        {
            return await TillServer.StartAsync(hq.Address, enrolment.Token);
        }

        var link = FaultProxy.Start(hq.Address);
        try
        {
            var till = await TillServer.StartAsync(link.Address, enrolment.Token);
            links.Add(till, link);
            return till;
        }
        catch
        {
            await link.DisposeAsync();
            throw;
        }
    }

    private static async Task DisposeLinksAsync(Dictionary<TillServer, FaultProxy> links)
    {
        foreach (var link in links.Values)
        {
            await link.DisposeAsync();
        }
    }

    private static Task<IBrowserContext> NewContextAsync(BrowserFixture browser, float deviceScaleFactor) =>
        browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "en-IN",
            TimezoneId = "Asia/Kolkata",
            DeviceScaleFactor = deviceScaleFactor,
        });

    // Page errors fail the test; the page must work with the internet gone: anything it asks of another host than its
    // own till fails the test too.
    private async Task WatchAsync(IBrowserContext context, IPage page, Uri tillAddress)
    {
        page.PageError += (_, error) => AddPageError($"uncaught: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                // A script or style the page's Content-Security-Policy refused is a page bug, like an exception.
                var refusedByPolicy = message.Text.Contains("Content Security Policy", StringComparison.Ordinal);
                AddPageError($"{(refusedByPolicy ? "uncaught" : "console.error")}: {message.Text}");
            }
        };
        var tillOrigin = tillAddress.GetLeftPart(UriPartial.Authority);
        await context.RouteAsync(url => !url.StartsWith(tillOrigin, StringComparison.Ordinal), async route =>
        {
            AddPageError($"uncaught: the page requested {route.Request.Url}, which the till does not serve");
            await route.AbortAsync();
        });
    }

    private void AddPageError(string message)
    {
        lock (pageErrorsLock)
        {
            pageErrors.Add(message);
        }
    }

    private string Diagnostics()
    {
        lock (pageErrorsLock)
        {
            var others = string.Concat(otherTills.Select((t, i) => $"\n--- till {i + 2} output ---\n{t.Till.Output()}"));
            return $"--- page errors ---\n{string.Join('\n', pageErrors)}\n--- till output ---\n{Till.Output()}{others}\n--- HQ output ---\n{Hq.Output()}";
        }
    }

    private async Task<string> TryScreenshotAsync(string name)
    {
        try
        {
            return await ScreenshotAsync(name);
        }
        catch (PlaywrightException e)
        {
            return $"(none: {e.Message})";
        }
    }
}

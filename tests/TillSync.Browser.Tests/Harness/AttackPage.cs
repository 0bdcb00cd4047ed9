// The attacker's page in Chromium, as the tests drive it: each call runs one of the page's own attacks (AttackerSite.Page)
// in the page's origin, so the browser applies exactly the rules it applies to a hostile site's script.
using Microsoft.Playwright;

namespace TillSync.Browser.Tests.Harness;

/// <summary>Page object of an attacker's page: on its own origin, or rebound onto a victim's port.</summary>
public sealed class AttackPage(IPage page)
{
    public IPage Page => page;

    /// <summary>Opens the attacker's site at <paramref name="address"/>.</summary>
    public static async Task<AttackPage> OpenAsync(IBrowserContext context, Uri address)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(address.ToString());
        return new AttackPage(page);
    }

    /// <summary>DNS rebinding: the attacker's page at <paramref name="origin"/> (a name under
    /// <see cref="BrowserFixture.RebindingDomain"/>, on the victim's port). The attacker's server answers the page itself
    /// (fulfilled here); then the name resolves to 127.0.0.1, so every later request from the page goes to the victim, and
    /// the browser counts it as same-origin.</summary>
    public static async Task<AttackPage> OpenReboundAsync(IBrowserContext context, Uri origin)
    {
        await context.RouteAsync(origin.ToString(), route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/html; charset=utf-8",
            Body = AttackerSite.Page,
        }));
        return await OpenAsync(context, origin);
    }

    /// <summary>A <c>no-cors</c> fetch: <c>sent:opaque</c> when the page got an opaque answer, <c>blocked:TypeError</c> when
    /// the browser withheld even that (a Cross-Origin-Resource-Policy, a network error).</summary>
    public Task<string> NoCorsAsync(string url, string method, string? contentType = null, string? body = null) =>
        page.EvaluateAsync<string>("([url, method, type, body]) => attack.noCors(url, method, type, body)", new[] { url, method, contentType, body });

    /// <summary>A fetch whose answer the page reads: <c>status:N:body</c>, or <c>blocked:TypeError</c> when the browser
    /// kept the answer from the page.</summary>
    public Task<string> ReadAsync(string url) => page.EvaluateAsync<string>("url => attack.read(url)", url);

    /// <summary>A POST whose answer the page reads, with its content type and any headers.</summary>
    public Task<string> ReadPostAsync(string url, string contentType, string body, string? bearerToken = null)
    {
        var headers = new Dictionary<string, string> { ["Content-Type"] = contentType };
        if (bearerToken is not null)
        {
            headers["Authorization"] = $"Bearer {bearerToken}";
        }

        return page.EvaluateAsync<string>("([url, init]) => attack.read(url, init)", new object[] { url, new { method = "POST", headers, body } });
    }

    /// <summary>An HTML form with one field posted to <paramref name="url"/> in <paramref name="enctype"/>.</summary>
    public Task PostFormAsync(string url, string enctype, string name, string value) =>
        page.EvaluateAsync<string>("([url, enctype, name, value]) => attack.form(url, enctype, name, value)", new[] { url, enctype, name, value });

    /// <summary>Frames <paramref name="url"/> and waits until the frame has loaded (the page, or the browser's error page in
    /// its place); returns how many elements matching <paramref name="selector"/> the frame shows.</summary>
    public async Task<int> FramedCountAsync(string url, string selector)
    {
        await page.EvaluateAsync<string>("url => attack.frame(url)", url);
        return await page.Locator("iframe[data-victim]").Last.ContentFrame.Locator(selector).CountAsync();
    }
}

using System.Collections.Frozen;
using System.Text;
using TillSync.Web;

namespace TillSync.Hq.Web;

/// <summary>HQ's back office, embedded in this assembly: pages that share one layout and one module
/// (<c>/back-office.js</c>: navigation, sign-out, requests and errors; ADR 0014) and call the same API as every other
/// client, with the session cookie a manager gets once at <c>/sign-in</c> (<see cref="Access.ManagerSessions"/>).</summary>
public static class ManagerPages
{
    private const string Html = "text/html; charset=utf-8";

    // Each page carries its script and style inline; its Content-Security-Policy allows exactly those blocks by hash,
    // computed here from the page as embedded, so an edit to a page can never leave its policy behind.
    private static readonly FrozenDictionary<string, EmbeddedPage> Pages = new[]
    {
        ("fleet.html", Html), ("reviews.html", Html), ("ledger.html", Html), ("einvoices.html", Html), ("credit-notes.html", Html), ("shifts.html", Html), ("gstr1.html", Html), ("sign-in.html", Html), ("dashboard.html", Html), ("orders.html", Html), ("stock.html", Html), ("catalogue.html", Html), ("promotions.html", Html), ("loyalty.html", Html),
        ("hq.css", "text/css; charset=utf-8"), ("back-office.js", "text/javascript; charset=utf-8"), ("promotion-report.js", "text/javascript; charset=utf-8"),
    }.ToFrozenDictionary(p => p.Item1, p => EmbeddedPage.Load(p.Item1, p.Item2), StringComparer.Ordinal);

    /// <summary>Maps <c>/sign-in</c>, <c>/</c> (the dashboard), <c>/orders</c>, <c>/stock</c>, <c>/catalogue</c>, <c>/promotions</c>, <c>/loyalty</c>, <c>/fleet</c>, <c>/reviews</c>, <c>/ledger</c>, <c>/einvoices</c>, <c>/credit-notes</c>,
    /// <c>/shifts</c> and <c>/gstr1</c>, and <c>/hq.css</c> and <c>/back-office.js</c>, the look and the module they share, and
    /// <c>/promotion-report.js</c>, the promotions page's report.</summary>
    public static void MapManagerPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sign-in", (HttpContext http) => Page(http, "sign-in.html")).ExcludeFromDescription();
        app.MapGet("/", (HttpContext http) => Page(http, "dashboard.html")).ExcludeFromDescription();
        app.MapGet("/fleet", (HttpContext http) => Page(http, "fleet.html")).ExcludeFromDescription();
        app.MapGet("/orders", (HttpContext http) => Page(http, "orders.html")).ExcludeFromDescription();
        app.MapGet("/stock", (HttpContext http) => Page(http, "stock.html")).ExcludeFromDescription();
        app.MapGet("/catalogue", (HttpContext http) => Page(http, "catalogue.html")).ExcludeFromDescription();
        app.MapGet("/promotions", (HttpContext http) => Page(http, "promotions.html")).ExcludeFromDescription();
        app.MapGet("/loyalty", (HttpContext http) => Page(http, "loyalty.html")).ExcludeFromDescription();
        app.MapGet("/reviews", (HttpContext http) => Page(http, "reviews.html")).ExcludeFromDescription();
        app.MapGet("/ledger", (HttpContext http) => Page(http, "ledger.html")).ExcludeFromDescription();
        app.MapGet("/einvoices", (HttpContext http) => Page(http, "einvoices.html")).ExcludeFromDescription();
        app.MapGet("/credit-notes", (HttpContext http) => Page(http, "credit-notes.html")).ExcludeFromDescription();
        app.MapGet("/shifts", (HttpContext http) => Page(http, "shifts.html")).ExcludeFromDescription();
        app.MapGet("/gstr1", (HttpContext http) => Page(http, "gstr1.html")).ExcludeFromDescription();
        app.MapGet("/hq.css", (HttpContext http) => Page(http, "hq.css")).ExcludeFromDescription();
        app.MapGet("/back-office.js", (HttpContext http) => Page(http, "back-office.js")).ExcludeFromDescription();
        app.MapGet("/promotion-report.js", (HttpContext http) => Page(http, "promotion-report.js")).ExcludeFromDescription();
    }

    private static IResult Page(HttpContext http, string name)
    {
        var page = Pages[name];
        if (page.Policy is not null)
        {
            http.Response.Headers.ContentSecurityPolicy = page.Policy;
        }

        return Results.Bytes(page.Content, page.ContentType);
    }

    private sealed record EmbeddedPage(byte[] Content, string ContentType, string? Policy)
    {
        public static EmbeddedPage Load(string name, string contentType)
        {
            using var stream = typeof(ManagerPages).Assembly.GetManifestResourceStream($"pages/{name}")
                ?? throw new InvalidOperationException($"The page {name} is not embedded in {typeof(ManagerPages).Assembly.GetName().Name}.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            return new EmbeddedPage(content, contentType, contentType == Html ? SecurityHeaders.PolicyFor(Encoding.UTF8.GetString(content)) : null);
        }
    }
}

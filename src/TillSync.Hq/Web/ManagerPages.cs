namespace TillSync.Hq.Web;

/// <summary>HQ's pages for managers, embedded in this assembly. A page asks for the manager token once (kept in the
/// browser tab's session storage) and calls the same API as every other client.</summary>
public static class ManagerPages
{
    /// <summary>Maps <c>/fleet</c>, <c>/reviews</c>, <c>/ledger</c> and <c>/einvoices</c>, and <c>/hq.css</c>, the look they share.</summary>
    public static void MapManagerPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/fleet", () => Page("fleet.html")).ExcludeFromDescription();
        app.MapGet("/reviews", () => Page("reviews.html")).ExcludeFromDescription();
        app.MapGet("/ledger", () => Page("ledger.html")).ExcludeFromDescription();
        app.MapGet("/einvoices", () => Page("einvoices.html")).ExcludeFromDescription();
        app.MapGet("/hq.css", () => Page("hq.css", "text/css; charset=utf-8")).ExcludeFromDescription();
    }

    private static IResult Page(string name, string contentType = "text/html; charset=utf-8")
    {
        var stream = typeof(ManagerPages).Assembly.GetManifestResourceStream($"pages/{name}");
        return stream is null ? Results.NotFound() : Results.Stream(stream, contentType);
    }
}

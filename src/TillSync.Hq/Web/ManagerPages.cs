namespace TillSync.Hq.Web;

/// <summary>HQ's pages for managers, embedded in this assembly. A page asks for the manager token once (kept in the
/// browser tab's session storage) and calls the same API as every other client.</summary>
public static class ManagerPages
{
    /// <summary>Maps <c>/fleet</c>, <c>/reviews</c>, <c>/ledger</c> and <c>/einvoices</c>.</summary>
    public static void MapManagerPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/fleet", () => Page("fleet.html")).ExcludeFromDescription();
        app.MapGet("/reviews", () => Page("reviews.html")).ExcludeFromDescription();
        app.MapGet("/ledger", () => Page("ledger.html")).ExcludeFromDescription();
        app.MapGet("/einvoices", () => Page("einvoices.html")).ExcludeFromDescription();
    }

    private static IResult Page(string name)
    {
        var stream = typeof(ManagerPages).Assembly.GetManifestResourceStream($"pages/{name}");
        return stream is null ? Results.NotFound() : Results.Stream(stream, "text/html; charset=utf-8");
    }
}

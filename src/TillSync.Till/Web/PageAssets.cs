namespace TillSync.Till.Web;

/// <summary>Serves the cashier page from resources embedded in this assembly: nothing is fetched from the internet.</summary>
public static class PageAssets
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
    };

    /// <summary>Maps <c>/</c> to the page and <c>/assets/{file}</c> to its scripts and styles.</summary>
    public static void MapPageAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Serve("index.html"));
        app.MapGet("/assets/{file}", (string file) => Serve(file));
    }

    private static IResult Serve(string file)
    {
        var extension = Path.GetExtension(file);
        if (file.Contains('/', StringComparison.Ordinal) || file.Contains("..", StringComparison.Ordinal) || !ContentTypes.TryGetValue(extension, out var contentType))
        {
            return Results.NotFound();
        }

        var stream = typeof(PageAssets).Assembly.GetManifestResourceStream($"wwwroot/{file}");
        return stream is null ? Results.NotFound() : Results.Stream(stream, contentType);
    }
}

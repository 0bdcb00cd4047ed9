using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TillSync.Web;

/// <summary>Puts <see cref="WebBoundary"/> first in a server's pipeline.</summary>
public static class WebBoundaryExtensions
{
    /// <summary>Checks every request against <paramref name="options"/> before anything else sees it.</summary>
    public static IApplicationBuilder UseWebBoundary(this IApplicationBuilder app, WebBoundaryOptions options)
    {
        var boundary = new WebBoundary(options, app.ApplicationServices.GetRequiredService<ILogger<WebBoundary>>());
        return app.Use((context, next) => boundary.InvokeAsync(context, next));
    }
}

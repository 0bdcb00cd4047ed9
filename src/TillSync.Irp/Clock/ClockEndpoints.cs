using TillSync.Irp.Web;

namespace TillSync.Irp.Clock;

/// <summary><c>GET /admin/clock</c> and <c>POST /admin/clock/advance {"seconds": n}</c>: mapped only with
/// <c>--test-clock</c>, so a simulator started without it cannot be made to age its registrations.</summary>
public static class ClockEndpoints
{
    /// <summary>The path that reads the clock.</summary>
    public const string ClockPath = "/admin/clock";

    /// <summary>The path that moves it forward.</summary>
    public const string AdvancePath = "/admin/clock/advance";

    /// <summary>Maps both endpoints.</summary>
    public static IEndpointRouteBuilder MapClockEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(ClockPath, (OffsetClock clock) => View(clock));
        routes.MapPost(AdvancePath, async (HttpRequest request, OffsetClock clock, CancellationToken cancellationToken) =>
        {
            var advance = await AdminBody.ReadAsync(request, IrpAdminJsonContext.Default.ClockAdvance, cancellationToken);
            if (advance is null || advance.Seconds is < 0 or > ClockAdvance.SecondsMax || double.IsNaN(advance.Seconds))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                    detail: $"Send {{\"seconds\": n}} with n from 0 to {ClockAdvance.SecondsMax}.");
            }

            clock.Advance(TimeSpan.FromSeconds(advance.Seconds));
            return View(clock);
        });
        return routes;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ClockView> View(OffsetClock clock) =>
        TypedResults.Json(new ClockView(clock.GetUtcNow(), clock.Offset.TotalSeconds), IrpAdminJsonContext.Default.ClockView);
}

using TillSync.Till.Parking;

namespace TillSync.Till.Web;

/// <summary>The local API of parked carts (docs/shifts.md, "Parked sales"): list, park and resume. Writes pass the web
/// boundary like every local write (host, origin, JSON) and need a logged-in cashier.</summary>
public static class ParkingEndpoints
{
    /// <summary>Maps <c>/api/parked</c>.</summary>
    public static void MapParkingEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/parked");
        api.MapGet("", async (ParkedCarts carts, CancellationToken ct) => TypedResults.Ok(await carts.OpenAsync(ct)));
        api.MapPost("", ParkAsync);
        api.MapPost("/{parkId:guid}/resume", async (Guid parkId, ParkedCarts carts) =>
            Answer(await carts.ResumeAsync(parkId, CancellationToken.None), cart => TypedResults.Ok(cart)));
    }

    private static async Task<IResult> ParkAsync(HttpContext http, ParkedCarts carts)
    {
        var (request, problem) = await LocalProblems.ReadAsync(http, TillJsonContext.Default.ParkRequest);
        if (request is null)
        {
            return problem!;
        }

        // As a sale: once the cashier's key starts a park, it either commits or not, whatever the tab does.
        return Answer(await carts.ParkAsync(request, CancellationToken.None), cart => TypedResults.Created($"/api/parked/{cart.ParkId}", cart));
    }

    private static IResult Answer((ParkedCart? Cart, ParkRefusal? Refusal, string Detail) outcome, Func<ParkedCart, IResult> answer) =>
        outcome.Refusal switch
        {
            null => answer(outcome.Cart!),
            ParkRefusal.Invalid => LocalProblems.BadRequest(outcome.Detail),
            ParkRefusal.NoCashier => LocalProblems.LoginRequired(outcome.Detail),
            ParkRefusal.NotFound => LocalProblems.NotFound(outcome.Detail),
            ParkRefusal.Full => TypedResults.Problem(detail: outcome.Detail, statusCode: StatusCodes.Status409Conflict, title: "Too many parked carts"),
            ParkRefusal.RequestReused => TypedResults.Problem(detail: outcome.Detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Request id reused"),
            _ => throw new InvalidOperationException($"{outcome.Refusal} is not a refusal."),
        };
}

using TillSync.Till.Catalog;
using TillSync.Till.Shifts;

namespace TillSync.Till.Web;

/// <summary>The local API of shifts (docs/shifts.md): the open shift, open one with its float, cash in and out, the X
/// report, close with a blind count (the answer is the Z report) and a Z report again. Each write carries the page's
/// request id, so a retry answers the same document.</summary>
public static class ShiftEndpoints
{
    /// <summary>Maps <c>/api/shift/*</c> and <c>/api/shifts/{id}/z</c>.</summary>
    public static void MapShiftEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/shift", (ShiftRecorder shifts) => TypedResults.Ok(shifts.View()));
        api.MapPost("/shift/open", OpenAsync);
        api.MapPost("/shift/cash", MoveCashAsync);
        api.MapPost("/shift/close", CloseAsync);
        api.MapGet("/shift/report", XReportAsync);
        api.MapGet("/shifts/{shiftId:guid}/z", ZReportAsync);
    }

    /// <summary>409 for a request that records a sale or return with no shift open; null when one is, or when the till has
    /// no snapshot yet (the recorder then says the till must reach HQ once).</summary>
    public static IResult? RequireShift(ShiftRegister shifts, SnapshotStore snapshots) =>
        shifts.Current is null && snapshots.Current is not null ? NoShift(ShiftRegister.NoShift) : null;

    private static Task<IResult> OpenAsync(HttpContext http, ShiftRecorder shifts) =>
        WriteAsync(http, TillJsonContext.Default.OpenShiftRequest, r => shifts.OpenAsync(r, CancellationToken.None), _ => "/api/shift");

    private static Task<IResult> MoveCashAsync(HttpContext http, ShiftRecorder shifts) =>
        WriteAsync(http, TillJsonContext.Default.CashMovementRequest, r => shifts.MoveCashAsync(r, CancellationToken.None), _ => "/api/shift/report");

    private static Task<IResult> CloseAsync(HttpContext http, ShiftRecorder shifts) =>
        WriteAsync(http, TillJsonContext.Default.CloseShiftRequest, r => shifts.CloseAsync(r, CancellationToken.None), z => $"/api/shifts/{z.ShiftId}/z");

    private static async Task<IResult> XReportAsync(ShiftRecorder shifts, CancellationToken ct) =>
        await shifts.XReportAsync(ct) is { } report ? TypedResults.Ok(report) : NoShift("No shift is open on this till, so there is no X report.");

    private static async Task<IResult> ZReportAsync(Guid shiftId, ShiftRecorder shifts, CancellationToken ct) =>
        await shifts.ZReportAsync(shiftId, ct) is { } report ? TypedResults.Ok(report) : LocalProblems.NotFound("No closed shift with that id on this till.");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NoShift(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Open a shift first");

    private static async Task<IResult> WriteAsync<TRequest, TAnswer>(
        HttpContext http, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TRequest> typeInfo,
        Func<TRequest, Task<(TAnswer? Answer, ShiftProblem? Problem)>> record, Func<TAnswer, string> location)
        where TRequest : class
        where TAnswer : class
    {
        var (request, problem) = await LocalProblems.ReadAsync(http, typeInfo);
        if (request is null)
        {
            return problem!;
        }

        // As a sale: once the cashier's click starts a write, it either commits or not, whatever the tab does.
        var (answer, refusal) = await record(request);
        return refusal?.Refusal switch
        {
            null => TypedResults.Created(location(answer!), answer),
            ShiftRefusal.Invalid => LocalProblems.BadRequest(refusal.Detail),
            ShiftRefusal.NoCashier => LocalProblems.LoginRequired(refusal.Detail),
            ShiftRefusal.WrongState => TypedResults.Problem(detail: refusal.Detail, statusCode: StatusCodes.Status409Conflict, title: "Not now"),
            ShiftRefusal.RequestReused => TypedResults.Problem(detail: refusal.Detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Request id reused"),
            _ => throw new InvalidOperationException($"{refusal.Refusal} is not a refusal."),
        };
    }
}

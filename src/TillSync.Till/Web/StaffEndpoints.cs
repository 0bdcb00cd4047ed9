using System.Globalization;
using TillSync.Till.Staff;

namespace TillSync.Till.Web;

/// <summary>The local API of PIN login (docs/shifts.md): the store's staff for the login screen, log in (a switch of
/// cashier is a login), lock, and a supervisor's unlock. Problems say what to do, never echo a PIN.</summary>
public static class StaffEndpoints
{
    /// <summary>Maps <c>/api/staff</c> and <c>/api/session</c>.</summary>
    public static void MapStaffEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/staff", async (StaffLogin login, CancellationToken ct) => TypedResults.Ok(await login.ListAsync(ct)));
        api.MapGet("/session", (CashierSession session) => View(session));
        api.MapPost("/session", LogInAsync);
        api.MapPost("/session/lock", (CashierSession session) =>
        {
            session.End();
            return View(session);
        });
        api.MapPost("/staff/{staffId:long}/unlock", UnlockAsync);
    }

    /// <summary>401 for a request that records a document with no cashier logged in; null when one is, or when the till
    /// has no snapshot yet (no staff list either: the recorder then says the till must reach HQ once).</summary>
    public static IResult? RequireCashier(CashierSession session, Catalog.SnapshotStore snapshots) =>
        session.Current() is null && snapshots.Current is not null ? LocalProblems.LoginRequired(Sales.SaleRecorder.NoCashier) : null;

    private static SessionView View(CashierSession session) =>
        new(session.Current(), (int)session.IdleLock.TotalSeconds);

    private static async Task<IResult> LogInAsync(HttpContext http, StaffLogin login, CashierSession session)
    {
        var (request, problem) = await LocalProblems.ReadAsync(http, TillJsonContext.Default.LoginRequest);
        if (request is null)
        {
            return problem!;
        }

        var result = await login.LogInAsync(request.StaffId, request.Pin, CancellationToken.None);
        return result.Outcome == LoginOutcome.LoggedIn ? TypedResults.Ok(View(session)) : Refusal(result, request.StaffId);
    }

    private static async Task<IResult> UnlockAsync(HttpContext http, long staffId, StaffLogin login, CancellationToken ct)
    {
        var (request, problem) = await LocalProblems.ReadAsync(http, TillJsonContext.Default.UnlockRequest);
        if (request is null)
        {
            return problem!;
        }

        var result = await login.UnlockAsync(staffId, request.SupervisorId, request.Pin, CancellationToken.None);
        return result.Outcome == LoginOutcome.Unlocked
            ? TypedResults.Ok((await login.ListAsync(ct)).Single(s => s.StaffId == staffId))
            : Refusal(result, request.SupervisorId);
    }

    /// <summary>The supervisor or manager whose PIN approves a sale's markdowns (docs/pricing.md): none when the sale carries
    /// no approval, or the problem refusing it — a reason that is not 1 to 200 printable characters, or the PIN's refusal.
    /// The PIN is checked offline against the snapshot, like a login; a wrong one counts against the approver.</summary>
    public static async Task<(Cashier? Approver, IResult? Refused)> ApproverAsync(StaffLogin login, Sales.SaleApproval? approval)
    {
        if (approval is null)
        {
            return (null, null);
        }

        if (Core.FreeText.Problem(approval.Reason, "The approval's reason", 1, Core.Orders.OrderApproval.ReasonLengthMax) is { } reasonProblem)
        {
            return (null, LocalProblems.BadRequest(reasonProblem));
        }

        var approved = await login.ApproveAsync(approval.ApproverId, approval.Pin, CancellationToken.None);
        return approved.Outcome == LoginOutcome.Approved
            ? (approved.Cashier, null)
            : (null, Refusal(approved, approval.ApproverId, "approve a discount or a price"));
    }

    /// <summary>The problem for a refused login, unlock or approval (<paramref name="action"/> says which a cashier may not do).</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Refusal(LoginResult result, long staffId, string action = "unlock a staff member") =>
        result.Outcome switch
    {
        LoginOutcome.WrongPin => LocalProblems.Forbidden(string.Create(CultureInfo.InvariantCulture,
            $"Wrong PIN. {result.AttemptsLeft} {(result.AttemptsLeft == 1 ? "try" : "tries")} left before this staff member is locked on this till.")),
        LoginOutcome.Locked => LocalProblems.Locked(string.Create(CultureInfo.InvariantCulture,
            $"Locked on this till after {StaffLogin.WrongPinsMax} wrong PINs: a supervisor or manager must unlock with their PIN.")),
        LoginOutcome.MalformedPin => LocalProblems.BadRequest("A PIN is 4 to 6 digits."),
        LoginOutcome.NotSupervisor => LocalProblems.Forbidden($"Only a supervisor or manager can {action}."),
        LoginOutcome.UnknownStaff => LocalProblems.NotFound(string.Create(CultureInfo.InvariantCulture,
            $"No active staff member {staffId} of this store in the till's staff list: a till learns new staff from HQ at its next snapshot.")),
        _ => throw new InvalidOperationException($"{result.Outcome} is not a refusal."),
    };
}

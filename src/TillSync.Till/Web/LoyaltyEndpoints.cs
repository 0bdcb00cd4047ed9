using System.Text.Json.Serialization.Metadata;
using TillSync.Contracts;
using TillSync.Contracts.Loyalty;
using TillSync.Core.Orders;
using TillSync.Till.Catalog;
using TillSync.Till.Loyalty;
using TillSync.Till.Sync;

namespace TillSync.Till.Web;

/// <summary>A customer as the cashier page shows them.</summary>
/// <param name="Phone">The customer.</param>
/// <param name="BalancePoints">Last-known balance; null when the till knows none (offline and not in the snapshot).</param>
/// <param name="AsOf">When HQ read that balance.</param>
/// <param name="Source"><c>hq</c> (just looked up), <c>snapshot</c> or <c>unknown</c>.</param>
/// <param name="Online">Whether the till reaches HQ now (codes need it).</param>
/// <param name="Settings">The snapshot's loyalty settings, for the earn preview and the offline limit.</param>
public sealed record LoyaltyLookup(string Phone, long? BalancePoints, DateTimeOffset? AsOf, string Source, bool Online, LoyaltySettingsDto? Settings);

/// <summary>The cashier page's loyalty calls: a customer's balance (HQ's when online, else the last known), and the code
/// flow relayed to HQ, refused while offline.</summary>
public static class LoyaltyEndpoints
{
    /// <summary>Maps <c>/api/loyalty/*</c>.</summary>
    public static void MapLoyaltyEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/loyalty");
        api.MapGet("/{phone}", LookupAsync);
        api.MapPost("/codes", (HttpContext http, LoyaltyRelay relay) =>
            RelayAsync(http, TillSyncJsonContext.Default.LoyaltyCodeRequest, relay.RequestCodeAsync));
        api.MapPost("/redemptions", (HttpContext http, LoyaltyRelay relay) =>
            RelayAsync(http, TillSyncJsonContext.Default.RedemptionRequest, relay.RedeemCodeAsync));
    }

    private static async Task<IResult> LookupAsync(string phone, LoyaltyRelay relay, LinkState link, SnapshotStore snapshots, LoyaltyBalances balances, CancellationToken ct)
    {
        if (!OrderRules.IsValidPhone(phone))
        {
            return LocalProblems.BadRequest("Enter a 10-digit mobile number.");
        }

        var settings = snapshots.Current?.Loyalty?.Settings;
        if (await relay.BalanceAsync(phone, ct) is { } fresh)
        {
            balances.Remember(fresh);
            return TypedResults.Ok(new LoyaltyLookup(phone, fresh.BalancePoints, fresh.AsOf, "hq", true, settings));
        }

        // Offline, or HQ went away since the last sync: the last-known balance will do.
        var known = balances.Known(phone);
        return TypedResults.Ok(new LoyaltyLookup(phone, known?.BalancePoints, known?.AsOf, known is null ? "unknown" : "snapshot", link.Current.Online, settings));
    }

    private static async Task<IResult> RelayAsync<T>(HttpContext http, JsonTypeInfo<T> type, Func<T, CancellationToken, Task<RelayAnswer>> send)
        where T : class
    {
        var (request, problem) = await LocalProblems.ReadAsync(http, type);
        if (request is null)
        {
            return problem!;
        }

        var answer = await send(request, http.RequestAborted);
        if (answer.Status is not { } status)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Offline",
                detail: "The till cannot reach HQ, and a code needs HQ. Redeem within the offline limit, or try again when the link is back.");
        }

        return TypedResults.Content(answer.Body, status >= 400 ? "application/problem+json" : "application/json", statusCode: status);
    }
}

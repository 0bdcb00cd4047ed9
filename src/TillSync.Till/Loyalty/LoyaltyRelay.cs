using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Loyalty;
using TillSync.Till.Sync;

namespace TillSync.Till.Loyalty;

/// <summary>HQ's answer to a relayed loyalty call, or none: <see cref="Status"/> is null when the till knows itself
/// offline or HQ did not answer (refused, reset, or the client's timeout ran out), and the cashier sees "offline".</summary>
/// <param name="Status">HQ's HTTP status; null when there was no answer.</param>
/// <param name="Body">HQ's JSON body as it came, or why there was no answer.</param>
public sealed record RelayAnswer(int? Status, string Body)
{
    /// <summary>Whether HQ answered at all.</summary>
    public bool Answered => Status is not null;
}

/// <summary>The till's loyalty calls that need HQ: a customer's current balance, and the one-time code flow (ask for a
/// code, redeem it). One place decides what "HQ did not answer" is, for the cashier page and the simulation alike: the
/// link known down, a transport failure, and HttpClient's own timeout (a <see cref="TaskCanceledException"/> while the
/// caller has not cancelled) all read as offline, never as an error of the till.</summary>
public sealed class LoyaltyRelay(HqClient hq, LinkState link)
{
    /// <summary>The balance HQ holds now; null while offline or when HQ does not answer with one.</summary>
    public async Task<LoyaltyBalance?> BalanceAsync(string phone, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Get, $"/api/v1/till/loyalty/{phone}", null, cancellationToken);
        return answer.Status == StatusCodes.Status200OK
            ? JsonSerializer.Deserialize(answer.Body, TillSyncJsonContext.Default.LoyaltyBalance)
            : null;
    }

    /// <summary>Asks HQ to send the customer a one-time code (<c>POST /api/v1/loyalty/codes</c>).</summary>
    public Task<RelayAnswer> RequestCodeAsync(LoyaltyCodeRequest request, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "/api/v1/loyalty/codes",
            JsonSerializer.Serialize(request, TillSyncJsonContext.Default.LoyaltyCodeRequest), cancellationToken);

    /// <summary>Checks the code the customer read out (<c>POST /api/v1/loyalty/redemptions</c>).</summary>
    public Task<RelayAnswer> RedeemCodeAsync(RedemptionRequest request, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "/api/v1/loyalty/redemptions",
            JsonSerializer.Serialize(request, TillSyncJsonContext.Default.RedemptionRequest), cancellationToken);

    private async Task<RelayAnswer> SendAsync(HttpMethod method, string path, string? json, CancellationToken cancellationToken)
    {
        if (!link.Current.Online)
        {
            return new RelayAnswer(null, "The till is offline.");
        }

        try
        {
            var (status, body) = await hq.LoyaltyAsync(method, path, json, cancellationToken);
            return new RelayAnswer(status, body);
        }
        catch (HttpRequestException e)
        {
            return new RelayAnswer(null, e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new RelayAnswer(null, "HQ did not answer in time.");
        }
    }
}

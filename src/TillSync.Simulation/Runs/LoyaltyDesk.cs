using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts;
using TillSync.Contracts.Loyalty;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Simulation.Nodes;
using TillSync.Simulation.Shop;
using TillSync.Till.Sales;

namespace TillSync.Simulation.Runs;

/// <summary>Burns above the offline limit (docs/loyalty.md, the code flow): a regular asks to redeem more than the till may
/// burn offline, the cashier has HQ send a one-time code (<c>POST /api/loyalty/codes</c>), the customer reads it from the SMS
/// (HQ's <c>loyalty_code_outbox</c>, the simulation's SMS gateway), the cashier checks it (<c>POST /api/loyalty/redemptions</c>)
/// and sells with the single-use token. Any step may fail on the simulated network or be refused by HQ; the cashier then
/// sells as <see cref="SaleMaker"/> made the sale (within the offline limit, or no burn). Now and then a cashier puts a token
/// already used on a later sale of the same till, which HQ must refuse. Draws from its own <paramref name="random"/>.</summary>
public sealed class LoyaltyDesk(FakeTimeProvider clock, Random random, Trace trace, HqNode hq)
{
    // Of the sales to a regular, the share whose customer asks to redeem above the offline limit (if their points allow).
    private const double CodeBurnsPerRegularSale = 0.6;
    // The share of code checks where the customer first reads out a wrong code.
    private const double WrongCodesFirst = 0.1;
    // After a token sale, the chance that the till's next sale carries the same token again.
    private const double TokenReuses = 0.3;

    private readonly Dictionary<string, int> _counts = [];
    private readonly Dictionary<int, UsedToken> _usedTokenByTill = [];

    /// <summary>What the desk did, by name, in report order.</summary>
    public IEnumerable<(string What, int Count)> Counts => _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value));

    /// <summary>The sale <paramref name="till"/> records for <paramref name="sale"/>: with a redemption token when the code
    /// flow succeeds, a token already used when the cashier reuses one, else <paramref name="sale"/> itself. TillDied is
    /// true when the till died before it read HQ's answer: the customer waits for it to come back.</summary>
    public async Task<(SaleRequest Sale, bool TillDied)> PrepareAsync(TillNode till, TillSnapshot snapshot, SaleRequest sale, CancellationToken cancellationToken)
    {
        if (snapshot.Loyalty is null || sale.Customer?.Gstin is not null || sale.Payments.Any(p => p.Method == PaymentMethods.StoreCredit))
        {
            return (sale, false);
        }

        if (_usedTokenByTill.Remove(till.Number, out var used) && random.NextDouble() < TokenReuses
            && SaleMaker.WithBurn(snapshot, clock.GetUtcNow(), sale, new CustomerDto(used.Phone, null, null, null), used.Burn) is { } reused)
        {
            Count("loyalty: a used token put on a second sale (HQ must refuse it)");
            Trace(till, string.Create(CultureInfo.InvariantCulture, $"reuses a token of {used.Burn.BurnPoints} points"));
            return (reused, false);
        }

        if (sale.Customer?.Phone is not { } phone || random.NextDouble() >= CodeBurnsPerRegularSale)
        {
            return (sale, false);
        }

        // The page looks the customer up at HQ when the phone is typed; offline it shows the last-known balance.
        var fresh = await till.LoyaltyBalanceAsync(phone, cancellationToken);
        if (till.CrashRequested)
        {
            Count("loyalty: till died before reading HQ's answer");
            return (sale, true);
        }

        var knownPoints = fresh?.BalancePoints ?? snapshot.Loyalty.Customers.FirstOrDefault(c => c.Phone == phone)?.BalancePoints ?? 0;
        if (Points(snapshot, sale, knownPoints) is not { } points)
        {
            return (sale, false);
        }

        var (token, tillDied) = await TokenAsync(till, phone, points, cancellationToken);
        if (token is null || SaleMaker.WithBurn(snapshot, clock.GetUtcNow(), sale, sale.Customer, new SaleLoyalty(points, token)) is not { } burned)
        {
            return (sale, tillDied);
        }

        Count("loyalty: sale with a redemption token");
        _usedTokenByTill[till.Number] = new UsedToken(phone, burned.Loyalty!);
        return (burned, false);
    }

    /// <summary>How long a till that died during a loyalty call stays down, drawn from the desk's stream so that the
    /// shop's stream stays as it was (as long as a till's crash between steps).</summary>
    public TimeSpan Downtime() => TimeSpan.FromMilliseconds(random.Next(2_000, 600_000));

    // Points above the offline limit, up to the balance the page shows and below the bill; null when that range is empty.
    private long? Points(TillSnapshot snapshot, SaleRequest sale, long knownPoints)
    {
        var settings = snapshot.Loyalty!.Settings;
        var offlinePoints = settings.OfflineBurnPaiseMax / settings.BurnValuePaisePerPoint;
        var mostPoints = Math.Min(knownPoints, (SaleMaker.TotalPaise(snapshot, sale.Lines, sale.Customer, clock.GetUtcNow()) - 1) / settings.BurnValuePaisePerPoint);
        return mostPoints <= offlinePoints ? null : random.NextInt64(offlinePoints + 1, mostPoints + 1);
    }

    // The code flow at the till: request, the customer reads the SMS, check (a wrong code first now and then). A null token
    // is a failed step: the network, HQ down, a refusal (rate limit, balance short) or a code check that did not redeem.
    private async Task<(string? Token, bool TillDied)> TokenAsync(TillNode till, string phone, long points, CancellationToken cancellationToken)
    {
        Count("loyalty: code requested");
        var (status, body) = await till.RequestLoyaltyCodeAsync(new LoyaltyCodeRequest(phone, points), cancellationToken);
        Trace(till, $"code for {points} points: {status}");
        if (till.CrashRequested || status != StatusCodes.Status201Created)
        {
            return Failed(till, $"code request failed ({status})");
        }

        var requestId = JsonSerializer.Deserialize(body, TillSyncJsonContext.Default.LoyaltyCodeView)!.RequestId;
        var code = await hq.SentCodeAsync(requestId, cancellationToken)
            ?? throw new InvalidOperationException($"HQ answered 201 for code request {requestId} and queued no SMS.");
        if (random.NextDouble() < WrongCodesFirst)
        {
            var wrong = ((int.Parse(code, CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            var (wrongStatus, wrongBody) = await till.RedeemLoyaltyCodeAsync(new RedemptionRequest(requestId, wrong), cancellationToken);
            Trace(till, $"wrong code checked: {wrongStatus}");
            if (till.CrashRequested || wrongStatus != StatusCodes.Status200OK
                || JsonSerializer.Deserialize(wrongBody, TillSyncJsonContext.Default.RedemptionView)!.Status != RedemptionStatuses.WrongCode)
            {
                return Failed(till, "wrong code typed first, then the check failed");
            }

            Count("loyalty: wrong code typed first");
        }

        var (redeemStatus, redeemBody) = await till.RedeemLoyaltyCodeAsync(new RedemptionRequest(requestId, code), cancellationToken);
        var redemption = redeemStatus == StatusCodes.Status200OK ? JsonSerializer.Deserialize(redeemBody, TillSyncJsonContext.Default.RedemptionView) : null;
        Trace(till, $"code checked: {redeemStatus} {redemption?.Status}");
        if (till.CrashRequested || redemption?.Status != RedemptionStatuses.Redeemed)
        {
            return Failed(till, $"code check failed ({redemption?.Status ?? redeemStatus.ToString(CultureInfo.InvariantCulture)})");
        }

        Count("loyalty: code redeemed for a token");
        return (redemption.RedemptionToken, false);
    }

    private (string? Token, bool TillDied) Failed(TillNode till, string what)
    {
        Count(till.CrashRequested ? "loyalty: till died before reading HQ's answer" : $"loyalty: {what}, sold within the offline limit");
        return (null, till.CrashRequested);
    }

    private void Trace(TillNode till, string what) => trace.Add(clock.GetUtcNow(), $"till {till.Number} loyalty: {what}");

    private void Count(string what) => _counts[what] = _counts.GetValueOrDefault(what) + 1;

    // A token a sale of this till carried, with the customer it was issued for.
    private sealed record UsedToken(string Phone, SaleLoyalty Burn);
}

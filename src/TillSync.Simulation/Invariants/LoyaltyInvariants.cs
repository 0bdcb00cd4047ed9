using System.Globalization;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Sync;
using TillSync.Hq.Access;
using TillSync.Hq.Orders;
using static TillSync.Simulation.Invariants.SimulationInvariants;

namespace TillSync.Simulation.Invariants;

/// <summary>The invariant of burns above the offline limit (docs/loyalty.md, the code flow), over the tokens HQ issued.</summary>
public static class LoyaltyInvariants
{
    /// <summary>Every invariant of the code flow, in report order.</summary>
    public static IReadOnlyList<InvariantCheck> All { get; } =
    [
        new("loyalty_tokens", "every committed burn above the offline limit carries a token HQ issued to its till for its phone and at least its points, consumed by it; no token is used by two committed orders",
            LoyaltyTokens),
    ];

    private static (bool, string) LoyaltyTokens(RunFacts facts)
    {
        var loyalty = facts.Loyalty;
        var issued = loyalty.Tokens.ToDictionary(t => t.TokenHash, StringComparer.Ordinal);
        var burns = facts.HqOrders.Where(o => o.Status == OrderStatuses.Committed)
            .Select(o => (Order: o, Dto: JsonSerializer.Deserialize(o.BodyJson, TillSyncJsonContext.Default.OrderDto)!))
            .Where(o => o.Dto.Loyalty is { BurnPoints: > 0 }).ToList();
        var offenders = new List<string>();
        foreach (var (order, dto) in burns)
        {
            var burnPaise = dto.Payments.Where(p => p.Method == PaymentMethods.Loyalty).Sum(p => p.AmountPaise);
            if (dto.Loyalty!.RedemptionToken is not { } token)
            {
                if (burnPaise > loyalty.OfflineBurnPaiseMax)
                {
                    offenders.Add(string.Create(CultureInfo.InvariantCulture, $"{order.BillNo}: a burn of {burnPaise} paise without a token"));
                }
            }
            else if (!issued.TryGetValue(Tokens.Hash(token), out var stored))
            {
                offenders.Add($"{order.BillNo}: a token HQ never issued");
            }
            else if (stored.Phone != dto.Customer?.Phone || stored.TillId != order.TillId || stored.Points < dto.Loyalty.BurnPoints || stored.ConsumedBy != order.ClientOrderId)
            {
                offenders.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{order.BillNo} burns {dto.Loyalty.BurnPoints} at till {order.TillId}: its token is for {stored.Points} points at till {stored.TillId}, consumed by {stored.ConsumedBy?.ToString() ?? "none"}"));
            }
        }

        var withToken = burns.Where(b => b.Dto.Loyalty!.RedemptionToken is not null).ToList();
        offenders.AddRange(withToken.GroupBy(b => b.Dto.Loyalty!.RedemptionToken!, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"one token on {g.Count()} committed orders: {string.Join(", ", g.Select(b => b.Order.BillNo))}"));
        var tokenOrders = withToken.Select(b => b.Order.ClientOrderId).ToHashSet();
        offenders.AddRange(loyalty.Tokens.Where(t => t.ConsumedBy is { } id && !tokenOrders.Contains(id)).Select(t => $"a token consumed by {t.ConsumedBy}, no committed order that carries one"));
        return Outcome(offenders, string.Create(CultureInfo.InvariantCulture,
            $"{withToken.Count} burns with a token, each issued for its phone, points and till and consumed by it alone; {loyalty.TokenRefusals.Count} sales with a used or invalid token refused"),
            "token burns wrong");
    }
}

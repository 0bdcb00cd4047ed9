using Microsoft.Data.Sqlite;
using TillSync.Contracts.Sync;
using TillSync.Storage;

namespace TillSync.Simulation.Invariants;

/// <summary>The code flow as HQ left it (docs/loyalty.md): the offline limit in force, every redemption token it issued
/// (by hash) and the orders it refused for a token.</summary>
/// <param name="OfflineBurnPaiseMax">The most a burn may be worth without a token (the run sets it once, before any sale).</param>
/// <param name="CodeRequests">Code requests HQ stored.</param>
/// <param name="Tokens">Every <c>loyalty_redemption_tokens</c> row.</param>
/// <param name="TokenRefusals">Orders rejected <c>token_used</c> or <c>token_invalid</c>, with the reason.</param>
public sealed record LoyaltyFacts(long OfflineBurnPaiseMax, long CodeRequests, IReadOnlyList<LoyaltyToken> Tokens, IReadOnlyList<(Guid ClientOrderId, string Reason)> TokenRefusals)
{
    /// <summary>What HQ recorded of the code flow, by name, for the report.</summary>
    public IEnumerable<(string What, int Count)> Counts =>
    [
        ("loyalty at HQ: code requests stored", checked((int)CodeRequests)),
        ("loyalty at HQ: tokens issued", Tokens.Count),
        ("loyalty at HQ: tokens consumed by a sale", Tokens.Count(t => t.ConsumedBy is not null)),
        ("loyalty at HQ: sales refused token_used", TokenRefusals.Count(r => r.Reason == SyncReasons.TokenUsed)),
        ("loyalty at HQ: sales refused token_invalid", TokenRefusals.Count(r => r.Reason == SyncReasons.TokenInvalid)),
    ];

    /// <summary>Reads them from HQ's file through <paramref name="hq"/>.</summary>
    public static async Task<LoyaltyFacts> ReadAsync(SqliteConnection hq, CancellationToken cancellationToken)
    {
        var offlineBurnPaiseMax = (long)(await hq.Command("SELECT offline_burn_paise_max FROM loyalty_settings").ScalarAsync(cancellationToken))!;
        var requests = (long)(await hq.Command("SELECT COUNT(*) FROM loyalty_code_requests").ScalarAsync(cancellationToken))!;
        var tokens = await hq.Command("SELECT token_hash, phone, till_id, points, consumed_by FROM loyalty_redemption_tokens ORDER BY request_id")
            .ListAsync(r => new LoyaltyToken(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.IsDBNull(4) ? null : Guid.Parse(r.GetString(4))),
                cancellationToken);
        var refusals = await hq.Command("SELECT client_order_id, reason FROM orders WHERE status = @rejected AND reason IN (@used, @invalid) ORDER BY hq_seq")
            .With("@rejected", Hq.Orders.OrderStatuses.Rejected).With("@used", SyncReasons.TokenUsed).With("@invalid", SyncReasons.TokenInvalid)
            .ListAsync(r => (Guid.Parse(r.GetString(0)), r.GetString(1)), cancellationToken);
        return new LoyaltyFacts(offlineBurnPaiseMax, requests, tokens, refusals);
    }
}

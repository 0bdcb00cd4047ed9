using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Tills;
using TillSync.Core.Chain;
using TillSync.Simulation.Nodes;
using TillSync.Storage;
using TillSync.Till.Chain;

namespace TillSync.Simulation.Lan;

/// <summary>What the store LAN left behind, read after the drain while HQ and every till still run: each till's chain as
/// the till's own <c>till verify</c> walks it and as HQ's chain check (<c>GET /api/v1/tills/{id}/chain</c>) walks it, each
/// till's own entries and its copies of the others', and every document HQ answered to a relay.</summary>
/// <param name="Tills">One per till, in till order.</param>
/// <param name="Relayed">Every document HQ answered to a relay request.</param>
/// <param name="Sharing">True when the tills shared their logs.</param>
public sealed record LanFacts(IReadOnlyList<LanTillFacts> Tills, IReadOnlyList<RelayedDocument> Relayed, bool Sharing)
{
    /// <summary>Reads the facts from the running <paramref name="tills"/> and <paramref name="hq"/>.</summary>
    public static async Task<LanFacts> ReadAsync(StoreLan lan, HqNode hq, IReadOnlyList<TillNode> tills, CancellationToken cancellationToken)
    {
        var facts = new List<LanTillFacts>();
        foreach (var parts in lan.Joined)
        {
            var till = tills[parts.Number - 1];
            using var key = DocumentChain.PublicKey(parts.Key.PublicKey)
                ?? throw new InvalidOperationException($"till {parts.Number}'s public key does not parse");
            var onTill = await new TillChain(parts.Database).VerifyAsync(key, null, cancellationToken);
            using var answer = await hq.ManagerSendAsync(HttpMethod.Get, $"api/v1/tills/{till.TillId}/chain", null, cancellationToken);
            var atHq = JsonSerializer.Deserialize(await answer.Content.ReadAsStringAsync(cancellationToken), TillSyncJsonContext.Default.TillChainReport)
                ?? throw new InvalidOperationException($"HQ answered {(int)answer.StatusCode} to the chain check of till {till.TillId}");
            await using var connection = await parts.Database.OpenAsync(cancellationToken);
            var own = await connection.Command("SELECT till_seq, document_id, body_json, chain_hash FROM documents ORDER BY till_seq")
                .ListAsync(r => new LanEntry(till.TillId, r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)), cancellationToken);
            var copies = await connection.Command("""
                SELECT origin_till_id, till_seq, document_id, body_json, chain_hash FROM peer_documents ORDER BY origin_till_id, till_seq
                """).ListAsync(r => new LanEntry(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4)), cancellationToken);
            facts.Add(new LanTillFacts(parts.Number, till.TillId, onTill, atHq, own, copies, parts.Status.View([]).Refusals.Select(r => r.Code).ToList()));
        }

        return new LanFacts(facts, [.. lan.Relayed], lan.Sharing);
    }
}

/// <summary>One till's part of <see cref="LanFacts"/>.</summary>
/// <param name="Number">The till's number.</param>
/// <param name="TillId">HQ's id of it.</param>
/// <param name="OnTill">Its chain as the till walks it (<see cref="TillChain.VerifyAsync"/>).</param>
/// <param name="AtHq">Its chain as HQ walks it.</param>
/// <param name="Own">Its own log.</param>
/// <param name="Copies">Its copies of the other tills' logs.</param>
/// <param name="Refusals">The codes of the latest entries its exchange refused.</param>
public sealed record LanTillFacts(
    int Number, long TillId, ChainReport OnTill, TillChainReport AtHq, IReadOnlyList<LanEntry> Own, IReadOnlyList<LanEntry> Copies,
    IReadOnlyList<string> Refusals);

/// <summary>One entry of a till's log or of a copy of it.</summary>
/// <param name="OriginTillId">The till that made it.</param>
/// <param name="TillSeq">Its place in that till's log.</param>
/// <param name="DocumentId">The document's id.</param>
/// <param name="BodyJson">The document's exact stored bytes.</param>
/// <param name="ChainHash">Its chain hash; null for an unchained entry.</param>
public sealed record LanEntry(long OriginTillId, long TillSeq, string DocumentId, string BodyJson, string? ChainHash);

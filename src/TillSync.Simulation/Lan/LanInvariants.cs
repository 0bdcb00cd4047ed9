using System.Globalization;
using TillSync.Contracts.Sync;
using TillSync.Simulation.Invariants;

namespace TillSync.Simulation.Lan;

/// <summary>The store LAN's invariants (issue 25, item 5), judged over <see cref="LanFacts"/> with HQ's ledger of the run
/// (<see cref="MoneyFacts.Documents"/>): relayed documents each once at HQ in their own till's order, every chain verifying on its till
/// and at HQ, and every till holding every other till's log byte for byte once the LAN heals. That no document is lost,
/// duplicated or out of order, however it reached HQ, is the run's own <c>lost</c>, <c>duplicated</c> and
/// <c>commit_order</c>.</summary>
public static class LanInvariants
{
    /// <summary>Every verdict, in report order.</summary>
    public static IReadOnlyList<Verdict> Judge(IReadOnlyList<HqDocument> ledger, LanFacts lan)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(lan);
        return
        [
            // Each document HQ answered to a relay is in HQ's ledger once, under its own till at its tillSeq, and is that
            // till's own document.
            Named("lan_relayed_once", RelayedOnce(ledger, lan)),
            // Every till's chain verifies end to end on the till (till verify) and at HQ (GET /api/v1/tills/{id}/chain),
            // and HQ's head is the till's.
            Named("lan_chains_verify", ChainsVerify(lan)),
            // Once the LAN heals every till holds every other till's whole log, each copy byte for byte its origin's entry.
            Named("lan_copies_exact", CopiesExact(lan)),
        ];
    }

    private static Verdict Named(string name, (bool Holds, string Message) outcome) => new(name, outcome.Holds, outcome.Message);

    private static (bool, string) RelayedOnce(IReadOnlyList<HqDocument> documents, LanFacts lan)
    {
        var ledger = documents.GroupBy(d => d.DocumentId).ToDictionary(g => g.Key, g => g.ToList());
        var own = lan.Tills.SelectMany(t => t.Own).ToDictionary(e => (e.OriginTillId, e.TillSeq), e => e.DocumentId);
        var offenders = new List<string>();
        foreach (var relayed in lan.Relayed)
        {
            var rows = ledger.GetValueOrDefault(relayed.DocumentId) ?? [];
            if (rows is not [var row] || row.TillId != relayed.OriginTillId || row.TillSeq != relayed.TillSeq)
            {
                offenders.Add(string.Create(CultureInfo.InvariantCulture,
                    $"till {relayed.OriginTillId} seq {relayed.TillSeq} {relayed.DocumentId}: {rows.Count} ledger rows{(rows.Count == 1 ? $" at till {rows[0].TillId} seq {rows[0].TillSeq}" : "")}"));
            }

            if (!Guid.TryParse(own.GetValueOrDefault((relayed.OriginTillId, relayed.TillSeq)), out var ownId) || ownId != relayed.DocumentId)
            {
                offenders.Add(string.Create(CultureInfo.InvariantCulture, $"till {relayed.OriginTillId} seq {relayed.TillSeq}: not the till's own document"));
            }
        }

        var created = lan.Relayed.Count(r => r.Status == SyncStatus.Created);
        var again = lan.Relayed.Count(r => r.Status == SyncStatus.Duplicate);
        var distinct = lan.Relayed.Select(r => r.DocumentId).Distinct().Count();
        return SimulationInvariants.Outcome(offenders,
            string.Create(CultureInfo.InvariantCulture, $"{distinct} documents relayed ({created} committed by the relay, {again} answers of documents HQ already held), each once at HQ"),
            "relayed documents astray");
    }

    private static (bool, string) ChainsVerify(LanFacts lan)
    {
        var offenders = new List<string>();
        foreach (var till in lan.Tills)
        {
            if (!till.OnTill.Holds || till.OnTill.Walked != till.OnTill.Entries || till.OnTill.Chained != till.OnTill.Entries)
            {
                offenders.Add(string.Create(CultureInfo.InvariantCulture,
                    $"till {till.Number} on the till: {till.OnTill.Chained} of {till.OnTill.Entries} chained, {till.OnTill.Break?.Detail ?? till.OnTill.StatementProblem ?? "walk stopped"}"));
            }

            var head = till.Own.Count == 0 ? null : till.Own[^1];
            if (!till.AtHq.Holds || till.AtHq.Entries != till.Own.Count || till.AtHq.HeadHash != head?.ChainHash)
            {
                offenders.Add(string.Create(CultureInfo.InvariantCulture,
                    $"till {till.Number} at HQ: {till.AtHq.Entries} entries for {till.Own.Count}, {till.AtHq.Detail ?? (till.AtHq.HeadHash == head?.ChainHash ? "" : "head differs")}"));
            }
        }

        return SimulationInvariants.Outcome(offenders,
            string.Create(CultureInfo.InvariantCulture, $"{lan.Tills.Count} chains of {lan.Tills.Sum(t => t.Own.Count)} entries verify on their tills and at HQ"), "chains broken");
    }

    private static (bool, string) CopiesExact(LanFacts lan)
    {
        if (!lan.Sharing)
        {
            return (true, "no sharing in this run");
        }

        var offenders = new List<string>();
        foreach (var till in lan.Tills)
        {
            foreach (var origin in lan.Tills.Where(o => o.Number != till.Number))
            {
                var copies = till.Copies.Where(c => c.OriginTillId == origin.TillId).ToList();
                if (copies.Count != origin.Own.Count)
                {
                    offenders.Add(string.Create(CultureInfo.InvariantCulture, $"till {till.Number} holds {copies.Count} of till {origin.Number}'s {origin.Own.Count} entries"));
                }

                offenders.AddRange(copies.Zip(origin.Own).Where(p => p.First != p.Second)
                    .Select(p => string.Create(CultureInfo.InvariantCulture, $"till {till.Number}'s copy of till {origin.Number} seq {p.First.TillSeq} differs from the original")));
            }
        }

        var refusals = lan.Tills.SelectMany(t => t.Refusals).GroupBy(c => c, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} ×{g.Count()}")).ToList();
        return SimulationInvariants.Outcome(offenders,
            string.Create(CultureInfo.InvariantCulture,
                $"{lan.Tills.Sum(t => t.Copies.Count)} copies, each its origin's entry{(refusals.Count == 0 ? "" : $"; refused on the way: {string.Join(", ", refusals)}")}"),
            "copies missing or wrong");
    }
}

using System.Globalization;
using TillSync.Hq.EInvoicing;
using EwayBillRegistry = TillSync.Irp.EwayBills.EwayBillRegistry;
using static TillSync.Simulation.Invariants.SimulationInvariants;

namespace TillSync.Simulation.Invariants;

/// <summary>The invariant of e-way bills (docs/einvoice.md), checked over the portal's e-way bills and the one HQ holds per
/// invoice: what NIC allows — at most one active e-way bill per IRN, each cancelled within 24 hours of its generation,
/// only for invoices above ₹50,000 — and HQ holding exactly what the portal holds, lost answers and all.</summary>
public static class EwayBillInvariants
{
    /// <summary>Every invariant of e-way bills, in report order.</summary>
    public static IReadOnlyList<InvariantCheck> All { get; } =
    [
        new("eway_bills", "at most one active e-way bill per invoice at the portal, each cancel within 24 hours of its generation, only for invoices "
            + "above ₹50,000; HQ holds each invoice's latest e-way bill as the portal does (active or cancelled), and no active one HQ does not know",
            EwayBills),
    ];

    private static (bool, string) EwayBills(RunFacts facts)
    {
        var (portal, hq) = (facts.EInvoices.EwayBills.Portal, facts.EInvoices.EwayBills.Hq);
        var offenders = new List<string>();
        offenders.AddRange(portal.Where(e => e.CancelledAt is null).GroupBy(e => e.Irn).Where(g => g.Count() > 1)
            .Select(g => $"IRN {g.Key[..12]}…: {g.Count()} active e-way bills ({string.Join(", ", g.Select(e => e.EwbNo))})"));
        offenders.AddRange(portal.Where(e => e.CancelledAt - e.GeneratedAt > EwayBillRegistry.CancelWindow)
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"e-way bill {e.EwbNo}: cancelled {(e.CancelledAt!.Value - e.GeneratedAt).TotalHours:0.0} h after its generation")));
        var invoices = facts.EInvoices.Hq.GroupBy(r => r.Irn, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        offenders.AddRange(portal.Where(e => !invoices.ContainsKey(e.Irn)).Select(e => $"e-way bill {e.EwbNo}: for an IRN HQ does not hold"));
        offenders.AddRange(hq.Where(h => h.TotalPaise <= EwayBillEndpoint.EwayBillThresholdPaise)
            .Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.DocNo}: e-way bill {h.EwbNo} for a bill of {h.TotalPaise} paise")));
        var byNumber = portal.ToDictionary(e => e.EwbNo);
        foreach (var held in hq)
        {
            var atPortal = byNumber.GetValueOrDefault(held.EwbNo);
            if (atPortal is null || atPortal.Irn != held.Irn || (atPortal.CancelledAt is not null) != held.Cancelled)
            {
                offenders.Add($"{held.DocNo}: HQ holds e-way bill {held.EwbNo} {(held.Cancelled ? "cancelled" : "active")}, the portal "
                    + (atPortal is null ? "nothing" : atPortal.CancelledAt is null ? "active" : "cancelled"));
            }
        }

        var heldActive = hq.Where(h => !h.Cancelled).Select(h => h.EwbNo).ToHashSet();
        offenders.AddRange(portal.Where(e => e.CancelledAt is null && !heldActive.Contains(e.EwbNo)).Select(e => $"e-way bill {e.EwbNo}: active at the portal, unknown to HQ"));
        var afresh = portal.GroupBy(e => e.Irn).Sum(g => g.Count() - 1);
        return Outcome(offenders, string.Create(CultureInfo.InvariantCulture,
            $"{portal.Count} e-way bills for {portal.Select(e => e.Irn).Distinct().Count()} invoices above ₹50,000: {portal.Count(e => e.CancelledAt is null)} active, "
            + $"{portal.Count(e => e.CancelledAt is not null)} cancelled within 24 hours, {afresh} raised afresh after a cancel; HQ agrees with the portal"),
            "e-way bills wrong");
    }
}

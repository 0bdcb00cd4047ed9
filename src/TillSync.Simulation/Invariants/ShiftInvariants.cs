using System.Globalization;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Hq.Accounting;
using TillSync.Hq.Orders;
using TillSync.Hq.Reviews;
using static TillSync.Simulation.Invariants.SimulationInvariants;

namespace TillSync.Simulation.Invariants;

/// <summary>The invariants of cashiers' shifts and cash (docs/shifts.md): every shift document at HQ once, each drawer's
/// figures on the till's Z report equal to the cashiers' own tally and to HQ's, the cash in the journal once, and HQ's
/// <c>shift_count_differs</c> items exactly where its count is not the till's.</summary>
public static class ShiftInvariants
{
    /// <summary>Every invariant of shifts and cash, in report order.</summary>
    public static IReadOnlyList<InvariantCheck> All { get; } =
    [
        new("shifts_once", "every shift open, cash movement and close a till recorded is at HQ exactly once (ledger and shift rows, its till and tillSeq), and nothing else is",
            ShiftsOnce),
        new("drawer_balanced", "per closed shift, the till's Z report: float + cash sales − cash refunds + in − out = expected, its figures are the cashiers' own tally, and counted − expected = variance",
            DrawerBalanced),
        new("z_matches_hq", "per closed shift, HQ's Z number, float, cash in and out, expected figures, count, slips and variance equal the till's Z report",
            ZMatchesHq),
        new("cash_journaled", "every cash movement has one entry of its amount and every close counted short or over one entry of its variance; an exact count has none",
            CashJournaled),
        new("shift_count_reviewed", "a shift_count_differs item exists, once, for exactly the closes whose count from HQ's documents is not the till's",
            ShiftCountReviewed),
    ];

    private static readonly string[] Kinds = [DocumentKinds.ShiftOpen, DocumentKinds.CashMovement, DocumentKinds.ShiftClose];

    private static IEnumerable<(TillFacts Till, TillShiftDocument Document)> Recorded(RunFacts facts) =>
        facts.Tills.SelectMany(t => t.ShiftDocuments.Select(d => (t, d)));

    private static IEnumerable<(TillFacts Till, Till.Shifts.ShiftReport Z)> ZReports(RunFacts facts) =>
        facts.Tills.SelectMany(t => t.ZReports.Select(z => (t, z)));

    private static (bool, string) ShiftsOnce(RunFacts facts)
    {
        var ledger = facts.Money.Documents.Where(d => Kinds.Contains(d.Kind)).GroupBy(d => d.DocumentId).ToDictionary(g => g.Key, g => g.ToList());
        var rows = facts.Shifts.HqRows.GroupBy(r => r.DocumentId).ToDictionary(g => g.Key, g => g.ToList());
        var recorded = Recorded(facts).ToList();
        var offenders = new List<string>();
        foreach (var (till, document) in recorded)
        {
            var entries = ledger.GetValueOrDefault(document.DocumentId) ?? [];
            var held = rows.GetValueOrDefault(document.DocumentId) ?? [];
            if (entries.Count != 1 || (entries[0].Kind, entries[0].TillId, entries[0].TillSeq) != (document.Kind, till.TillId, document.TillSeq))
            {
                offenders.Add($"till {till.Number} seq {document.TillSeq} {document.Kind}: {entries.Count} ledger rows");
            }
            else if (entries[0].Status == OrderStatuses.Committed
                && (held.Count != 1 || (held[0].Kind, held[0].TillId, held[0].TillSeq) != (document.Kind, till.TillId, document.TillSeq)))
            {
                offenders.Add($"till {till.Number} seq {document.TillSeq} {document.Kind}: {held.Count} rows at HQ");
            }
        }

        var recordedIds = recorded.Select(r => r.Document.DocumentId).ToHashSet();
        offenders.AddRange(facts.Shifts.HqRows.Where(r => !recordedIds.Contains(r.DocumentId)).Select(r => $"{r.Kind} {r.DocumentId} at HQ, recorded by no till"));
        var rejected = ledger.Values.Count(e => e[0].Status == OrderStatuses.Rejected);
        return Outcome(offenders, string.Create(CultureInfo.InvariantCulture,
            $"each of {recorded.Count} shift documents at HQ once ({Of(DocumentKinds.ShiftOpen)} opens, {Of(DocumentKinds.CashMovement)} cash movements, {Of(DocumentKinds.ShiftClose)} closes; {rejected} rejected)"),
            "shift documents wrong at HQ");

        int Of(string kind) => recorded.Count(r => r.Document.Kind == kind);
    }

    private static (bool, string) DrawerBalanced(RunFacts facts)
    {
        var tallies = facts.Shifts.Tallies.ToDictionary(t => t.ShiftId);
        var offenders = new List<string>();
        var (shortCount, overCount) = (0, 0);
        foreach (var (till, z) in ZReports(facts))
        {
            var e = z.Expected;
            var cash = Tender(z, PaymentMethods.Cash);
            var name = string.Create(CultureInfo.InvariantCulture, $"till {till.Number} Z{z.Close!.ZNumber}");
            if (z.ExpectedCashPaise != Drawer(e) || cash.ExpectedPaise != z.ExpectedCashPaise || cash.VariancePaise != cash.CountedPaise - cash.ExpectedPaise)
            {
                offenders.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: expected cash {z.ExpectedCashPaise} (cash tender {cash.ExpectedPaise}), float + sales − refunds + in − out {Drawer(e)}, variance {cash.VariancePaise}"));
            }

            if (!tallies.TryGetValue(z.ShiftId, out var tally))
            {
                offenders.Add($"{name}: shift {z.ShiftId} the cashiers never opened");
                continue;
            }

            var tallied = new ShiftExpectedDto(tally.FloatPaise, tally.CashSalesPaise, tally.CashRefundsPaise, tally.CashInPaise, tally.CashOutPaise, tally.CardPaise, tally.UpiPaise);
            if (e != tallied || cash.CountedPaise != tally.CountedPaise)
            {
                offenders.Add($"{name}: the Z report says {Figures(e)} counted {cash.CountedPaise}, the cashiers {Figures(tallied)} counted {tally.CountedPaise}");
            }

            shortCount += cash.VariancePaise < 0 ? 1 : 0;
            overCount += cash.VariancePaise > 0 ? 1 : 0;
        }

        var reported = ZReports(facts).Select(r => r.Z.ShiftId).ToHashSet();
        offenders.AddRange(facts.Shifts.Tallies.Where(t => t.CloseId is not null && !reported.Contains(t.ShiftId))
            .Select(t => $"till {t.TillNumber} shift {t.ShiftId}: closed by the cashiers, no Z report at the till"));
        return Outcome(offenders, string.Create(CultureInfo.InvariantCulture,
            $"{reported.Count} Z reports balance and equal the cashiers' tally ({shortCount} short, {overCount} over)"), "drawers wrong");
    }

    private static (bool, string) ZMatchesHq(RunFacts facts)
    {
        var atHq = facts.Shifts.HqShifts.ToDictionary(s => s.ShiftId);
        var offenders = new List<string>();
        foreach (var (till, z) in ZReports(facts))
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"till {till.Number} Z{z.Close!.ZNumber}");
            if (!atHq.TryGetValue(z.ShiftId, out var hq))
            {
                offenders.Add($"{name}: HQ holds no shift {z.ShiftId}");
                continue;
            }

            var (cash, card, upi) = (Tender(z, PaymentMethods.Cash), Tender(z, PaymentMethods.Card), Tender(z, PaymentMethods.Upi));
            var differ = new (string Field, bool Equal)[]
            {
                ("till", hq.TillId == till.TillId), ("Z number", hq.ZNumber == z.Close.ZNumber), ("float", hq.FloatPaise == z.Expected.FloatPaise),
                ("cash in", hq.CashInPaise == z.Expected.CashInPaise), ("cash out", hq.CashOutPaise == z.Expected.CashOutPaise),
                ("expected", hq.Expected == z.Expected), ("counted cash", hq.CountedCashPaise == cash.CountedPaise),
                ("card slips", hq.CardSlipsPaise == card.CountedPaise), ("UPI slips", hq.UpiSlipsPaise == upi.CountedPaise),
                ("cash variance", hq.CashVariancePaise == cash.VariancePaise),
            }.Where(f => !f.Equal).Select(f => f.Field).ToList();
            if (differ.Count > 0)
            {
                offenders.Add($"{name}: HQ's {string.Join(", ", differ)} differ (HQ expected {Figures(hq.Expected)}, the Z report {Figures(z.Expected)})");
            }
        }

        var reported = ZReports(facts).Select(r => r.Z.ShiftId).ToHashSet();
        offenders.AddRange(facts.Shifts.HqShifts.Where(s => s.ZNumber is not null && !reported.Contains(s.ShiftId))
            .Select(s => $"Z{s.ZNumber} of till {s.TillId} at HQ, no Z report at the till"));
        return Outcome(offenders, $"{reported.Count} Z reports equal HQ's figures", "Z reports differ from HQ");
    }

    private static (bool, string) CashJournaled(RunFacts facts)
    {
        var committed = facts.Money.Documents.Where(d => d.Status == OrderStatuses.Committed).Select(d => d.DocumentId).ToHashSet();
        var expected = new List<(string Ref, string Account, long AmountPaise)>();
        var (movements, variances) = (0, 0);
        foreach (var (_, recorded) in Recorded(facts).Where(r => committed.Contains(r.Document.DocumentId)))
        {
            var document = recorded.Document;
            if (document.CashMovement is { } movement)
            {
                var (debit, credit) = movement.Reason switch
                {
                    CashReasons.PickupToSafe => (Accounts.Safe, Accounts.Cash),
                    CashReasons.PettyCash => (Accounts.PettyCash, Accounts.Cash),
                    _ => (Accounts.Cash, Accounts.Safe),
                };
                var reference = $"cash:{recorded.DocumentId:D}";
                expected.AddRange([(reference, debit, movement.AmountPaise), (reference, credit, -movement.AmountPaise)]);
                movements++;
            }
            else if (document.ShiftClose is { } close && Denominations.TotalPaise(close.CashCounted) - Drawer(close.Expected) is var variancePaise and not 0)
            {
                var reference = $"shift_close:{recorded.DocumentId:D}";
                expected.AddRange([(reference, Accounts.Cash, variancePaise), (reference, variancePaise < 0 ? Accounts.CashShort : Accounts.CashOver, -variancePaise)]);
                variances++;
            }
        }

        var offenders = Difference(expected, facts.Shifts.CashPostings,
            p => string.Create(CultureInfo.InvariantCulture, $"{p.Ref}: {p.AmountPaise} paise to {p.Account}"));
        return Outcome(offenders, string.Create(CultureInfo.InvariantCulture, $"{movements} cash movements and {variances} short or over closes, each one entry"),
            "cash entries wrong");
    }

    private static (bool, string) ShiftCountReviewed(RunFacts facts)
    {
        var items = facts.Reviews.Where(r => r.Kind == ReviewItems.ShiftCountDiffers).GroupBy(r => r.ClientOrderId).ToDictionary(g => g.Key, g => g.Count());
        var closed = facts.Shifts.HqShifts.Where(s => s.ZNumber is not null).ToList();
        var offenders = new List<string>();
        var differing = 0;
        foreach (var shift in closed)
        {
            var closeId = facts.Shifts.CloseIdByShift[shift.ShiftId];
            var differs = shift.Expected != shift.HqExpected;
            differing += differs ? 1 : 0;
            if (items.GetValueOrDefault(closeId) != (differs ? 1 : 0))
            {
                offenders.Add($"Z{shift.ZNumber} of till {shift.TillId}: HQ's count {(differs ? "differs" : "agrees")}, {items.GetValueOrDefault(closeId)} shift_count_differs items");
            }
        }

        var closes = facts.Shifts.CloseIdByShift.Values.ToHashSet();
        offenders.AddRange(items.Keys.Where(id => !closes.Contains(id)).Select(id => $"shift_count_differs item for {id}, no such close at HQ"));
        return Outcome(offenders, string.Create(CultureInfo.InvariantCulture, $"{closed.Count} closes at HQ, {differing} counted differently by HQ, each with one item"),
            "count reviews wrong");
    }

    // The cash a drawer should hold, from the figures alone.
    private static long Drawer(ShiftExpectedDto e) => e.FloatPaise + e.CashSalesPaise - e.CashRefundsPaise + e.CashInPaise - e.CashOutPaise;

    private static Till.Shifts.TenderCount Tender(Till.Shifts.ShiftReport z, string tender) => z.Close!.Tenders.Single(t => t.Tender == tender);

    private static string Figures(ShiftExpectedDto? e) => e is null ? "nothing" : string.Create(CultureInfo.InvariantCulture,
        $"float {e.FloatPaise} cash sales {e.CashSalesPaise} refunds {e.CashRefundsPaise} in {e.CashInPaise} out {e.CashOutPaise} card {e.CardPaise} UPI {e.UpiPaise}");
}

using System.Globalization;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Hq.Orders;
using TillSync.Hq.Reviews;
using static TillSync.Simulation.Invariants.SimulationInvariants;

namespace TillSync.Simulation.Invariants;

/// <summary>The invariants of the documents that move money after a sale (docs/returns.md, docs/loyalty.md): returns,
/// their links and over-returns, credit notes in the books and the GST summary, store credit vouchers and loyalty points.</summary>
public static class ReturnInvariants
{
    /// <summary>Every invariant of returns, store credit and loyalty, in report order.</summary>
    public static IReadOnlyList<InvariantCheck> All { get; } =
    [
        new("returns_once", "every return a till recorded is at HQ exactly once (id, credit note number, tillSeq), as the till recorded it, and nothing else is",
            ReturnsOnce),
        new("returns_linked", "every committed return is linked to its original once HQ holds it, or has a return_unlinked item once the wait passed",
            ReturnsLinked),
        new("over_returns_reviewed", "per original line Σ returned ≤ Σ sold, or its newest over_return item (open, or resolved by a manager) names every credit note on it",
            OverReturnsReviewed),
        new("credit_notes_match_journal", "the GST summary's credit notes = the return entries' GST and revenue reversals = Σ committed credit notes",
            CreditNotesMatchJournal),
        new("store_credit_balanced", "each voucher's movements are its credit note's issue and its spending sales' spends, once each; every overdrawn voucher has an item",
            StoreCreditBalanced),
        new("loyalty_balanced", "each customer's balance = Σ movements = earns and burns of committed sales and returns, once each; every negative balance has an item",
            LoyaltyBalanced),
    ];

    private static IEnumerable<(TillFacts Till, TillReturn Return)> Recorded(RunFacts facts) => facts.Tills.SelectMany(t => t.Returns.Select(r => (t, r)));

    private static (bool, string) ReturnsOnce(RunFacts facts)
    {
        var ledger = facts.Money.Documents.Where(d => d.Kind == DocumentKinds.Return).GroupBy(d => d.DocumentId).ToDictionary(g => g.Key, g => g.ToList());
        var atHq = facts.Money.Returns.GroupBy(r => r.DocumentId).ToDictionary(g => g.Key, g => g.First());
        var recorded = Recorded(facts).ToList();
        var offenders = new List<string>();
        foreach (var (till, returned) in recorded)
        {
            var rows = ledger.GetValueOrDefault(returned.DocumentId) ?? [];
            if (rows.Count != 1 || rows[0].TillId != till.TillId || rows[0].TillSeq != returned.TillSeq)
            {
                offenders.Add($"till {till.Number} seq {returned.TillSeq} {returned.CreditNoteNo}: {rows.Count} ledger rows");
            }
            else if (rows[0].Status == OrderStatuses.Committed && (!atHq.TryGetValue(returned.DocumentId, out var hq) || hq.CreditNoteNo != returned.CreditNoteNo
                || hq.TillId != till.TillId || Canonical(hq.BodyJson) != JsonSerializer.Serialize(returned.Return, TillSyncJsonContext.Default.ReturnDto)))
            {
                offenders.Add($"till {till.Number} seq {returned.TillSeq} {returned.CreditNoteNo}: HQ's credit note differs or is missing");
            }
        }

        var recordedIds = recorded.Select(r => (r.Till.TillId, r.Return.DocumentId)).ToHashSet();
        offenders.AddRange(facts.Money.Returns.Where(r => !recordedIds.Contains((r.TillId, r.DocumentId))).Select(r => $"{r.CreditNoteNo} at HQ, recorded by no till"));
        offenders.AddRange(facts.Money.Returns.GroupBy(r => r.DocumentId.ToString()).Concat(facts.Money.Returns.GroupBy(r => $"till {r.TillId} {r.CreditNoteNo}"))
            .Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}"));
        return Outcome(offenders, $"each of {recorded.Count} returns at HQ once, as recorded", "returns wrong at HQ");

        static string Canonical(string json) =>
            JsonSerializer.Serialize(JsonSerializer.Deserialize(json, TillSyncJsonContext.Default.ReturnDto)!, TillSyncJsonContext.Default.ReturnDto);
    }

    private static (bool, string) ReturnsLinked(RunFacts facts)
    {
        var committed = CommittedOrders(facts).Keys.ToHashSet();
        var unlinkedReviews = facts.Reviews.Where(r => r.Kind == ReviewItems.ReturnUnlinked).Select(r => r.ClientOrderId).ToHashSet();
        var dueBy = facts.Money.CheckedAt - facts.Money.UnlinkedAfter - Hq.Returns.UnlinkedReturnSweep.Every;
        var offenders = facts.Money.Returns.Select(r => (r, held: committed.Contains(r.OriginalOrderId)))
            .Select(x => x switch
            {
                ({ Linked: false }, true) => $"{x.r.CreditNoteNo}: HQ holds its original but did not link it",
                ({ Linked: true }, false) => $"{x.r.CreditNoteNo}: linked to an original HQ does not hold",
                ({ Linked: false }, false) when x.r.CommittedAt <= dueBy && !unlinkedReviews.Contains(x.r.DocumentId) =>
                    $"{x.r.CreditNoteNo}: unlinked past the wait without a return_unlinked item",
                _ => null,
            }).OfType<string>();
        var awaiting = facts.Money.Returns.Count(r => !r.Linked);
        var early = facts.Money.Documents.Count(d => d.Kind == DocumentKinds.Return) - facts.Money.Returns.Count;
        return Outcome(offenders, string.Create(CultureInfo.InvariantCulture,
            $"{facts.Money.Returns.Count - awaiting} linked, {awaiting} awaiting, {facts.Money.Returns.Count(r => r.Flags.Contains("awaiting_original", StringComparison.Ordinal))} committed before their original; {early} rejected"),
            "returns unlinked");
    }

    private static (bool, string) OverReturnsReviewed(RunFacts facts)
    {
        var orders = CommittedOrders(facts);
        // The line's newest item: the open one, or the last a manager resolved when no later return opened another.
        var items = facts.Reviews.Where(r => r.Kind == ReviewItems.OverReturn).GroupBy(r => (r.ClientOrderId, r.LineNo ?? 0))
            .ToDictionary(g => g.Key, g => g.Last());
        var numbers = facts.Money.Returns.ToDictionary(r => r.DocumentId, r => r.CreditNoteNo);
        var offenders = new List<string>();
        var over = 0;
        foreach (var line in facts.Money.ReturnLines.GroupBy(l => (l.OriginalOrderId, l.OriginalLineNo)))
        {
            if (!orders.TryGetValue(line.Key.OriginalOrderId, out var order))
            {
                continue; // no original to compare with: returns_linked says why
            }

            var soldMilli = Hq.Stock.Quantity.ToMilli(order.Lines[line.Key.OriginalLineNo - 1].Qty);
            var returnedMilli = line.Sum(l => l.QtyMilli);
            var item = items.GetValueOrDefault(line.Key);
            var detail = item?.Detail;
            if (returnedMilli <= soldMilli)
            {
                if (item is not null)
                {
                    offenders.Add($"{order.BillNo} line {line.Key.OriginalLineNo}: over_return item, yet {returnedMilli} of {soldMilli} returned");
                }

                continue;
            }

            over++;
            var missing = line.Select(l => numbers[l.DocumentId]).Where(n => detail?.Contains(n, StringComparison.Ordinal) != true).ToList();
            if (missing.Count > 0)
            {
                offenders.Add($"{order.BillNo} line {line.Key.OriginalLineNo}: {returnedMilli} of {soldMilli} returned; "
                    + (detail is null ? "no over_return item" : $"its newest item omits {string.Join(", ", missing)}"));
            }
        }

        return Outcome(offenders, $"{over} over-returned lines, each with an item naming its credit notes", "over-returns");
    }

    private static (bool, string) CreditNotesMatchJournal(RunFacts facts)
    {
        var returns = facts.Money.Returns;
        var gstPaise = returns.Sum(r => r.GstPaise);
        var taxablePaise = returns.Sum(r => r.TaxablePaise);
        var journalGstPaise = facts.Money.PaiseByKindAndAccount.Where(p => p.Key.Kind == Hq.Accounting.JournalKinds.Return
            && p.Key.Account.StartsWith("liabilities:gst:", StringComparison.Ordinal)).Sum(p => p.Value);
        var journalRevenuePaise = facts.Money.PaiseByKindAndAccount.GetValueOrDefault((Hq.Accounting.JournalKinds.Return, "revenue:sales"));
        var summary = facts.Money.CreditNoteTotals;
        var summaryGstPaise = summary is null ? 0 : summary.CgstPaise + summary.SgstPaise + summary.IgstPaise;
        var offenders = new[]
        {
            journalGstPaise == gstPaise ? null : $"journal reverses {journalGstPaise} paise of GST, credit notes {gstPaise}",
            summaryGstPaise == gstPaise ? null : $"GST summary's credit notes {summaryGstPaise} paise of GST, credit notes {gstPaise}",
            journalRevenuePaise == taxablePaise ? null : $"journal reverses {journalRevenuePaise} paise of revenue, credit notes {taxablePaise}",
            (summary?.TaxablePaise ?? 0) == taxablePaise ? null : $"GST summary's credit notes {summary?.TaxablePaise ?? 0} paise taxable, credit notes {taxablePaise}",
        }.OfType<string>();
        return Outcome(offenders, string.Create(CultureInfo.InvariantCulture, $"{returns.Count} credit notes: {gstPaise} paise of GST and {taxablePaise} taxable agree"),
            "disagree");
    }

    private static (bool, string) StoreCreditBalanced(RunFacts facts)
    {
        var expected = facts.Money.Returns.SelectMany(r => JsonSerializer.Deserialize(r.BodyJson, TillSyncJsonContext.Default.ReturnDto)!.Refunds
                .Where(f => f.Method == RefundMethods.StoreCredit).Select(f => new HqMovement(r.CreditNoteNo, "issue", f.AmountPaise, r.DocumentId)))
            .Concat(CommittedOrders(facts).Values.SelectMany(o => o.Payments.Where(p => p.Method == PaymentMethods.StoreCredit)
                .Select(p => new HqMovement(p.Reference!, "spend", -p.AmountPaise, o.ClientOrderId))))
            .ToList();
        var offenders = Difference(expected, facts.Money.Vouchers, "store credit movement");
        var issuedBy = facts.Money.Vouchers.Where(v => v.Kind == "issue").ToDictionary(v => v.Account, v => v.DocumentId!.Value);
        var reviewed = facts.Reviews.Where(r => r.Kind == ReviewItems.StoreCreditOverdraft).Select(r => r.ClientOrderId).ToHashSet();
        var overdrawn = facts.Money.Vouchers.GroupBy(v => v.Account).Where(g => issuedBy.ContainsKey(g.Key) && g.Sum(v => v.Amount) < 0).Select(g => g.Key).ToList();
        offenders.AddRange(overdrawn.Where(code => !reviewed.Contains(issuedBy[code])).Select(code => $"voucher {code} overdrawn without a store_credit_overdraft item"));
        return Outcome(offenders, string.Create(CultureInfo.InvariantCulture,
            $"{issuedBy.Count} vouchers issued, {expected.Count - issuedBy.Count} spends, {overdrawn.Count} overdrawn and reviewed"), "store credit wrong");
    }

    private static (bool, string) LoyaltyBalanced(RunFacts facts)
    {
        var expected = CommittedOrders(facts).Values.Where(o => o.Loyalty is not null && o.Customer?.Phone is not null)
            .SelectMany(o => new[] { new HqMovement(o.Customer!.Phone!, "earn", o.Loyalty!.EarnPoints, o.ClientOrderId), new HqMovement(o.Customer.Phone!, "burn", -o.Loyalty.BurnPoints, o.ClientOrderId) })
            .Concat(facts.Money.Returns.Select(r => (r.DocumentId, JsonSerializer.Deserialize(r.BodyJson, TillSyncJsonContext.Default.ReturnDto)!.Loyalty))
                .Where(r => r.Loyalty is not null)
                .SelectMany(r => new[] { new HqMovement(r.Loyalty!.Phone, "earn", -r.Loyalty.EarnReversedPoints, r.DocumentId), new HqMovement(r.Loyalty.Phone, "burn", r.Loyalty.BurnRefundedPoints, r.DocumentId) }))
            .Where(m => m.Amount != 0).ToList();
        var offenders = Difference(expected, facts.Money.Loyalty.Where(m => m.Kind != "adjustment").ToList(), "loyalty movement");
        var sums = facts.Money.Loyalty.GroupBy(m => m.Account).ToDictionary(g => g.Key, g => g.Sum(m => m.Amount), StringComparer.Ordinal);
        offenders.AddRange(sums.Keys.Union(facts.Money.LoyaltyBalances.Keys).Where(p => sums.GetValueOrDefault(p) != facts.Money.LoyaltyBalances.GetValueOrDefault(p))
            .Select(p => $"{p}: balance {facts.Money.LoyaltyBalances.GetValueOrDefault(p)}, Σ movements {sums.GetValueOrDefault(p)}"));
        var reviewed = facts.Reviews.Where(r => r.Kind == ReviewItems.LoyaltyOverdraft).Select(r => r.ClientOrderId).ToHashSet();
        var negative = sums.Where(s => s.Value < 0).Select(s => s.Key).ToList();
        offenders.AddRange(negative.Where(p => !facts.Money.Loyalty.Any(m => m.Account == p && m.DocumentId is { } id && reviewed.Contains(id)))
            .Select(p => $"{p}: balance {sums[p]} without a loyalty_overdraft item"));
        return Outcome(offenders, string.Create(CultureInfo.InvariantCulture,
            $"{sums.Count} customers, {expected.Count} movements, {facts.Money.Loyalty.Count(m => m.Kind == "burn" && m.Amount < 0)} burns; {negative.Count} negative, each reviewed"),
            "loyalty wrong");
    }

    private static List<string> Difference(IReadOnlyList<HqMovement> expected, IReadOnlyList<HqMovement> actual, string what) =>
        SimulationInvariants.Difference(expected, actual, m => $"{what} {m.Kind} {m.Amount} of {m.Account} by {m.DocumentId}");

    private static Dictionary<Guid, OrderDto> CommittedOrders(RunFacts facts) => facts.HqOrders.Where(o => o.Status == OrderStatuses.Committed)
        .ToDictionary(o => o.ClientOrderId, o => JsonSerializer.Deserialize(o.BodyJson, TillSyncJsonContext.Default.OrderDto)!);
}

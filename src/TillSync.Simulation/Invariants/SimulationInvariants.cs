using System.Globalization;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Hq.Orders;
using TillSync.Hq.Stock;

namespace TillSync.Simulation.Invariants;

/// <summary>The invariants of docs/architecture.md that the code supports today, each checked over a run's <see cref="RunFacts"/>.
/// A new feature adds its invariant as one more entry of <see cref="All"/> (and, if it needs data the facts do not hold
/// yet, one more field of <see cref="RunFacts"/> read in <see cref="RunFacts.ReadAsync"/>).</summary>
public static class SimulationInvariants
{
    private const int OffendersShownMax = 5;

    /// <summary>Every invariant, in report order.</summary>
    public static IReadOnlyList<InvariantCheck> All { get; } =
    [
        new("lost", "every order a till recorded exists at HQ", Lost),
        new("duplicated", "no order, bill number or tillSeq of a till exists twice at HQ", Duplicated),
        new("unexpected", "every order at HQ was recorded by the till HQ holds it for", Unexpected),
        new("commit_order", "per till, HQ's orders in commit order (hq_seq) are the till's sales in tillSeq order, its documents of every kind are tillSeq 1..n with no gaps, and next_seq = n + 1",
            CommitOrder),
        new("payload", "each order at HQ is the order the till recorded (fingerprint, tillSeq, bill number)", Payload),
        new("on_hand", "on-hand per SKU = Σ stock movements = received + brought in by resolutions − sold + restocked returns (damaged ones never re-enter)", OnHand),
        new("stock_short_reviewed", "every stock_short flag has a review item for the SKU, and every shortfall review a flagged order", StockShortReviewed),
        new("rejections_reviewed", "every rejected order has a review item", RejectionsReviewed),
        new("journal_balanced", "every journal entry's debits equal its credits, so the trial balance sums to zero", JournalBalanced),
        new("journal_matches_documents", "one entry per committed order and return, none for rejected ones; their revenue and GST equal the committed sales less the credit notes",
            JournalMatchesDocuments),
        new("balances_match_postings", "the trial balance, GST summary and day's sales from HQ's maintained balances equal a full scan",
            BalancesMatchPostings),
        new("queues_drained", "once faults heal, every till's queue drains to empty", QueuesDrained),
        new("till_agrees_with_hq", "each till marks a sale, return or shift document synced or rejected exactly as HQ recorded it", TillAgreesWithHq),
        .. ReturnInvariants.All,
        .. LoyaltyInvariants.All,
        .. ShiftInvariants.All,
        .. PriceInvariants.All,
        .. PromotionInvariants.All,
        .. InventoryInvariants.All,
        .. EInvoiceInvariants.All,
    ];

    /// <summary>Every verdict for <paramref name="facts"/>.</summary>
    public static IReadOnlyList<Verdict> Judge(RunFacts facts) => [.. All.Select(i => i.Judge(facts))];

    private static (bool, string) Lost(RunFacts facts)
    {
        var atHq = facts.HqOrders.Select(o => o.ClientOrderId).ToHashSet();
        var recorded = Recorded(facts).ToList();
        return Outcome(recorded.Where(r => !atHq.Contains(r.Sale.ClientOrderId)).Select(r => $"till {r.Till.Number} seq {r.Sale.TillSeq} {r.Sale.ClientOrderId}"),
            $"all {recorded.Count} recorded orders are at HQ", "missing at HQ");
    }

    private static (bool, string) Duplicated(RunFacts facts) => Outcome(
        facts.HqOrders.GroupBy(o => o.ClientOrderId.ToString()).Concat(facts.HqOrders.GroupBy(o => $"till {o.TillId} bill {o.BillNo}"))
            .Concat(facts.HqOrders.GroupBy(o => $"till {o.TillId} seq {o.TillSeq}"))
            .Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}"),
        $"each of {facts.HqOrders.Count} orders at HQ once", "twice at HQ");

    private static (bool, string) Unexpected(RunFacts facts)
    {
        var recorded = Recorded(facts).Select(r => (r.Till.TillId, r.Sale.ClientOrderId)).ToHashSet();
        return Outcome(facts.HqOrders.Where(o => !recorded.Contains((o.TillId, o.ClientOrderId))).Select(o => $"hq_seq {o.HqSeq} {o.ClientOrderId}"),
            "no order at HQ that a till did not record", "at HQ but not recorded by that till");
    }

    private static (bool, string) CommitOrder(RunFacts facts)
    {
        var offenders = new List<string>();
        foreach (var till in facts.Tills)
        {
            var seqs = facts.HqOrders.Where(o => o.TillId == till.TillId).Select(o => o.TillSeq).ToList();
            var expected = till.Sales.Select(s => s.TillSeq).ToList();
            if (!seqs.SequenceEqual(expected))
            {
                var at = seqs.Zip(expected).Select((p, i) => (p, i)).FirstOrDefault(x => x.p.First != x.p.Second);
                offenders.Add($"till {till.Number}: {seqs.Count} orders at HQ for {till.Sales.Count} recorded; first out of order at position {at.i + 1}");
            }

            var documents = facts.Money.Documents.Where(d => d.TillId == till.TillId).Select(d => d.TillSeq).ToList();
            if (!documents.SequenceEqual(Enumerable.Range(1, till.DocumentCount).Select(n => (long)n)))
            {
                offenders.Add($"till {till.Number}: {documents.Count} documents at HQ for {till.DocumentCount} recorded, not tillSeq 1..{till.DocumentCount}");
            }

            var nextSeq = facts.HqNextSeqByTill.GetValueOrDefault(till.TillId);
            if (nextSeq != till.DocumentCount + 1)
            {
                offenders.Add($"till {till.Number}: HQ's next_seq {nextSeq}, expected {till.DocumentCount + 1}");
            }
        }

        return Outcome(offenders, $"{facts.Tills.Count} tills in tillSeq order, no gaps", "out of order");
    }

    private static (bool, string) Payload(RunFacts facts)
    {
        var atHq = facts.HqOrders.GroupBy(o => o.ClientOrderId).ToDictionary(g => g.Key, g => g.First());
        var offenders = new List<string>();
        var compared = 0;
        foreach (var (till, sale) in Recorded(facts))
        {
            if (!atHq.TryGetValue(sale.ClientOrderId, out var order))
            {
                continue; // counted by "lost"
            }

            compared++;
            var tillFingerprint = OrderFingerprint.Compute(OrderMapping.ToCore(sale.Order));
            var receivedFingerprint = OrderFingerprint.Compute(OrderMapping.ToCore(JsonSerializer.Deserialize(order.BodyJson, TillSyncJsonContext.Default.OrderDto)!));
            if (tillFingerprint != order.Fingerprint || receivedFingerprint != order.Fingerprint || order.TillSeq != sale.TillSeq
                || order.BillNo != sale.BillNo || order.TillId != till.TillId)
            {
                offenders.Add($"till {till.Number} seq {sale.TillSeq} {sale.ClientOrderId}");
            }
        }

        return Outcome(offenders, $"{compared} orders identical to what the tills recorded", "differ from the till's record");
    }

    private static (bool, string) JournalBalanced(RunFacts facts)
    {
        var offenders = facts.JournalEntries.Where(e => e.SumPaise != 0 || e.Postings < 2)
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Ref}: Σ {e.SumPaise} paise over {e.Postings} postings")).ToList();
        var totalPaise = facts.BalancePaiseByAccount.Values.Sum();
        if (totalPaise != 0)
        {
            offenders.Add(string.Create(CultureInfo.InvariantCulture, $"trial balance sums to {totalPaise} paise"));
        }

        return Outcome(offenders, $"{facts.JournalEntries.Count} entries balance; trial balance sums to 0", "unbalanced");
    }

    private static (bool, string) BalancesMatchPostings(RunFacts facts) => Outcome(
        new[]
        {
            facts.BalancesCheck.TrialBalanceMatches ? null : "trial balance",
            facts.BalancesCheck.GstSummaryMatches ? null : "GST summary",
            facts.BalancesCheck.DaySalesMatches ? null : "day's sales",
        }.OfType<string>(), "the three reports equal the scan of every posting and line", "reports differ from the scan");

    private static (bool, string) JournalMatchesDocuments(RunFacts facts)
    {
        var committed = facts.HqOrders.Where(o => o.Status == OrderStatuses.Committed)
            .Select(o => JsonSerializer.Deserialize(o.BodyJson, TillSyncJsonContext.Default.OrderDto)!).ToList();
        var returns = facts.Money.Returns;
        var offenders = new List<string>();
        OneEntryEach("sale", committed.Select(o => $"sale:{o.ClientOrderId:D}"));
        OneEntryEach("return", returns.Select(r => $"return:{r.DocumentId:D}"));
        Balance("revenue:sales", -committed.Sum(o => o.Totals.TaxablePaise) + returns.Sum(r => r.TaxablePaise));
        Balance("liabilities:gst:", -committed.Sum(o => o.Totals.CgstPaise + o.Totals.SgstPaise + o.Totals.IgstPaise) + returns.Sum(r => r.GstPaise));
        Balance("liabilities:gst:igst:", -committed.Sum(o => o.Totals.IgstPaise)
            + returns.Sum(r => JsonSerializer.Deserialize(r.BodyJson, TillSyncJsonContext.Default.ReturnDto)!.Totals.IgstPaise));
        return Outcome(offenders, $"{committed.Count} sale and {returns.Count} return entries; revenue and GST agree", "disagree");

        void OneEntryEach(string kind, IEnumerable<string> expected)
        {
            var expectedRefs = expected.ToHashSet(StringComparer.Ordinal);
            offenders.AddRange(facts.JournalEntries.Where(e => e.Kind == kind).Select(e => e.Ref).Where(r => !expectedRefs.Remove(r))
                .Select(r => $"{r}: not one committed {kind}").Concat(expectedRefs.Select(r => $"{r}: committed {kind} without its entry")));
        }

        // Only the sale and return entries: a manager's credit_note or write-off posts its own entry (ResolutionEntries).
        void Balance(string accountPrefix, long expectedPaise)
        {
            var actualPaise = facts.Money.PaiseByKindAndAccount
                .Where(a => a.Key.Kind is Hq.Accounting.JournalKinds.Sale or Hq.Accounting.JournalKinds.Return && a.Key.Account.StartsWith(accountPrefix, StringComparison.Ordinal))
                .Sum(a => a.Value);
            if (actualPaise != expectedPaise)
            {
                offenders.Add(string.Create(CultureInfo.InvariantCulture, $"{accountPrefix}: journal {actualPaise}, documents {expectedPaise}"));
            }
        }
    }

    private static (bool, string) OnHand(RunFacts facts)
    {
        var committed = facts.HqOrders.Where(o => o.Status == OrderStatuses.Committed).Select(o => o.ClientOrderId).ToHashSet();
        var soldMilliBySku = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in Recorded(facts).Where(r => committed.Contains(r.Sale.ClientOrderId)).SelectMany(r => r.Sale.Order.Lines))
        {
            soldMilliBySku[line.Sku] = soldMilliBySku.GetValueOrDefault(line.Sku) + Quantity.ToMilli(line.Qty);
        }

        // A restocked line of a committed return comes back in; a damaged one never re-enters stock.
        var committedReturns = facts.Money.Returns.Select(r => r.DocumentId).ToHashSet();
        foreach (var line in facts.Tills.SelectMany(t => t.Returns).Where(r => committedReturns.Contains(r.DocumentId)).SelectMany(r => r.Return.Lines)
            .Where(l => l.Condition == ReturnConditions.Restock))
        {
            soldMilliBySku[line.Sku] = soldMilliBySku.GetValueOrDefault(line.Sku) - Quantity.ToMilli(line.Qty);
        }

        var skus = facts.OnHandMilliBySku.Keys.Concat(facts.MovementsMilliBySku.Keys).Concat(facts.ReceivedMilliBySku.Keys).Concat(facts.BroughtInMilliBySku.Keys).Concat(soldMilliBySku.Keys)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var offenders = skus
            .Select(sku => (sku, onHand: facts.OnHandMilliBySku.GetValueOrDefault(sku), moved: facts.MovementsMilliBySku.GetValueOrDefault(sku),
                expected: facts.ReceivedMilliBySku.GetValueOrDefault(sku) + facts.BroughtInMilliBySku.GetValueOrDefault(sku) - soldMilliBySku.GetValueOrDefault(sku)))
            .Where(s => s.onHand != s.moved || s.moved != s.expected)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.sku}: on-hand {Quantity.FromMilli(s.onHand)}, Σ movements {Quantity.FromMilli(s.moved)}, received + brought in − sold + restocked {Quantity.FromMilli(s.expected)}"));
        var below = skus.Count(s => facts.OnHandMilliBySku.GetValueOrDefault(s) < 0);
        return Outcome(offenders, $"{skus.Count} SKUs balance ({below} below zero)", "do not balance");
    }

    private static (bool, string) StockShortReviewed(RunFacts facts)
    {
        var flagged = facts.HqOrders.Where(o => OrderStatuses.ParseFlags(o.Flags).Contains(OrderFlags.StockShort)).Select(o => o.ClientOrderId).ToHashSet();
        var reviewed = facts.Reviews.Where(r => r.Kind == OrderFlags.StockShort && r.Sku is not null).Select(r => r.ClientOrderId).ToHashSet();
        var offenders = flagged.Where(id => !reviewed.Contains(id)).Select(id => $"{id} flagged without review")
            .Concat(reviewed.Where(id => !flagged.Contains(id)).Select(id => $"{id} reviewed without flag"));
        return Outcome(offenders, $"{flagged.Count} flagged orders, each reviewed", "shortfalls");
    }

    private static (bool, string) RejectionsReviewed(RunFacts facts)
    {
        var reviewed = facts.Reviews.Where(r => r.Kind == "rejected_order").Select(r => r.ClientOrderId).ToHashSet();
        var rejected = facts.HqOrders.Where(o => o.Status == OrderStatuses.Rejected).ToList();
        return Outcome(rejected.Where(o => !reviewed.Contains(o.ClientOrderId)).Select(o => $"{o.ClientOrderId}"),
            $"{rejected.Count} rejected orders, each reviewed", "rejected without review");
    }

    private static (bool, string) QueuesDrained(RunFacts facts) => Outcome(
        facts.Tills.Where(t => t.QueueDepth > 0).Select(t => $"till {t.Number}: {t.QueueDepth} documents still queued "
            + $"({string.Join(", ", t.Sales.Where(s => s.SyncState is "pending" or "conflict").Take(3).Select(s => $"seq {s.TillSeq} {s.SyncState}"))})"),
        "every queue empty", "not drained");

    private static (bool, string) TillAgreesWithHq(RunFacts facts)
    {
        var statusById = facts.Money.Documents.ToDictionary(d => d.DocumentId, d => d.Status);
        var offenders = facts.Tills.SelectMany(t => t.Sales.Select(s => (t, s.TillSeq, Id: s.ClientOrderId, s.SyncState))
                .Concat(t.Returns.Select(r => (t, r.TillSeq, Id: r.DocumentId, r.SyncState)))
                .Concat(t.ShiftDocuments.Select(d => (t, d.TillSeq, Id: d.DocumentId, d.SyncState))))
            .Where(d => (d.SyncState, statusById.GetValueOrDefault(d.Id)) is not ("synced", OrderStatuses.Committed) and not ("rejected", OrderStatuses.Rejected))
            .Select(d => $"till {d.t.Number} seq {d.TillSeq}: till says {d.SyncState}, HQ says {statusById.GetValueOrDefault(d.Id) ?? "nothing"}");
        return Outcome(offenders, "every till's view matches HQ", "disagree");
    }

    private static IEnumerable<(TillFacts Till, TillSale Sale)> Recorded(RunFacts facts) => facts.Tills.SelectMany(t => t.Sales.Select(s => (t, s)));

    /// <summary>What is missing from and extra in <paramref name="actual"/> against <paramref name="expected"/>, as multisets (one
    /// twice is one too many), each named by <paramref name="describe"/>.</summary>
    internal static List<string> Difference<T>(IReadOnlyList<T> expected, IReadOnlyList<T> actual, Func<T, string> describe)
        where T : notnull
    {
        var left = expected.GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
        var offenders = new List<string>();
        foreach (var item in actual)
        {
            if (left.GetValueOrDefault(item) > 0)
            {
                left[item]--;
            }
            else
            {
                offenders.Add($"{describe(item)} unexpected (or twice)");
            }
        }

        offenders.AddRange(left.Where(l => l.Value > 0).Select(l => $"{describe(l.Key)} missing"));
        return offenders;
    }

    /// <summary>A verdict from its offenders: holds when there are none, else names the first few.</summary>
    internal static (bool, string) Outcome(IEnumerable<string> offenders, string holdsMessage, string what)
    {
        var all = offenders.ToList();
        return all.Count == 0
            ? (true, holdsMessage)
            : (false, $"{all.Count} {what}: {string.Join("; ", all.Take(OffendersShownMax))}{(all.Count > OffendersShownMax ? "; …" : "")}");
    }
}

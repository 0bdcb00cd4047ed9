using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core.Returns;
using TillSync.Core.Tax;
using TillSync.Hq.Pricing;
using TillSync.Hq.Promotions;
using TillSync.Hq.Reviews;
using TillSync.Hq.Stock;
using TillSync.Hq.Sync;
using TillSync.Storage;

namespace TillSync.Hq.Returns;

/// <summary>The returns step of a sync batch: what the batch's returns and sales know of each other (docs/returns.md,
/// "Linking" and "Over-returns"). The return kind names the originals its new returns refer to and the sale kind names
/// its new sales (<see cref="Need"/>); before any document is decided the step locks those sale ids (advisory locks on
/// PostgreSQL, in one global order, so that a till's return and another till's original serialise instead of missing
/// each other) and reads the originals HQ holds and every return already recorded against them. Then, in
/// <c>tillSeq</c> order, a committed return is checked against its original (<see cref="Returned"/>) and a committed sale
/// links the returns that came before it (<see cref="Sold"/>); across all tills, a line returned beyond what was sold
/// opens one <c>over_return</c> item per original line and flags the returns that went over.</summary>
public sealed class ReturnOriginals : IBatchStep
{
    private readonly SortedSet<Guid> _needed = [];
    private readonly Dictionary<Guid, KnownSale> _sales = [];
    private readonly Dictionary<Guid, List<RecordedReturn>> _returnsByOriginal = [];
    private readonly HashSet<Guid> _linked = [];
    private Dictionary<long, PromotionRow> _promotions = [];
    private readonly Dictionary<Guid, RecordedReturn> _reflagged = [];
    private RecordedReturn? _deciding;

    /// <inheritdoc />
    public WriteStage Stage => WriteStage.Unshared;

    /// <summary>Notes sale ids the batch's documents return against or commit.</summary>
    public void Need(IEnumerable<Guid> saleIds) => _needed.UnionWith(saleIds);

    /// <inheritdoc />
    public async Task LoadAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        if (_needed.Count == 0)
        {
            return;
        }

        await batch.Engine.LockKeysAsync(batch.Connection, batch.Transaction, _needed.Select(LockKey), cancellationToken);
        var ids = _needed.Select(id => (object)id.ToString("D")).ToList();
        var sales = await batch.Engine.ListWhereInAsync(batch.Connection, batch.Transaction,
            "SELECT till_id, inter_state, body_json FROM orders WHERE status = 'committed' AND client_order_id IN ({list})", ids, [],
            r => new KnownSale(r.GetInt64(0), r.GetInt64(1) == 1 ? SupplyKind.InterState : SupplyKind.IntraState,
                JsonSerializer.Deserialize(r.GetString(2), TillSyncJsonContext.Default.OrderDto)!), cancellationToken);
        foreach (var sale in sales)
        {
            _sales[sale.Sale.ClientOrderId] = sale;
        }

        var promotionIds = sales.SelectMany(s => s.Sale.Lines.Select(l => l.PromotionId).Append(s.Sale.BillPromotion?.PromotionId)).OfType<long>().ToHashSet();
        _promotions = await PromotionRows.LoadAsync(batch.Engine, batch.Connection, batch.Transaction, promotionIds, cancellationToken);

        var returns = await batch.Engine.ListWhereInAsync(batch.Connection, batch.Transaction, """
            SELECT document_id, till_id, store_id, linked_at, flags, body_json FROM returns WHERE original_order_id IN ({list})
            ORDER BY committed_at, till_id, till_seq
            """, ids, [],
            r => new RecordedReturn(Guid.Parse(r.GetString(0)), r.GetInt64(1), r.GetInt64(2),
                JsonSerializer.Deserialize(r.GetString(5), TillSyncJsonContext.Default.ReturnDto)!, false, [.. DocumentStatuses.ParseFlags(r.GetString(4))])
            { Linked = !r.IsDBNull(3) }, cancellationToken);
        foreach (var recorded in returns)
        {
            ReturnsOf(recorded.Return.Original.ClientOrderId).Add(recorded);
        }
    }

    /// <summary>The supply kind of the original sale <paramref name="saleId"/> when HQ holds it; null when it does not.</summary>
    public SupplyKind? SupplyKindOf(Guid saleId) => _sales.TryGetValue(saleId, out var sale) ? sale.SupplyKind : null;

    /// <summary>Records a committed return of this batch: checked against its original when HQ holds it (a mismatch opens
    /// a <c>return_mismatch</c> item), else flagged <c>awaiting_original</c>. Returns the flags it is committed with.</summary>
    public IReadOnlyList<string> Returned(SyncBatch batch, Guid documentId, ReturnDto returned)
    {
        var recorded = new RecordedReturn(documentId, batch.Till.TillId, batch.Till.StoreId, returned, true, []);
        var originalId = returned.Original.ClientOrderId;
        ReturnsOf(originalId).Add(recorded);
        if (!_sales.TryGetValue(originalId, out var sale))
        {
            recorded.Flags.Add(OrderFlags.AwaitingOriginal);
            return [.. recorded.Flags];
        }

        Link(batch, sale, recorded);
        _deciding = recorded;
        foreach (var lineNo in returned.Lines.Select(l => l.OriginalLineNo))
        {
            CheckOverReturn(batch, sale, lineNo);
        }

        _deciding = null;
        return [.. recorded.Flags];
    }

    /// <summary>Records a committed sale of this batch and links the returns that reached HQ before it, in either order of
    /// arrival and from any till: each is checked against it, and its lines' returns against what it sold.</summary>
    public void Sold(SyncBatch batch, OrderDto sale, SupplyKind supplyKind)
    {
        var known = new KnownSale(batch.Till.TillId, supplyKind, sale);
        _sales[sale.ClientOrderId] = known;
        if (!_returnsByOriginal.TryGetValue(sale.ClientOrderId, out var returns))
        {
            return;
        }

        foreach (var recorded in returns.Where(r => !r.Linked))
        {
            Link(batch, known, recorded);
        }

        foreach (var lineNo in returns.SelectMany(r => r.Return.Lines).Select(l => l.OriginalLineNo).Distinct().Order())
        {
            CheckOverReturn(batch, known, lineNo);
        }
    }

    /// <inheritdoc />
    public async Task WriteAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        // The returns' rows were written first (a kind writes before the steps), so a return linked in its own batch is
        // updated like one linked later.
        foreach (var documentId in _linked)
        {
            await batch.Connection.Command("UPDATE returns SET linked_at = @at WHERE document_id = @id AND linked_at IS NULL", batch.Transaction)
                .With("@at", StoredTime.Text(batch.Now)).With("@id", documentId.ToString("D")).ExecuteAsync(cancellationToken);
        }

        foreach (var recorded in _reflagged.Values)
        {
            await batch.Connection.Command("UPDATE returns SET flags = @flags WHERE document_id = @id", batch.Transaction)
                .With("@flags", DocumentStatuses.FormatFlags(recorded.Flags)).With("@id", recorded.DocumentId.ToString("D")).ExecuteAsync(cancellationToken);
        }
    }

    /// <summary>The advisory lock key of a sale id: its two 64-bit halves folded together.</summary>
    public static long LockKey(Guid saleId)
    {
        Span<byte> bytes = stackalloc byte[16];
        saleId.TryWriteBytes(bytes);
        return BitConverter.ToInt64(bytes[..8]) ^ BitConverter.ToInt64(bytes[8..]);
    }

    private List<RecordedReturn> ReturnsOf(Guid originalId)
    {
        if (!_returnsByOriginal.TryGetValue(originalId, out var returns))
        {
            _returnsByOriginal[originalId] = returns = [];
        }

        return returns;
    }

    // A return meets its sale, once: it is checked against it (a mismatch opens its item) and what it did to the sale's
    // promotions is recorded.
    private void Link(SyncBatch batch, KnownSale sale, RecordedReturn recorded)
    {
        recorded.Linked = true;
        _linked.Add(recorded.DocumentId);
        var before = ReturnedBefore(sale, recorded);
        var problems = ReturnMismatch.Between(sale.TillId, sale.Sale, recorded.Return, ExpectedTakeBackPaise(batch, sale, recorded, before));
        if (problems.Count > 0)
        {
            batch.Step<ReviewBatch>().Open(new ReviewOpening(ReviewKind.ReturnMismatch, recorded.DocumentId, recorded.Return.CreditNoteNo, null, null, null,
                $"Credit note {recorded.Return.CreditNoteNo} does not match bill {sale.Sale.BillNo}: {string.Join("; ", problems)}."));
        }

        batch.Step<PromotionUses>().Returned(batch, new LinkedReturn(recorded.DocumentId, recorded.StoreId, recorded.TillId, recorded.Return, sale.Sale,
            sale.SupplyKind, SoldLines(sale.Sale), before.Qty, id => Terms(batch, id)));
    }

    // Per line of the sale, what the returns HQ recorded before this one took back and refunded (the till knew only its own).
    private (decimal[] Qty, long[] RefundedPaise) ReturnedBefore(KnownSale sale, RecordedReturn recorded)
    {
        var lines = sale.Sale.Lines;
        var before = new decimal[lines.Count];
        var refundedPaise = new long[lines.Count];
        foreach (var earlier in _returnsByOriginal[sale.Sale.ClientOrderId].TakeWhile(r => !ReferenceEquals(r, recorded)))
        {
            var taxes = ReturnRules.LineTaxes(earlier.Return, sale.SupplyKind);
            foreach (var (line, tax) in earlier.Return.Lines.Zip(taxes).Where(x => x.First.OriginalLineNo <= lines.Count))
            {
                before[line.OriginalLineNo - 1] += line.Qty;
                refundedPaise[line.OriginalLineNo - 1] = checked(refundedPaise[line.OriginalLineNo - 1] + tax.TotalPaise);
            }
        }

        return (before, refundedPaise);
    }

    private static List<SoldLine> SoldLines(OrderDto sale) =>
        [.. sale.Lines.Select(l => new SoldLine(l.Qty, l.UnitPricePaise, l.DiscountPaise, l.GstRateBp, l.TaxInclusive, l.PromotionId, l.PromotionPaise ?? 0))];

    // A promotion's terms from HQ's table (or, for a sale of this batch, as the price judge loaded them).
    private Core.Pricing.Promotion? Terms(SyncBatch batch, long id) =>
        _promotions.TryGetValue(id, out var row) ? PromotionMapping.ToCore(row.Promotion, endKnown: true) : batch.Step<PriceJudge>().Terms(id);

    // What each line of the return should take back of the sale's promotions (null when the return names lines or
    // quantities the sale does not have), knowing every return of it HQ recorded before it (the till knew only its own):
    // PromotionTakeBack over HQ's copy of the sale and its promotions' terms.
    private long[]? ExpectedTakeBackPaise(SyncBatch batch, KnownSale sale, RecordedReturn recorded, (decimal[] Qty, long[] RefundedPaise) before)
    {
        var lines = sale.Sale.Lines;
        if (recorded.Return.Lines.Any(l => l.OriginalLineNo > lines.Count || l.Qty > lines[l.OriginalLineNo - 1].Qty))
        {
            return null; // it does not restate the sale, which its mismatch item says; HQ has no figure of its own to give
        }

        var returning = new decimal[lines.Count];
        foreach (var line in recorded.Return.Lines)
        {
            returning[line.OriginalLineNo - 1] += line.Qty;
        }

        var shares = PromotionTakeBack.Of(SoldLines(sale.Sale), sale.Sale.BillPromotion?.PromotionId, sale.Sale.BillPromotion?.AmountPaise ?? 0,
            id => Terms(batch, id), before.Qty, returning, before.RefundedPaise, sale.SupplyKind);
        return [.. recorded.Return.Lines.Select(l => shares[l.OriginalLineNo - 1])];
    }

    // Σ returned of one original line across every till, in the order HQ recorded the returns: those that took it past
    // the quantity sold are flagged over_return, and the line's one open over_return item names every credit note on it.
    private void CheckOverReturn(SyncBatch batch, KnownSale sale, int lineNo)
    {
        if (lineNo > sale.Sale.Lines.Count)
        {
            return; // a line the sale does not have is a mismatch, already reviewed
        }

        var soldMilli = Quantity.ToMilli(sale.Sale.Lines[lineNo - 1].Qty);
        long returnedMilli = 0;
        var onLine = new List<(RecordedReturn Return, long QtyMilli)>();
        foreach (var recorded in _returnsByOriginal[sale.Sale.ClientOrderId])
        {
            if (recorded.Return.Lines.FirstOrDefault(l => l.OriginalLineNo == lineNo) is not { } line)
            {
                continue;
            }

            returnedMilli = checked(returnedMilli + Quantity.ToMilli(line.Qty));
            onLine.Add((recorded, Quantity.ToMilli(line.Qty)));
            if (returnedMilli > soldMilli && !recorded.Flags.Contains(OrderFlags.OverReturn))
            {
                Flag(batch, recorded);
            }
        }

        if (returnedMilli > soldMilli)
        {
            batch.Step<ReviewBatch>().OpenOverReturn(new OverReturnOpening(sale.Sale.ClientOrderId, sale.Sale.BillNo, lineNo,
                sale.Sale.Lines[lineNo - 1].Sku, soldMilli, returnedMilli, [.. onLine.Select(r => (r.Return.Return.CreditNoteNo, r.QtyMilli))]));
        }
    }

    private void Flag(SyncBatch batch, RecordedReturn recorded)
    {
        recorded.Flags.Add(OrderFlags.OverReturn);
        if (ReferenceEquals(recorded, _deciding))
        {
            return; // its decision carries the flag
        }

        if (recorded.InBatch)
        {
            batch.AddFlag(recorded.DocumentId, OrderFlags.OverReturn);
        }
        else
        {
            _reflagged[recorded.DocumentId] = recorded;
        }
    }

    private sealed record KnownSale(long TillId, SupplyKind SupplyKind, OrderDto Sale);

    private sealed record RecordedReturn(Guid DocumentId, long TillId, long StoreId, ReturnDto Return, bool InBatch, List<string> Flags)
    {
        public bool Linked { get; set; }
    }
}

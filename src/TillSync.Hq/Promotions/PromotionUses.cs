using TillSync.Core.Orders;
using TillSync.Core.Pricing;
using TillSync.Core.Returns;
using TillSync.Core.Tax;
using TillSync.Hq.Accounting;
using TillSync.Hq.Pricing;
using TillSync.Hq.Returns;
using TillSync.Hq.Storage;
using TillSync.Hq.Sync;
using TillSync.Storage;

namespace TillSync.Hq.Promotions;

/// <summary>The promotions step of a sync batch (docs/pricing.md, "How each promotion did"; ADR 0025): records what each
/// promotion did on each committed sale that claims it (<see cref="Sold"/>) and on each return of such a sale once it is
/// linked to it (<see cref="Returned"/>), and adds both to the per-day totals (<see cref="PromotionDays"/>). A rejected
/// document records nothing, and a resent one is answered from the ledger before any step sees it, so each document counts
/// once. Before any document is decided the step reads, for the sales the batch's returns name, what their promotions did
/// and what earlier returns took back.</summary>
public sealed class PromotionUses(DatabaseEngine engine) : IBatchStep
{
    private readonly HashSet<Guid> _needed = [];
    private readonly RowInsert<PromotionUseRows.SaleLine> _saleLines = engine.Rows("promotion_sale_lines", PromotionUseRows.SaleLineColumns);
    private readonly RowInsert<PromotionUseRows.Returned> _returns = engine.Rows("promotion_returns", PromotionUseRows.ReturnColumns);
    private Dictionary<Guid, List<PromotionLineSaving>> _savingsBySale = [];
    private Dictionary<Guid, Dictionary<long, PromotionReturnShare>> _returnedBySale = [];

    /// <inheritdoc />
    public WriteStage Stage => WriteStage.Unshared;

    /// <summary>Notes the sales the batch's returns are against.</summary>
    public void Need(IEnumerable<Guid> saleIds) => _needed.UnionWith(saleIds);

    /// <inheritdoc />
    public async Task LoadAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        if (_needed.Count == 0)
        {
            return;
        }

        // After the returns step locked these sale ids (registered before this one), so no other batch links a return to
        // one of them meanwhile.
        _savingsBySale = await PromotionUseRows.SavingsAsync(batch.Engine, batch.Connection, batch.Transaction, _needed, cancellationToken);
        _returnedBySale = await PromotionUseRows.ReturnedSoFarAsync(batch.Engine, batch.Connection, batch.Transaction, _needed, cancellationToken);
    }

    /// <summary>Records what each promotion <paramref name="order"/> claims did on it, a committed sale of this batch, a
    /// supply of <paramref name="kind"/>; the price judge has loaded the terms and the catalogue prices its till knew.</summary>
    public void Sold(SyncBatch batch, Order order, SupplyKind kind)
    {
        var judge = batch.Step<PriceJudge>();
        var savings = PromotionSavings.Of(order, kind, judge.Terms, i => judge.ListPricePaise(order, order.Lines[i]));
        if (savings.Count == 0)
        {
            return;
        }

        _savingsBySale[order.ClientOrderId] = [.. savings];
        var (storeId, tillId, date) = (batch.Till.StoreId, batch.Till.TillId, JournalEntry.BusinessDate(order.CreatedAt));
        var days = batch.Step<PromotionDays>();
        foreach (var use in savings.GroupBy(s => s.PromotionId))
        {
            var sums = days.Of(use.Key, date, storeId);
            sums.Bills++;
            foreach (var saving in use)
            {
                var tax = order.Lines[saving.LineIndex].Tax(kind);
                _saleLines.Add(new PromotionUseRows.SaleLine(order.ClientOrderId, saving, storeId, tillId, date, tax));
                sums.AddSold(saving, tax);
            }
        }
    }

    /// <summary>Records what <paramref name="linked"/>, a committed return just linked to its sale, did to the saving of
    /// each promotion of that sale — nothing when the sale's uses were not recorded (it claimed none, or committed before
    /// migration 0032).</summary>
    public void Returned(SyncBatch batch, LinkedReturn linked)
    {
        ArgumentNullException.ThrowIfNull(linked);
        var sale = linked.Sale;
        if (!_savingsBySale.TryGetValue(sale.ClientOrderId, out var savings))
        {
            return;
        }

        var returned = linked.Return;
        var returningQty = new decimal[sale.Lines.Count];
        foreach (var line in returned.Lines.Where(l => l.OriginalLineNo <= sale.Lines.Count))
        {
            returningQty[line.OriginalLineNo - 1] += line.Qty;
        }

        if (!_returnedBySale.TryGetValue(sale.ClientOrderId, out var before))
        {
            _returnedBySale[sale.ClientOrderId] = before = [];
        }

        var shares = PromotionSavingsBack.Of(
            new PromotedSale(linked.SoldLines, savings, sale.BillPromotion?.PromotionId, sale.BillPromotion?.AmountPaise ?? 0), linked.Terms,
            linked.ReturnedBeforeQty, returningQty, returned.Lines.Sum(l => l.TakeBackPaise), before);
        // The credit note's lines as the return kind recorded them (ReturnMath.ForLines, take-backs included).
        var taxes = ReturnRules.LineTaxes(returned, linked.SaleKind);
        var date = JournalEntry.BusinessDate(returned.CreatedAt);
        foreach (var share in shares)
        {
            var priced = savings.Where(s => s.PromotionId == share.PromotionId).Select(s => s.LineIndex + 1).ToHashSet();
            var refunds = returned.Lines.Select((l, j) => (l, Tax: taxes[j])).Where(x => priced.Contains(x.l.OriginalLineNo)).Select(x => x.Tax).ToList();
            var row = new PromotionUseRows.Returned(linked.DocumentId, share.PromotionId, sale.ClientOrderId, linked.StoreId, linked.TillId, date,
                share.ReturnedQty, share.SavingReturnedPaise, share.TakenBackPaise, refunds.Sum(t => t.TotalPaise), refunds.Sum(t => t.TaxablePaise));
            _returns.Add(row);
            before[share.PromotionId] = before.TryGetValue(share.PromotionId, out var earlier) ? earlier.Plus(share) : share;
            batch.Step<PromotionDays>().Of(share.PromotionId, date, linked.StoreId).AddReturned(row);
        }
    }

    /// <inheritdoc />
    public async Task WriteAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        // Written after the kinds' rows, which these reference (the sale, the credit note).
        await _saleLines.FlushAsync(batch.Connection, batch.Transaction, cancellationToken);
        await _returns.FlushAsync(batch.Connection, batch.Transaction, cancellationToken);
    }
}

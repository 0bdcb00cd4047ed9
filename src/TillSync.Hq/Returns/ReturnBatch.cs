using System.Globalization;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Core.Receipts;
using TillSync.Core.Tax;
using TillSync.Hq.Accounting;
using TillSync.Hq.Catalog;
using TillSync.Hq.EInvoicing;
using TillSync.Hq.Loyalty;
using TillSync.Hq.Orders;
using TillSync.Hq.Reviews;
using TillSync.Hq.Stock;
using TillSync.Hq.StoreCredit;
using TillSync.Hq.Storage;
using TillSync.Hq.Sync;
using TillSync.Hq.Tills;
using TillSync.Storage;

namespace TillSync.Hq.Returns;

/// <summary>The returns of one sync batch. What a return's acceptance depends on — the catalogue costs of its SKUs (the
/// batch's costs step, <see cref="BatchCosts"/>), the till's credit note numbers already used, the store's till keys, and its original (the returns step's load) — is read
/// once; each return is then decided in memory in <c>tillSeq</c> order (<see cref="Decide"/>): rejected with a review item
/// when it can never be accepted (<see cref="ReturnRules"/>), otherwise committed — the refund happened — queuing its
/// credit note, lines and refunds here, and its stock movement, journal entry, loyalty movements and review items with
/// their features' steps.</summary>
public sealed class ReturnBatch(
    DatabaseEngine engine, IReadOnlyList<(Guid DocumentId, ReturnDto Return)> newReturns, Core.Tax.GstinRule gstinRule) : IKindBatch
{
    private readonly RowInsert<ReturnRows.Header> _headers = engine.Rows("returns", ReturnRows.HeaderColumns);
    private readonly RowInsert<ReturnRows.Line> _lines = engine.Rows("return_lines", ReturnRows.LineColumns);
    private readonly RowInsert<ReturnRows.Refund> _refunds = engine.Rows("return_refunds", ReturnRows.RefundColumns);
    private HashSet<string> _usedNumbers = new(StringComparer.Ordinal);
    private Dictionary<long, byte[]> _keysByTill = [];

    /// <inheritdoc />
    public WriteStage Stage => WriteStage.Unshared;

    /// <inheritdoc />
    public async Task LoadAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        var numbers = newReturns.Select(r => r.Return.CreditNoteNo).Where(BillNumber.IsWellFormed).ToList();
        var used = await batch.Engine.ListWhereInAsync(batch.Connection, batch.Transaction,
            "SELECT credit_note_no FROM returns WHERE till_id = @till AND credit_note_no IN ({list})",
            numbers, [("@till", batch.Till.TillId)], r => r.GetString(0), cancellationToken);
        _usedNumbers = used.ToHashSet(StringComparer.Ordinal);
        if (newReturns.Any(r => r.Return.Original.ReceiptCode is not null))
        {
            var keys = await TillKeys.OfStoreAsync(batch.Connection, batch.Transaction, batch.Till.StoreId, cancellationToken);
            _keysByTill = keys.Where(k => k.Algorithm == ReceiptCode.Algorithm).ToDictionary(k => k.TillId, k => Convert.FromBase64String(k.PublicKey));
        }
    }

    /// <inheritdoc />
    public DocumentDecision Decide(SyncBatch batch, TillDocumentDto document, string fingerprint)
    {
        var returned = document.Return!;
        var till = batch.Till;
        var originals = batch.Step<ReturnOriginals>();
        var costPaiseBySku = batch.Step<BatchCosts>().CostPaiseBySku;
        var supplyKind = originals.SupplyKindOf(returned.Original.ClientOrderId)
            ?? OrderTotals.SupplyKindOf(till.SellerGstin, returned.Customer?.PlaceOfSupply);
        var rejection = ReturnRules.Check(returned, till.BillPrefix, supplyKind, batch.Now, gstinRule)
            ?? CatalogCosts.FirstUnknown(returned.Lines.Select(l => l.Sku), costPaiseBySku)
            ?? NumberReused(returned);
        _usedNumbers.Add(returned.CreditNoteNo);
        if (rejection is not null)
        {
            var number = ReturnDocuments.Clip(returned.CreditNoteNo);
            rejection = rejection with { Detail = RefusedOrder.Clip(rejection.Detail, RefusedOrder.DetailLengthMax) };
            batch.Step<ReviewBatch>().Open(new ReviewOpening(ReviewKind.RejectedOrder, document.DocumentId, number, null, null, rejection.Reason,
                $"Credit note {number} was rejected: {rejection.Detail}."));
            return DocumentDecision.Rejected(number, rejection);
        }

        var flags = originals.Returned(batch, document.DocumentId, returned).ToList();
        CheckReceiptCode(batch, document.DocumentId, returned);
        var loyaltyEarnReversedPaise = ApplyLoyalty(batch, document.DocumentId, returned, flags);
        var lines = Record(batch, document, supplyKind, flags, fingerprint, costPaiseBySku);
        var storeCreditPaise = returned.Refunds.Where(r => r.Method == RefundMethods.StoreCredit).Sum(r => r.AmountPaise);
        if (storeCreditPaise > 0)
        {
            batch.Step<StoreCreditBatch>().Issue(batch, document.DocumentId, returned.CreditNoteNo, storeCreditPaise);
        }

        var loyalty = batch.Step<LoyaltyBatch>();
        var burnAccruedPaise = returned.Loyalty is { BurnRefundedPoints: > 0 } l && returned.Refunds.All(r => r.Method != RefundMethods.Loyalty)
            ? loyalty.ValuePaise(l.BurnRefundedPoints)
            : 0;
        batch.Step<JournalWriter>().Add(ReturnEntry.For(document.DocumentId, returned.CreditNoteNo, returned.CreatedAt, till.StoreId, supplyKind,
            returned.Customer?.Gstin is not null, lines,
            BillTotals.Of(lines.Select(x => x.Tax)), [.. returned.Refunds.Select(r => (r.Method, r.AmountPaise))], loyaltyEarnReversedPaise,
            burnAccruedPaise), batch.Now);
        var original = returned.Original;
        var buyer = OrderMapping.ToCore(returned.Customer);
        batch.Step<EInvoiceOutbox>().AddCreditNote(new CreditNoteDocument(document.DocumentId, document.TillSeq, returned.CreditNoteNo, returned.CreatedAt,
            buyer, returned.Totals.TotalPaise, original.BillNo, original.CreatedAt, returned.Irn), till.StoreId, till.TillId, till.SellerGstin, batch.Now);
        return DocumentDecision.Committed(returned.CreditNoteNo, flags);
    }

    /// <inheritdoc />
    public async Task WriteAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        // Credit notes first: lines and refunds reference them.
        await _headers.FlushAsync(batch.Connection, batch.Transaction, cancellationToken);
        await _lines.FlushAsync(batch.Connection, batch.Transaction, cancellationToken);
        await _refunds.FlushAsync(batch.Connection, batch.Transaction, cancellationToken);
    }

    /// <inheritdoc />
    public Task FlagAsync(SyncBatch batch, IReadOnlyDictionary<Guid, IReadOnlyList<string>> flagsByDocument, CancellationToken cancellationToken) =>
        TillDocuments.UpdateFlagsAsync(batch, "UPDATE returns SET flags = @flags WHERE document_id = @id", flagsByDocument, cancellationToken);

    // The credit note, its lines and refunds, and the restocked lines' stock movement; returns the lines' money for the
    // journal.
    private List<ReturnedLineMoney> Record(
        SyncBatch batch, TillDocumentDto document, SupplyKind supplyKind, IReadOnlyList<string> flags, string fingerprint,
        IReadOnlyDictionary<string, long> costPaiseBySku)
    {
        var (documentId, returned) = (document.DocumentId, document.Return!);
        var till = batch.Till;
        var taxes = ReturnRules.LineTaxes(returned, supplyKind);
        var money = new List<ReturnedLineMoney>(returned.Lines.Count);
        var restockMilliBySku = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < returned.Lines.Count; i++)
        {
            var line = returned.Lines[i];
            var restocked = line.Condition == ReturnConditions.Restock;
            var costPaise = Quantity.CostPaise(line.Qty, costPaiseBySku[line.Sku]);
            money.Add(new ReturnedLineMoney(line.GstRateBp, taxes[i], restocked, costPaise));
            _lines.Add(new ReturnRows.Line(documentId, i + 1, till.StoreId, returned.Original.ClientOrderId, line, taxes[i], costPaise));
            if (restocked)
            {
                restockMilliBySku[line.Sku] = checked(restockMilliBySku.GetValueOrDefault(line.Sku) + Quantity.ToMilli(line.Qty));
            }
        }

        for (var i = 0; i < returned.Refunds.Count; i++)
        {
            _refunds.Add(new ReturnRows.Refund(documentId, i + 1, till.StoreId, returned.Refunds[i]));
        }

        _headers.Add(new ReturnRows.Header(documentId, returned, till.StoreId, till.TillId, batch.Now, fingerprint, flags, supplyKind,
            JsonSerializer.Serialize(returned, TillSyncJsonContext.Default.ReturnDto)) { TillSeq = document.TillSeq });
        if (restockMilliBySku.Count > 0)
        {
            batch.Step<StockBatch>().Move(new StockMove(documentId, returned.CreditNoteNo, StockKind.Return, restockMilliBySku));
        }

        return money;
    }

    // Points taken back and given back; a balance taken below zero is flagged and reviewed like a sale's overdraft.
    // Returns the value of the earned points taken back, which releases the loyalty liability.
    private static long ApplyLoyalty(SyncBatch batch, Guid documentId, ReturnDto returned, List<string> flags)
    {
        if (returned.Loyalty is not { } points)
        {
            return 0;
        }

        var loyalty = batch.Step<LoyaltyBatch>();
        var overdraft = loyalty.ApplyReturn(documentId, points.Phone, points.EarnReversedPoints, points.BurnRefundedPoints, batch.Now);
        if (overdraft > 0)
        {
            flags.Add(OrderFlags.LoyaltyOverdraft);
            batch.Step<ReviewBatch>().Open(new ReviewOpening(ReviewKind.LoyaltyOverdraft, documentId, returned.CreditNoteNo, null, null, null,
                string.Create(CultureInfo.InvariantCulture,
                    $"Credit note {returned.CreditNoteNo} took back {points.EarnReversedPoints} points of customer {points.Phone}, {overdraft} more than HQ's balance; the balance is now {loyalty.BalanceOf(points.Phone)}.")));
        }

        return loyalty.ValuePaise(points.EarnReversedPoints);
    }

    // A return taken from a receipt code: when HQ knows the selling till's key, the code must verify and describe the
    // sale and lines the return restates; otherwise a manager looks (the refund happened either way).
    private void CheckReceiptCode(SyncBatch batch, Guid documentId, ReturnDto returned)
    {
        var original = returned.Original;
        if (original.ReceiptCode is not { } code || !_keysByTill.ContainsKey(original.TillId))
        {
            return;
        }

        var check = ReceiptCode.Read(code, tillId => _keysByTill.GetValueOrDefault(tillId));
        var problem = check.Status != ReceiptCodeStatus.Valid
            ? $"it does not verify with the key of till {original.TillId}: {check.Detail}"
            : check.Sale is { } sale && (sale.SaleId != original.ClientOrderId || sale.TillId != original.TillId || !LinesMatch(sale, returned))
                ? "it verifies but describes another sale or other lines than the return restates"
                : null;
        if (problem is not null)
        {
            batch.Step<ReviewBatch>().Open(new ReviewOpening(ReviewKind.ReceiptCodeInvalid, documentId, returned.CreditNoteNo, null, null, null,
                $"Credit note {returned.CreditNoteNo} was taken against bill {original.BillNo} from a receipt code, but {problem}."));
        }
    }

    private static bool LinesMatch(ReceiptCodeSale sale, ReturnDto returned) =>
        returned.Lines.All(l => l.OriginalLineNo <= sale.Lines.Count && sale.Lines[l.OriginalLineNo - 1] is var s
            && s.Sku == l.Sku && s.Qty == l.OriginalQty && s.UnitPricePaise == l.UnitPricePaise && s.DiscountPaise == l.OriginalDiscountPaise
            && s.GstRateBp == l.GstRateBp && s.TaxInclusive == l.TaxInclusive);

    private Rejection? NumberReused(ReturnDto returned) => _usedNumbers.Contains(returned.CreditNoteNo)
        ? new Rejection(SyncReasons.CreditNoteNoReused, $"credit note number {returned.CreditNoteNo} is already on another return of this till")
        : null;
}

using TillSync.Contracts.Documents;
using TillSync.Contracts.Pricing;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Core.EInvoicing;
using TillSync.Core.Ids;
using TillSync.Core.Orders;
using TillSync.Core.Tax;
using TillSync.Till.Catalog;
using TillSync.Till.Loyalty;
using TillSync.Till.Outbox;
using TillSync.Till.Receipts;
using TillSync.Till.Shifts;
using TillSync.Till.Staff;
using TillSync.Till.Sync;

namespace TillSync.Till.Sales;

/// <summary>Records a sale durably before its receipt shows: one local transaction (<see cref="DocumentWriter"/>) takes the
/// next <c>tillSeq</c> and the next bill number, mints the <c>clientOrderId</c>, and stores the sale document exactly as it
/// will be sent to HQ together with its receipt and the receipt's signed code, naming the logged-in cashier (none logged in,
/// nothing recorded), inside the open shift of <paramref name="shifts"/> (none open, nothing recorded: an in-memory check
/// made inside the writer's turn, so a close can never fall between it and the sale). Without <paramref name="balances"/> (the
/// simulator, unit tests) a set of last-known loyalty balances of its own is kept; without <paramref name="shifts"/> (the
/// simulator, which does not yet run shifts) the till sells without one.</summary>
public sealed class SaleRecorder(
    DocumentWriter writer, SnapshotStore snapshots, CashierSession cashiers, IIdGenerator ids, TimeProvider time, SyncSignal signal, ReceiptKey receiptKey,
    LoyaltyBalances? balances = null, ShiftRegister? shifts = null)
{
    private readonly LoyaltyBalances _balances = balances ?? new LoyaltyBalances(snapshots, writer.Database);

    /// <summary>The receipt of the recorded sale, or a sentence for the cashier; nothing is stored on a problem. Markdowns
    /// beyond the cashier's role limits need <paramref name="approver"/>, a supervisor or manager whose PIN the caller
    /// checked, whose own limits must cover them (docs/pricing.md).</summary>
    public async Task<(Receipt? Receipt, string? Problem)> RecordAsync(SaleRequest sale, CancellationToken cancellationToken, Cashier? approver = null)
    {
        if (snapshots.Current is not { } snapshot)
        {
            return (null, NoCatalogue);
        }

        if (cashiers.Active() is not { } cashier)
        {
            return (null, NoCashier);
        }

        var recorded = await writer.WriteAsync(async transaction =>
        {
            if (OutsideShift())
            {
                return (null, ShiftRegister.NoShift);
            }

            var (draft, problem) = await DraftAsync(transaction, snapshot, sale, cancellationToken, cashier, approver);
            if (draft is null)
            {
                return (null, problem);
            }

            var written = await WriteAsync(transaction, snapshot, draft, sale.Payments, null, ids.NewId(), cashier, cancellationToken);
            if (written.Receipt is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return written;
        }, cancellationToken);
        if (recorded.Receipt is not null)
        {
            signal.Wake();
        }

        return recorded;
    }

    /// <summary>Whether a document must be refused for want of an open shift; asked inside the writer's turn.</summary>
    public bool OutsideShift() => shifts is not null && shifts.Current is null;

    /// <summary>The sentence for a till that has never reached HQ.</summary>
    public const string NoCatalogue = "This till has no catalogue yet: it must reach HQ once before its first sale.";

    /// <summary>The sentence for a document asked for with no cashier logged in (or the till locked after idling).</summary>
    public const string NoCashier = "No cashier is logged in: log in with your PIN first. Nothing was recorded.";

    /// <summary>Prices and checks <paramref name="sale"/> inside <paramref name="transaction"/>: everything but the tenders.
    /// With <paramref name="cashier"/>, its markdowns are held to the cashier's role limits, or to
    /// <paramref name="approver"/>'s when one approved them.</summary>
    public async Task<(SaleDraft? Draft, string? Problem)> DraftAsync(
        DocumentTransaction transaction, TillSnapshot snapshot, SaleRequest sale, CancellationToken cancellationToken, Cashier? cashier = null,
        Cashier? approver = null)
    {
        var customer = QuoteBuilder.Clean(sale.Customer);
        // The sale is dated when it is priced, so that the promotions it applied are those in force at its createdAt.
        var pricedAt = time.GetUtcNow();
        var (quote, lines, quoteProblem) = await QuoteBuilder.BuildAsync(
            transaction.Products, transaction.Transaction, snapshot, sale.Lines, customer, pricedAt, cancellationToken, sale.BillDiscountPaise);
        if (quote is null)
        {
            return (null, quoteProblem);
        }

        var (approval, approvalProblem) = Approval(snapshot, quote, sale.Approval, cashier, approver);
        if (approvalProblem is not null)
        {
            return (null, approvalProblem);
        }

        var phone = customer?.Phone;
        var (loyalty, loyaltyProblem) = LoyaltyPlan.For(snapshot.Loyalty?.Settings, phone, quote.Totals.TotalPaise, sale.Loyalty?.BurnPoints ?? 0,
            sale.Loyalty?.RedemptionToken, phone is null ? null : await _balances.ForBurnAsync(phone, cancellationToken));
        return loyalty is null ? (null, loyaltyProblem) : (new SaleDraft(customer, quote, lines!, loyalty, pricedAt, approval), null);
    }

    /// <summary>The sentence for a cart beyond the cashier's limits without an approval.</summary>
    public const string ApprovalNeeded = "This sale needs a supervisor's or manager's PIN";

    // The approval to record, or why the sale cannot be saved: a cart beyond the cashier's limits needs an approver whose
    // limits cover it. An approval given where none was needed is recorded all the same: the cashier asked for it.
    private static (ApprovalDto? Approval, string? Problem) Approval(
        TillSnapshot snapshot, Quote quote, SaleApproval? requested, Cashier? cashier, Cashier? approver)
    {
        if (cashier is null || quote.Markdowns is not { } markdowns)
        {
            return (null, null);
        }

        if (approver is null || requested is null)
        {
            return MarkdownLimits.Beyond(snapshot, markdowns, cashier.Role) is { } beyond
                ? (null, $"{ApprovalNeeded}: {beyond}. Nothing was recorded.")
                : (null, null);
        }

        return MarkdownLimits.Beyond(snapshot, markdowns, approver.Role) is { } beyondApprover
            ? (null, $"Beyond what {approver.Name} may approve: {beyondApprover}. Nothing was recorded.")
            : (new ApprovalDto(approver.StaffId, requested.Reason.Trim()), null);
    }

    /// <summary>Writes a drafted sale inside <paramref name="transaction"/> (the caller commits): the cashier's
    /// <paramref name="tenders"/> cover what <paramref name="credit"/> (an exchange's refund, applied first) and the loyalty
    /// burn leave due; the sale names <paramref name="cashier"/>.</summary>
    public async Task<(Receipt? Receipt, string? Problem)> WriteAsync(
        DocumentTransaction transaction, TillSnapshot snapshot, SaleDraft draft, IReadOnlyList<Tender> tenders, PaymentDto? credit, Guid id,
        Cashier cashier, CancellationToken cancellationToken)
    {
        var duePaise = draft.DuePaise - (credit?.AmountPaise ?? 0);
        var (plan, tenderProblem) = duePaise == 0 && tenders.Count == 0 ? (new TenderPlan([], 0, 0), null) : TenderPlan.For(duePaise, tenders);
        if (plan is null)
        {
            return (null, tenderProblem);
        }

        // A burn is a loyalty tender and an exchange's credit its own; the cashier's tenders cover the rest of the bill.
        List<PaymentDto> applied = [.. credit is null ? [] : new[] { credit },
            .. draft.Loyalty.BurnPaise == 0 ? [] : new[] { new PaymentDto(PaymentMethods.Loyalty, draft.Loyalty.BurnPaise) }, .. plan.Applied];
        var seq = await transaction.NextSeqAsync(cancellationToken);
        var billNumber = await transaction.NextNumberAsync(PrintedSeries.Bill, cancellationToken);
        var now = draft.PricedAt;
        var createdAt = now.ToOffset(BillNumber.IstOffset);
        var billNo = BillNumber.Format(snapshot.BillPrefix, createdAt, billNumber);
        // A B2B bill's IRN is known now, offline: the receipt prints it as pending registration and HQ registers the bill
        // only under it (docs/einvoice.md, "The till's IRN").
        var irn = draft.Customer?.Gstin is null ? null : Irn.Compute(snapshot.Store.Details.Gstin, createdAt, EInvoiceDocumentType.Invoice, billNo);
        var order = new OrderDto(id, seq, billNo, createdAt, draft.Lines, applied, draft.Quote.Totals, draft.Customer, draft.Loyalty.Loyalty,
            cashier.StaffId, irn, snapshot.PricingVersion, draft.Approval, snapshot.StockVersion,
            draft.Quote.BillPromotion is { } bill ? new BillPromotionDto(bill.PromotionId, bill.SavingPaise) : null);
        if (OrderRules.Check(SaleMapping.ToCore(AsRulesSeeIt(order)), snapshot.Store.Details.Gstin, snapshot.BillPrefix, now,
                GstinRules.Parse(snapshot.GstinRule)) is { } rejected)
        {
            return (null, $"This sale cannot be saved: {rejected.Detail}.");
        }

        var receipt = new Receipt(order.ClientOrderId, seq, order.BillNo, createdAt, snapshot.TillName, snapshot.Store.Details, draft.Customer,
            irn is not null, irn is null ? new IrnInfo(IrnStatuses.NotApplicable) : new IrnInfo(IrnStatuses.Pending, irn), draft.Quote.SupplyKind, draft.Quote.Lines, draft.Quote.GstSummary,
            draft.Quote.Totals, applied, checked(plan.TenderedPaise + (credit?.AmountPaise ?? 0)), plan.ChangePaise, SyncStates.Pending,
            receiptKey.Sign(ReceiptCodes.Of(order, snapshot.TillId)), ReceiptLoyaltyOf(draft), draft.Quote.BillPromotion);
        await transaction.AddAsync(new TillDocumentDto(DocumentKinds.Sale, id, seq, Sale: order), order.BillNo, createdAt,
            order.Totals.TotalPaise, cancellationToken);
        await transaction.ExecuteAsync("INSERT INTO sales (till_seq, receipt_json) VALUES (@seq, @receipt)", cancellationToken, ("@seq", seq),
            ("@receipt", System.Text.Json.JsonSerializer.Serialize(receipt, Web.TillJsonContext.Default.Receipt)));
        return (receipt, null);
    }

    // What the receipt prints of the bill's points: earned, redeemed, and the balance after the bill as this till knows it.
    private ReceiptLoyalty? ReceiptLoyaltyOf(SaleDraft draft)
    {
        if (draft.Loyalty.Loyalty is not { } points || draft.Customer?.Phone is not { } phone)
        {
            return null;
        }

        var known = _balances.Known(phone);
        return new ReceiptLoyalty(points.EarnPoints, points.BurnPoints,
            known is null ? null : checked(known.BalancePoints - points.BurnPoints + points.EarnPoints), known?.AsOf);
    }

    // Core's TenderMethods.All (and the wire's PaymentMethods.All) do not list `exchange` until HQ's journal books it (the HQ side of returns); the till checks
    // every other rule of an exchange sale, and that its payments add up, by reading that tender as cash.
    private static OrderDto AsRulesSeeIt(OrderDto order) =>
        order.Payments.Any(p => p.Method == PaymentMethods.Exchange)
            ? order with { Payments = [.. order.Payments.Select(p => p.Method == PaymentMethods.Exchange ? p with { Method = PaymentMethods.Cash } : p)] }
            : order;
}

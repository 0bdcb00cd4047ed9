using System.Text.Json;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Core.EInvoicing;
using TillSync.Core.Ids;
using TillSync.Core.Orders;
using TillSync.Core.Returns;
using TillSync.Till.Catalog;
using TillSync.Till.Outbox;
using TillSync.Till.Receipts;
using TillSync.Till.Sales;
using TillSync.Till.Shifts;
using TillSync.Till.Staff;
using TillSync.Till.Sync;
using TillSync.Till.Web;

namespace TillSync.Till.Returns;

/// <summary>Records returns at the till, offline as online: one local transaction (<see cref="DocumentWriter"/>) re-reads
/// what this till already took back against the original, prices the return (<see cref="ReturnPlan"/>), takes the next
/// <c>tillSeq</c> and the next credit note number of the financial year, and stores the return document exactly as it will
/// be sent to HQ with its credit note. An exchange writes the return and the new sale in the same transaction, at
/// consecutive <c>tillSeq</c>, the return's refund applied to the sale.</summary>
public sealed class ReturnRecorder(
    DocumentWriter writer, SnapshotStore snapshots, CashierSession cashiers, OriginalSales originals, SaleRecorder sales, IIdGenerator ids, TimeProvider time, SyncSignal signal)
{
    /// <summary>What the return would refund, or a sentence for the cashier; nothing is stored.</summary>
    public async Task<(ReturnQuote? Quote, string? Problem)> QuoteAsync(ReturnRequest request, CancellationToken cancellationToken)
    {
        var (original, problem) = await originals.FindAsync(request.Original, cancellationToken);
        if (original is null)
        {
            return (null, problem);
        }

        var (plan, planProblem) = ReturnPlan.For(original, request, PromotionsOf(snapshots.Current));
        return plan is null ? (null, planProblem) : (QuoteOf(original, plan, plan.Refunds(request.Refund, plan.TenderRefundPaise, Guid.Empty)), null);
    }

    /// <summary>The credit note of the recorded return, or a sentence for the cashier; nothing is stored on a problem.</summary>
    public async Task<(CreditNote? CreditNote, string? Problem)> RecordAsync(ReturnRequest request, CancellationToken cancellationToken)
    {
        if (request.Refund.Method == RefundMethods.Exchange)
        {
            return (null, "An exchange is recorded together with its new sale: ring up the new items and complete the sale.");
        }

        if (cashiers.Active() is not { } cashier)
        {
            return (null, SaleRecorder.NoCashier);
        }

        var (original, problem) = await originals.FindAsync(request.Original, cancellationToken);
        if (original is null || snapshots.Current is not { } snapshot)
        {
            return (null, problem ?? SaleRecorder.NoCatalogue);
        }

        var recorded = await writer.WriteAsync(async transaction =>
        {
            if (sales.OutsideShift())
            {
                return (null, ShiftRegister.NoShift);
            }

            var (plan, planProblem) = await PlanAsync(transaction, snapshot, original, request, cancellationToken);
            if (plan is null)
            {
                return (null, planProblem);
            }

            var written = await WriteAsync(transaction, snapshot, original, request, plan, plan.Refunds(request.Refund), cashier, cancellationToken);
            if (written.CreditNote is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return written;
        }, cancellationToken);
        if (recorded.CreditNote is not null)
        {
            signal.Wake();
        }

        return recorded;
    }

    /// <summary>The credit note and the new receipt of the recorded exchange, or a sentence for the cashier; nothing is
    /// stored on a problem. The refund pays the new sale first; the cashier's tenders cover what is left due, and what the
    /// refund leaves over goes back in cash. The new sale's markdowns are held to the cashier's role limits, or to
    /// <paramref name="approver"/>'s, as a sale's are (docs/pricing.md).</summary>
    public async Task<(ExchangeOutcome? Outcome, string? Problem)> ExchangeAsync(
        ExchangeRequest request, CancellationToken cancellationToken, Cashier? approver = null)
    {
        if (request.Return.Refund.Method != RefundMethods.Exchange)
        {
            return (null, "An exchange needs the return (its refund method \"exchange\") and the new sale.");
        }

        if (cashiers.Active() is not { } cashier)
        {
            return (null, SaleRecorder.NoCashier);
        }

        var (original, problem) = await originals.FindAsync(request.Return.Original, cancellationToken);
        if (original is null || snapshots.Current is not { } snapshot)
        {
            return (null, problem ?? SaleRecorder.NoCatalogue);
        }

        var recorded = await writer.WriteAsync(async transaction =>
        {
            if (sales.OutsideShift())
            {
                return (null, ShiftRegister.NoShift);
            }

            var (plan, planProblem) = await PlanAsync(transaction, snapshot, original, request.Return, cancellationToken);
            if (plan is null)
            {
                return (null, planProblem);
            }

            var (draft, draftProblem) = await sales.DraftAsync(transaction, snapshot, request.Sale, cancellationToken, cashier, approver);
            if (draft is null)
            {
                return (null, draftProblem);
            }

            if (plan.TenderRefundPaise == 0)
            {
                return (null, "This return refunds nothing to exchange: record it as a return.");
            }

            var saleId = ids.NewId();
            var creditPaise = Math.Min(draft.DuePaise, plan.TenderRefundPaise);
            var (creditNote, returnProblem) = await WriteAsync(transaction, snapshot, original, request.Return, plan,
                plan.Refunds(request.Return.Refund, creditPaise, saleId), cashier, cancellationToken);
            if (creditNote is null)
            {
                return (null, returnProblem);
            }

            var (receipt, saleProblem) = await sales.WriteAsync(transaction, snapshot, draft, request.Sale.Payments,
                creditPaise > 0 ? new PaymentDto(PaymentMethods.Exchange, creditPaise) : null, saleId, cashier, cancellationToken);
            if (receipt is null)
            {
                return (null, saleProblem);
            }

            await transaction.CommitAsync(cancellationToken);
            return ((ExchangeOutcome?)new ExchangeOutcome(creditNote, receipt), (string?)null);
        }, cancellationToken);
        if (recorded.Item1 is not null)
        {
            signal.Wake();
        }

        return recorded;
    }

    // Inside the write transaction, so that two returns against one sale at once can never both take back its last unit.
    private static async Task<(ReturnPlan? Plan, string? Problem)> PlanAsync(
        DocumentTransaction transaction, TillSnapshot snapshot, OriginalSale original, ReturnRequest request, CancellationToken cancellationToken)
    {
        var returned = await OriginalSales.ReturnedMilliAsync(
            (sql, parameters) => transaction.ListAsync(sql, r => (r.GetInt32(0), r.GetInt64(1)), cancellationToken, parameters), original.SaleId);
        var refunded = await OriginalSales.RefundedPaiseAsync(
            (sql, parameters) => transaction.ListAsync(sql, r => r.GetString(0), cancellationToken, parameters), original.SaleId);
        return ReturnPlan.For(OriginalSales.WithReturned(original, returned, refunded), request, PromotionsOf(snapshot));
    }

    // The promotions a sale's claims name, as this till's snapshot describes them; one no longer in it is unknown, and
    // its sale's returns go pro rata (docs/returns.md, "Promotions").
    private static Func<long, Core.Pricing.Promotion?> PromotionsOf(TillSnapshot? snapshot) =>
        id => snapshot is null ? null : SnapshotPromotions.ById(snapshot, id);

    private async Task<(CreditNote? CreditNote, string? Problem)> WriteAsync(
        DocumentTransaction transaction, TillSnapshot snapshot, OriginalSale original, ReturnRequest request, ReturnPlan plan,
        IReadOnlyList<RefundDto> refunds, Cashier cashier, CancellationToken cancellationToken)
    {
        var seq = await transaction.NextSeqAsync(cancellationToken);
        var createdAt = time.GetUtcNow().ToOffset(BillNumber.IstOffset);
        var number = await transaction.NextNumberAsync(PrintedSeries.CreditNote(createdAt), cancellationToken);
        if (number > CreditNoteNumber.NumberMax)
        {
            return (null, $"This till has made {CreditNoteNumber.NumberMax} credit notes this financial year, the most its series holds.");
        }

        var id = ids.NewId();
        var quote = QuoteOf(original, plan, refunds);
        var creditNoteNo = CreditNoteNumber.Format(snapshot.BillPrefix, createdAt, number);
        // As a B2B bill's, a B2B credit note's IRN is known offline (docs/einvoice.md, "The till's IRN").
        var irn = original.Customer?.Gstin is null ? null : Irn.Compute(snapshot.Store.Details.Gstin, createdAt, EInvoiceDocumentType.CreditNote, creditNoteNo);
        var returned = new ReturnDto(
            creditNoteNo, createdAt,
            new ReturnOriginalDto(original.SaleId, original.BillNo, original.TillId, original.CreatedAt, original.TotalPaise, original.Source, original.ReceiptCode),
            [.. plan.Lines.Select(l => new ReturnLineDto(l.Line.LineNo, l.Line.Sku, l.Line.Qty, l.Line.UnitPricePaise, l.Line.DiscountPaise, l.Line.GstRateBp,
                l.Qty, l.Condition, l.Line.TaxInclusive, l.TakeBackPaise))],
            refunds, quote.Totals, request.Reason, original.Customer, plan.Loyalty, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            cashier.StaffId, irn);
        var creditNote = new CreditNote(id, seq, returned.CreditNoteNo, createdAt, snapshot.TillName, snapshot.Store.Details, original.Customer,
            original.Customer?.Gstin is not null, returned.Original, quote, returned.Reason, returned.Note, SyncStates.Pending, irn);
        await transaction.AddAsync(new TillDocumentDto(DocumentKinds.Return, id, seq, Return: returned), returned.CreditNoteNo, createdAt,
            quote.Totals.TotalPaise, cancellationToken);
        await transaction.ExecuteAsync("""
            INSERT INTO returns (till_seq, document_id, credit_note_no, original_order_id, credit_note_json) VALUES (@seq, @id, @number, @original, @note)
            """, cancellationToken, ("@seq", seq), ("@id", id.ToString("D")), ("@number", returned.CreditNoteNo), ("@original", original.SaleId.ToString("D")),
            ("@note", JsonSerializer.Serialize(creditNote, TillJsonContext.Default.CreditNote)));
        foreach (var line in plan.Lines)
        {
            await transaction.ExecuteAsync("""
                INSERT INTO returned_lines (return_seq, original_order_id, original_line_no, qty_milli) VALUES (@seq, @original, @line, @milli)
                """, cancellationToken, ("@seq", seq), ("@original", original.SaleId.ToString("D")), ("@line", line.Line.LineNo),
                ("@milli", (long)(line.Qty * 1_000m)));
        }

        return (creditNote, null);
    }

    private static ReturnQuote QuoteOf(OriginalSale original, ReturnPlan plan, IReadOnlyList<RefundDto> refunds)
    {
        var lines = plan.Lines.Select(l => new CreditNoteLine(l.Line.LineNo, l.Line.Sku, l.Line.Name, l.Line.Unit, l.Line.Hsn, l.Qty, l.Line.UnitPricePaise,
            l.Line.GstRateBp, l.Tax.TaxablePaise, l.Tax.CgstPaise, l.Tax.SgstPaise, l.Tax.IgstPaise, l.Tax.TotalPaise, l.Condition)).ToList();
        var summary = lines.GroupBy(l => l.GstRateBp).OrderBy(g => g.Key)
            .Select(g => new GstRateSummary(g.Key, g.Sum(l => l.TaxablePaise), g.Sum(l => l.CgstPaise), g.Sum(l => l.SgstPaise), g.Sum(l => l.IgstPaise)))
            .ToList();
        var t = plan.Totals;
        return new ReturnQuote(original.SupplyKind, lines, summary,
            new OrderTotalsDto(t.TaxablePaise, t.CgstPaise, t.SgstPaise, t.IgstPaise, t.RoundOffPaise, t.TotalPaise), refunds, plan.Loyalty);
    }
}

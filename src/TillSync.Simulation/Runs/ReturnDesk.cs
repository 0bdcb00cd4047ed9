using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Documents;
using TillSync.Simulation.Nodes;
using TillSync.Simulation.Shop;
using TillSync.Till.Returns;

namespace TillSync.Simulation.Runs;

/// <summary>Customers bringing goods back, served through the till's own return code (the finder and recorder behind
/// <c>POST /api/returns</c> and <c>POST /api/exchanges</c>): at the selling till or another, by bill, id or the receipt's
/// signed code, online or not, before or after the sale reached HQ; partial returns, exchanges, refunds to cash, card,
/// UPI and store credit, and now and then an over-return. The cashier's drawer tally (<see cref="ShiftDesk"/>) hears of
/// every refund and every exchange's new sale. Every decision comes from its seeded <see cref="Random"/>.</summary>
public sealed class ReturnDesk(
    SimulationOptions options, FakeTimeProvider clock, Random random, Trace trace, IReadOnlyList<TillNode> tills, CustomerPapers papers, SaleMaker sales,
    ShiftDesk shifts, CatalogueDesk catalogue)
{
    // One return in twelve brings back at another till what a till already refunded.
    private const double OverReturnShare = 1.0 / 12;

    private readonly ReturnMaker _maker = new(random);
    private readonly Dictionary<string, int> _counts = [];

    /// <summary>What the desk did, by name, in report order.</summary>
    public IEnumerable<(string What, int Count)> Counts => _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value));

    /// <summary>Hands the customer the receipt of a sale till <paramref name="tillNumber"/> just recorded.</summary>
    public void Sold(int tillNumber, TillSync.Till.Receipts.Receipt receipt) => papers.Printed(tillNumber, receipt);

    /// <summary>Serves one customer at <paramref name="till"/> (up, with a catalogue); true when a return was recorded.</summary>
    public async Task<bool> ServeAsync(TillNode till)
    {
        var overReturn = random.NextDouble() < OverReturnShare;
        var held = overReturn ? papers.ReturnedElsewhere(random, till.Number) : papers.Recent(random);
        if (held is null)
        {
            return false;
        }

        foreach (var reference in _maker.References(held, till.Number))
        {
            var (original, problem) = await till.FindOriginalAsync(reference, CancellationToken.None);
            if (original is null)
            {
                Expect(till, held, reference, problem);
                continue;
            }

            var lines = _maker.Lines(original, held, overReturn);
            if (lines is null)
            {
                Count("return: nothing left to take back");
                return false;
            }

            var (reason, note) = _maker.Reason();
            var request = new ReturnRequest(reference, lines, reason, new RefundRequest(RefundMethods.Cash), note);
            var (quote, quoteProblem) = await till.QuoteReturnAsync(request, CancellationToken.None);
            if (quote is null)
            {
                Expect(till, held, reference, quoteProblem);
                continue;
            }

            var tenderPaise = quote.Refunds.Where(r => r.Method != RefundMethods.Loyalty).Sum(r => r.AmountPaise);
            var (creditNote, recordProblem) = await RecordAsync(till, request with { Refund = _maker.Refund(original, tenderPaise) }, tenderPaise);
            if (creditNote is null)
            {
                Expect(till, held, reference, recordProblem);
                continue;
            }

            Took(till, held, original, creditNote, overReturn);
            return true;
        }

        return false;
    }

    private async Task<(CreditNote?, string?)> RecordAsync(TillNode till, ReturnRequest request, long tenderPaise)
    {
        if (request.Refund.Method != RefundMethods.Exchange)
        {
            return await till.ReturnAsync(request, CancellationToken.None);
        }

        var sale = sales.NextExchange(till.Snapshot!, clock.GetUtcNow(), tenderPaise);
        var (outcome, problem) = await till.ExchangeAsync(new ExchangeRequest(request, sale), CancellationToken.None);
        if (outcome is null)
        {
            return (null, problem);
        }

        shifts.Sold(till, sale, outcome.Receipt);
        catalogue.Rang(till, outcome.Receipt);
        papers.Printed(till.Number, outcome.Receipt);
        trace.Add(clock.GetUtcNow(), string.Create(CultureInfo.InvariantCulture,
            $"till {till.Number} exchange sale seq {outcome.Receipt.TillSeq} {outcome.Receipt.ClientOrderId} {outcome.Receipt.BillNo} {outcome.Receipt.Totals.TotalPaise}p"));
        return (outcome.CreditNote, null);
    }

    private void Took(TillNode till, HeldReceipt held, OriginalSale original, CreditNote creditNote, bool overReturn)
    {
        shifts.Refunded(till, creditNote);
        foreach (var line in creditNote.Refund.Lines)
        {
            held.ReturnedByLine[line.OriginalLineNo] = held.ReturnedByLine.GetValueOrDefault(line.OriginalLineNo) + line.Qty;
        }

        held.ReturnedAt.Add(till.Number);
        foreach (var refund in creditNote.Refund.Refunds.Where(r => r.Method == RefundMethods.StoreCredit))
        {
            papers.Issued(creditNote.CreditNoteNo, refund.AmountPaise);
        }

        var over = creditNote.Refund.Lines.Any(l => held.Left(l.OriginalLineNo) < 0);
        Count(over ? "return: over-return (refunded elsewhere already)" : overReturn ? "return: over-return attempt within what was left" : "return");
        Count($"return found by {original.Source}{(held.TillNumber == till.Number ? "" : " at another till")}");
        if (original.BillPromotion is not null || original.Lines.Any(l => l.PromotionId is not null))
        {
            // The till takes back what the kept goods no longer earn (ADR 0023); the money invariants check the credit notes.
            Count(held.Receipt.Lines.Select((_, i) => held.Left(i + 1)).Any(left => left > 0) ? "return: part of a promoted sale" : "return: the rest of a promoted sale");
        }

        Count($"return refunded by {string.Join(" + ", creditNote.Refund.Refunds.Select(r => r.Method))}");
        trace.Add(clock.GetUtcNow(), string.Create(CultureInfo.InvariantCulture,
            $"till {till.Number} return seq {creditNote.TillSeq} {creditNote.DocumentId} {creditNote.CreditNoteNo} of {original.BillNo} ({original.Source}) "
            + $"{string.Join(",", creditNote.Refund.Lines.Select(l => $"{l.OriginalLineNo}×{l.Qty}{(l.Condition == ReturnConditions.Damaged ? "d" : "")}"))} "
            + $"{creditNote.Refund.Totals.TotalPaise}p {string.Join("+", creditNote.Refund.Refunds.Select(r => r.Method))}{(over ? " over-return" : "")}"));
    }

    // The till may refuse only what a cashier would meet and work around: another till's bill number while HQ is
    // unreachable or does not hold it yet, and a receipt code from a till whose key this till has not heard of yet (its
    // snapshot predates that till's key). Anything else is a bug in the till or in this desk, and stops the run.
    private void Expect(TillNode till, HeldReceipt held, OriginalReference reference, string? problem)
    {
        var expected = reference switch
        {
            { Code: not null } => till.Snapshot?.TillKeys?.Any(k => k.TillId == tills[held.TillNumber - 1].TillId) != true,
            { BillNo: not null } => held.TillNumber != till.Number,
            _ => false,
        };
        if (!expected)
        {
            throw new InvalidOperationException($"Seed {options.Seed}: till {till.Number} refused a simulated return of {held.Receipt.BillNo}: {problem}");
        }

        Count(reference.Code is not null ? "return turned away: receipt code of a till not yet known" : "return: bill number not found, code tried");
        trace.Add(clock.GetUtcNow(), $"till {till.Number} return of {held.Receipt.BillNo} refused: {problem}");
    }

    private void Count(string what) => _counts[what] = _counts.GetValueOrDefault(what) + 1;
}

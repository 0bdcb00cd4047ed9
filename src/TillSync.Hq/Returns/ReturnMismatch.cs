using System.Globalization;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core.Returns;

namespace TillSync.Hq.Returns;

/// <summary>Where a return that is consistent in itself disagrees with the original sale HQ holds (docs/returns.md,
/// "HQ's rules"): the bill it names, lines that do not restate the original's SKU, quantity, price, discount or rate, and
/// loyalty points other than the original's pro rata share, a loyalty refund other than those points' share of the
/// original's loyalty tender. Such a return still commits — the refund happened — and a
/// <c>return_mismatch</c> review item lists these sentences.</summary>
public static class ReturnMismatch
{
    /// <summary>The disagreements of <paramref name="returned"/> with <paramref name="sale"/> (sold at
    /// <paramref name="saleTillId"/>); empty when it matches. <paramref name="expectedTakeBackPaise"/> is what each of its
    /// lines should take back of the sale's promotions, knowing every return of it before (docs/returns.md, "Promotions").</summary>
    public static IReadOnlyList<string> Between(long saleTillId, OrderDto sale, ReturnDto returned, IReadOnlyList<long>? expectedTakeBackPaise)
    {
        var problems = new List<string>();
        var original = returned.Original;
        if (original.BillNo != sale.BillNo || original.TillId != saleTillId || original.TotalPaise != sale.Totals.TotalPaise)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"it names bill {original.BillNo} of till {original.TillId} for {original.TotalPaise} paise; HQ has bill {sale.BillNo} of till {saleTillId} for {sale.Totals.TotalPaise} paise"));
        }

        if (returned.Customer?.Gstin != sale.Customer?.Gstin)
        {
            problems.Add("its customer GSTIN is not the sale's");
        }

        foreach (var line in returned.Lines)
        {
            if (LineProblem(sale, line) is { } problem)
            {
                problems.Add(problem);
            }
        }

        var sentPaise = returned.Lines.Select(l => l.TakeBackPaise).ToList();
        if (expectedTakeBackPaise is not null && !sentPaise.SequenceEqual(expectedTakeBackPaise))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"its lines take back {string.Join(", ", sentPaise)} paise of the sale's promotions; with every return of the bill HQ holds before it, the promotions' terms give {string.Join(", ", expectedTakeBackPaise)}"));
        }

        if (LoyaltyProblem(sale, returned) is { } loyalty)
        {
            problems.Add(loyalty);
        }

        return problems;
    }

    private static string? LineProblem(OrderDto sale, ReturnLineDto line)
    {
        if (line.OriginalLineNo > sale.Lines.Count)
        {
            return $"line {line.OriginalLineNo} is not on the bill, which has {sale.Lines.Count}";
        }

        var sold = sale.Lines[line.OriginalLineNo - 1];
        return sold.Sku == line.Sku && sold.Qty == line.OriginalQty && sold.UnitPricePaise == line.UnitPricePaise
            && sold.DiscountPaise == line.OriginalDiscountPaise && sold.GstRateBp == line.GstRateBp && sold.TaxInclusive == line.TaxInclusive
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"line {line.OriginalLineNo} restates {line.Sku} × {line.OriginalQty} at {line.UnitPricePaise} less {line.OriginalDiscountPaise} paise, {line.GstRateBp} bp{Footing(line.TaxInclusive)}; the bill sold {sold.Sku} × {sold.Qty} at {sold.UnitPricePaise} less {sold.DiscountPaise} paise, {sold.GstRateBp} bp{Footing(sold.TaxInclusive)}");
    }

    private static string Footing(bool taxInclusive) => taxInclusive ? ", tax included" : ", before tax";

    // The till takes back the returned share of points earned and gives back the share of points burned
    // (ReturnMath.LoyaltyShare over the bill's total); HQ expects the same from its copy of the sale.
    private static string? LoyaltyProblem(OrderDto sale, ReturnDto returned)
    {
        var earn = sale.Loyalty?.EarnPoints ?? 0;
        var burn = sale.Loyalty?.BurnPoints ?? 0;
        var phone = sale.Customer?.Phone;
        var expected = phone is null || sale.Totals.TotalPaise <= 0 || (earn == 0 && burn == 0)
            ? null
            : new ReturnLoyaltyDto(phone, ReturnMath.LoyaltyShare(earn, returned.Totals.TotalPaise, sale.Totals.TotalPaise),
                ReturnMath.LoyaltyShare(burn, returned.Totals.TotalPaise, sale.Totals.TotalPaise));
        var sent = returned.Loyalty;
        var same = expected is null
            ? sent is null or { EarnReversedPoints: 0, BurnRefundedPoints: 0 }
            : sent is not null && sent.Phone == expected.Phone && sent.EarnReversedPoints == expected.EarnReversedPoints
                && sent.BurnRefundedPoints == expected.BurnRefundedPoints;
        if (!same)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"loyalty takes back {sent?.EarnReversedPoints ?? 0} and gives back {sent?.BurnRefundedPoints ?? 0} points; the bill's share is {expected?.EarnReversedPoints ?? 0} and {expected?.BurnRefundedPoints ?? 0}");
        }

        // The points given back are refunded at what they paid on the sale: the same share of its loyalty tender.
        var tenderPaise = sale.Payments.Where(p => p.Method == PaymentMethods.Loyalty).Sum(p => p.AmountPaise);
        var expectedRefundPaise = ReturnMath.LoyaltyRefundPaise(tenderPaise, burn, expected?.BurnRefundedPoints ?? 0);
        var refundPaise = returned.Refunds.Where(r => r.Method == RefundMethods.Loyalty).Sum(r => r.AmountPaise);
        return refundPaise == expectedRefundPaise
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"the loyalty refund is {refundPaise} paise; the points given back paid {expectedRefundPaise} paise of the bill's loyalty tender");
    }
}

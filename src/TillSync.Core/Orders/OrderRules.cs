using System.Text.RegularExpressions;
using TillSync.Core.Returns;
using TillSync.Core.Tax;

namespace TillSync.Core.Orders;

/// <summary>The rules an order must meet on its own (no catalogue, no database): shapes, ranges, bill number, and
/// totals and payments that add up. The till checks a sale with them before saving it; HQ checks again on sync.</summary>
public static partial class OrderRules
{
    /// <summary>GST began on 1 July 2017; no sale can be dated before it.</summary>
    public static readonly DateTimeOffset CreatedAtMin = new(2017, 7, 1, 0, 0, 0, BillNumber.IstOffset);

    /// <summary>The first rule the order breaks, or null when it breaks none.</summary>
    /// <param name="order">The sale as the till recorded it.</param>
    /// <param name="sellerGstin">The till's store GSTIN.</param>
    /// <param name="billPrefix">The till's bill prefix.</param>
    /// <param name="now">HQ's (or the till's) clock.</param>
    /// <param name="gstinRule">How the buyer's GSTIN is checked: <see cref="GstinRule.Sandbox"/> on an HQ set for NIC's sandbox.</param>
    public static OrderCheck? Check(Order order, string sellerGstin, string billPrefix, DateTimeOffset now, GstinRule gstinRule = GstinRule.Checked) =>
        // The date comes first: the bill number's financial year is computed from it.
        CheckCreatedAt(order, now)
        ?? CheckBillNo(order, billPrefix)
        ?? CheckCustomer(order.Customer, gstinRule)
        ?? CheckLines(order.Lines)
        ?? CheckPayments(order.Payments)
        ?? CheckLoyalty(order.Loyalty)
        ?? CheckApproval(order.Approval)
        ?? CheckBillPromotion(order)
        ?? CheckTotals(order, sellerGstin);

    // The shape of a bill promotion's claim; whether the promotion was in force and gives that amount is HQ's judgement
    // (docs/pricing.md, "Promotions"), not a rule.
    private static OrderCheck? CheckBillPromotion(Order order) =>
        order.BillPromotionId is null ? (order.BillPromotionPaise == 0 ? null : new(OrderProblem.InvalidPrice, "a bill promotion amount needs its promotion id"))
        : order.BillPromotionId <= 0 || order.BillPromotionPaise <= 0
            ? new(OrderProblem.InvalidPrice, "a bill promotion needs a promotion id above 0 and an amount above 0")
            : null;

    /// <summary>The problem with an approval's shape, or null; whether it covers the sale is HQ's judgement, not a rule.</summary>
    public static OrderCheck? CheckApproval(OrderApproval? approval) =>
        approval is null
        || (approval.ApproverId > 0 && FreeText.Problem(approval.Reason, "the approval's reason", 1, OrderApproval.ReasonLengthMax) is null)
            ? null
            : new(OrderProblem.InvalidApproval,
                $"an approval needs the approver's staff id and a reason of 1 to {OrderApproval.ReasonLengthMax} printable characters");

    private static OrderCheck? CheckBillNo(Order order, string billPrefix)
    {
        if (!BillNumber.IsWellFormed(order.BillNo))
        {
            return new(OrderProblem.InvalidBillNo,
                $"bill number '{Truncate(order.BillNo)}' must be 1 to {Limits.BillNoLengthMax} uppercase letters, digits, '/' or '-'");
        }

        return BillNumber.BelongsTo(order.BillNo, billPrefix, order.CreatedAt)
            ? null
            : new(OrderProblem.InvalidBillNo,
                $"bill number '{order.BillNo}' is not in this till's series {billPrefix}/{BillNumber.FinancialYear(order.CreatedAt)}/…");
    }

    private static OrderCheck? CheckCreatedAt(Order order, DateTimeOffset now) =>
        order.CreatedAt < CreatedAtMin || order.CreatedAt > now + Limits.CreatedAtSkewMax
            ? new(OrderProblem.InvalidCreatedAt,
                $"createdAt {order.CreatedAt:O} is before GST began or more than {Limits.CreatedAtSkewMax.TotalHours:0} h ahead of HQ's clock")
            : null;

    /// <summary>The first problem with a customer's GSTIN (by <paramref name="gstinRule"/>), phone, place of supply or
    /// name, or null.</summary>
    public static OrderCheck? CheckCustomer(Customer? customer, GstinRule gstinRule = GstinRule.Checked)
    {
        if (customer is null)
        {
            return null;
        }

        if (customer.Gstin is not null && !Gstin.IsValid(customer.Gstin, gstinRule))
        {
            return new(OrderProblem.InvalidCustomer, gstinRule == GstinRule.Sandbox
                ? $"customer GSTIN '{Truncate(customer.Gstin)}' does not fit the e-invoice schema's pattern (sandbox)"
                : $"customer GSTIN '{Truncate(customer.Gstin)}' is not a valid GSTIN");
        }

        if (customer.Phone is not null && !PhonePattern().IsMatch(customer.Phone))
        {
            return new(OrderProblem.InvalidCustomer, "customer phone must be a 10-digit Indian mobile number");
        }

        if (customer.PlaceOfSupply is not null && !StateCodes.IsValid(customer.PlaceOfSupply))
        {
            return new(OrderProblem.InvalidCustomer, $"place of supply '{Truncate(customer.PlaceOfSupply)}' is not a GST state code");
        }

        if (!FreeText.IsPrintable(customer.Name) || !FreeText.IsPrintable(customer.Address1) || !FreeText.IsPrintable(customer.Location))
        {
            return new(OrderProblem.InvalidCustomer, "customer name and address must be printable text (no line breaks or other control characters)");
        }

        return customer.Name is { Length: > 100 }
            ? new(OrderProblem.InvalidCustomer, "customer name is longer than 100 characters")
            : null;
    }

    private static OrderCheck? CheckLines(IReadOnlyList<OrderLine> lines)
    {
        if (lines.Count == 0)
        {
            return new(OrderProblem.NoLines, "an order needs at least one line");
        }

        if (lines.Count > Limits.OrderLinesMax)
        {
            return new(OrderProblem.TooManyLines, $"{lines.Count} lines; an order may have at most {Limits.OrderLinesMax}");
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (CheckLine(lines[i], i + 1) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>The first problem with one line (SKU, quantity, price, rate, discount), numbered <paramref name="number"/>
    /// in the sentence, or null. A return restates its original lines and is checked with the same rule.</summary>
    public static OrderCheck? CheckLine(OrderLine line, int number)
    {
        if (!IsWellFormedSku(line.Sku))
        {
            return new(OrderProblem.InvalidLine, $"line {number}: SKU '{Truncate(line.Sku)}' is not a well-formed SKU");
        }

        if (line.Qty <= 0 || line.Qty > Limits.LineQtyMax || line.Qty.Scale > Limits.QtyFractionDigitsMax && HasExtraDigits(line.Qty))
        {
            return new(OrderProblem.InvalidQuantity,
                $"line {number}: quantity {line.Qty} must be above 0, at most {Limits.LineQtyMax}, with at most {Limits.QtyFractionDigitsMax} decimals");
        }

        if (line.UnitPricePaise < 0 || line.UnitPricePaise > Limits.UnitPricePaiseMax)
        {
            return new(OrderProblem.InvalidPrice, $"line {number}: unit price {line.UnitPricePaise} paise must be 0 to {Limits.UnitPricePaiseMax}");
        }

        if (line.GstRateBp < 0 || line.GstRateBp > Limits.GstRateBpMax)
        {
            return new(OrderProblem.InvalidLine, $"line {number}: GST rate {line.GstRateBp} bp must be 0 to {Limits.GstRateBpMax}");
        }

        var grossPaise = Money.Paise.Round(line.Qty * line.UnitPricePaise);
        if (line.DiscountPaise < 0 || line.DiscountPaise > grossPaise)
        {
            return new(OrderProblem.InvalidPrice, $"line {number}: discount {line.DiscountPaise} paise must be 0 to the line's gross {grossPaise}");
        }

        if (line.PromotionId is <= 0 || line.PromotionPaise < 0 || line.PromotionPaise > line.DiscountPaise || (line.PromotionId is null && line.PromotionPaise != 0))
        {
            return new(OrderProblem.InvalidPrice, $"line {number}: a promotion needs an id above 0 and its amount must be 0 to the line's discount");
        }

        return CheckMrp(line, number);
    }

    /// <summary>The MRP rule (Legal Metrology: the MRP is the most a customer may be charged, every tax included): null
    /// when the line carries no MRP or charges at most the MRP per unit with tax; else a sentence numbered
    /// <paramref name="number"/>. An exclusive line is compared by its price with tax.</summary>
    public static OrderCheck? CheckMrp(OrderLine line, int number)
    {
        if (line.MrpPaise is not { } mrpPaise)
        {
            return null;
        }

        if (mrpPaise < 0 || mrpPaise > Limits.UnitPricePaiseMax)
        {
            return new(OrderProblem.InvalidPrice, $"line {number}: MRP {mrpPaise} paise must be 0 to {Limits.UnitPricePaiseMax}");
        }

        var chargedPaise = GstCalculator.UnitPriceWithTaxPaise(line.UnitPricePaise, line.GstRateBp, line.TaxInclusive);
        return chargedPaise > mrpPaise
            ? new(OrderProblem.AboveMrp,
                $"line {number}: price ₹{Money.Paise.ToRupeeString(chargedPaise)} with tax is above the MRP ₹{Money.Paise.ToRupeeString(mrpPaise)}; nothing may be sold above its MRP")
            : null;
    }

    private static OrderCheck? CheckPayments(IReadOnlyList<Payment> payments)
    {
        if (payments.Count > Limits.OrderPaymentsMax)
        {
            return new(OrderProblem.TooManyPayments, $"{payments.Count} payments; an order may have at most {Limits.OrderPaymentsMax}");
        }

        for (var i = 0; i < payments.Count; i++)
        {
            var payment = payments[i];
            if (!TenderMethods.All.Contains(payment.Method))
            {
                return new(OrderProblem.InvalidPayment,
                    $"payment {i + 1}: method '{Truncate(payment.Method)}' must be one of {string.Join(", ", TenderMethods.All)}");
            }

            if (payment.AmountPaise <= 0 || payment.AmountPaise > Limits.PaymentPaiseMax)
            {
                return new(OrderProblem.InvalidPayment, $"payment {i + 1}: amount {payment.AmountPaise} paise must be positive and in range");
            }

            if (payment.Method == TenderMethods.StoreCredit ? !CreditNoteNumber.IsWellFormed(payment.Reference) : payment.Reference is not null)
            {
                return new(OrderProblem.InvalidPayment, payment.Method == TenderMethods.StoreCredit
                    ? $"payment {i + 1}: store credit needs the voucher's code, the credit note number that issued it (PREFIX/YYYY/CNNNNN)"
                    : $"payment {i + 1}: only a store_credit payment carries a reference");
            }
        }

        return null;
    }

    private static OrderCheck? CheckLoyalty(OrderLoyalty? loyalty) =>
        loyalty is null
        || (loyalty.EarnPoints is >= 0 and <= Limits.LoyaltyPointsPerOrderMax
            && loyalty.BurnPoints is >= 0 and <= Limits.LoyaltyPointsPerOrderMax
            && loyalty.RedemptionToken is null or { Length: <= 200 })
            ? null
            : new(OrderProblem.InvalidLoyalty, $"loyalty points must be 0 to {Limits.LoyaltyPointsPerOrderMax}");

    private static OrderCheck? CheckTotals(Order order, string sellerGstin)
    {
        var expected = OrderTotals.Compute(order.Lines, OrderTotals.SupplyKindOf(sellerGstin, order.Customer?.PlaceOfSupply));
        if (expected != order.Totals)
        {
            return new(OrderProblem.TotalsMismatch,
                $"totals sent {Describe(order.Totals)} but the lines give {Describe(expected)}");
        }

        long paidPaise = 0;
        foreach (var payment in order.Payments)
        {
            paidPaise = checked(paidPaise + payment.AmountPaise);
        }

        return paidPaise == expected.TotalPaise
            ? null
            : new(OrderProblem.PaymentsMismatch, $"payments add up to {paidPaise} paise but the bill total is {expected.TotalPaise}");
    }

    /// <summary>True for a 10-digit Indian mobile number (the loyalty key).</summary>
    public static bool IsValidPhone(string? phone) => phone is not null && PhonePattern().IsMatch(phone);

    /// <summary>True when the SKU has only uppercase letters, digits and <c>- _ . /</c>, 1 to 32 characters.</summary>
    public static bool IsWellFormedSku(string? sku) => sku is not null && SkuPattern().IsMatch(sku);

    private static bool HasExtraDigits(decimal qty) => decimal.Round(qty, Limits.QtyFractionDigitsMax) != qty;

    private static string Describe(BillTotals t) =>
        $"(taxable {t.TaxablePaise}, CGST {t.CgstPaise}, SGST {t.SgstPaise}, IGST {t.IgstPaise}, round-off {t.RoundOffPaise}, total {t.TotalPaise})";

    private static string Truncate(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._/-]{0,31}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex SkuPattern();

    [GeneratedRegex("^[6-9][0-9]{9}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}

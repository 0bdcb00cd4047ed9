// An independent model of docs/money.md's arithmetic in exact Int128 integers, against which the decimal code is compared.
// It shares nothing with GstCalculator or Paise: quantities are split into mantissa and scale and every division rounds by hand.
using TillSync.Contracts.Sync;
using TillSync.Core.Tax;

namespace TillSync.Core.Tests.Tax;

internal static class ExactGst
{
    public static LineTax ForLine(OrderLineDto line, SupplyKind kind)
    {
        var bits = decimal.GetBits(line.Qty);
        var mantissa = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = line.Qty.Scale;
        Int128 tenToScale = 1;
        for (var i = 0; i < scale; i++)
        {
            tenToScale *= 10;
        }

        var gross = RoundDiv(mantissa * line.UnitPricePaise, tenToScale);
        var taxable = gross - line.DiscountPaise;
        return kind == SupplyKind.IntraState
            ? new LineTax(gross, taxable, RoundDiv((Int128)taxable * line.GstRateBp, 20_000), RoundDiv((Int128)taxable * line.GstRateBp, 20_000), 0)
            : new LineTax(gross, taxable, 0, 0, RoundDiv((Int128)taxable * line.GstRateBp, 10_000));
    }

    /// <summary>The bill: Σ taxable, Σ taxes, and the total rounded to the rupee half away from zero.</summary>
    public static TillSync.Core.Orders.BillTotals ForBill(IEnumerable<OrderLineDto> lines, SupplyKind kind)
    {
        long taxable = 0, cgst = 0, sgst = 0, igst = 0;
        foreach (var line in lines)
        {
            var tax = ForLine(line, kind);
            taxable += tax.TaxablePaise;
            cgst += tax.CgstPaise;
            sgst += tax.SgstPaise;
            igst += tax.IgstPaise;
        }

        var exact = taxable + cgst + sgst + igst;
        var total = RoundDiv(exact, 100) * 100;
        return new TillSync.Core.Orders.BillTotals(taxable, cgst, sgst, igst, total - exact, total);
    }

    /// <summary>numerator / denominator rounded half away from zero; denominator positive.</summary>
    public static long RoundDiv(Int128 numerator, Int128 denominator)
    {
        var magnitude = ((Int128.Abs(numerator) * 2) + denominator) / (2 * denominator);
        return (long)(numerator < 0 ? -magnitude : magnitude);
    }
}

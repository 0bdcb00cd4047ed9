using TillSync.Core.Money;
using TillSync.Core.Tax;

namespace TillSync.Core.Orders;

/// <summary>The totals of a bill or a credit note in paise: <c>TotalPaise = TaxablePaise + CgstPaise + SgstPaise +
/// IgstPaise + RoundOffPaise</c>, a whole number of rupees.</summary>
/// <param name="TaxablePaise">Σ line taxable values.</param>
/// <param name="CgstPaise">Σ central GST (intra-state).</param>
/// <param name="SgstPaise">Σ state GST (intra-state).</param>
/// <param name="IgstPaise">Σ integrated GST (inter-state).</param>
/// <param name="RoundOffPaise">Rounding to the rupee, −50 to 50.</param>
/// <param name="TotalPaise">The amount payable (or refundable).</param>
public sealed record BillTotals(long TaxablePaise, long CgstPaise, long SgstPaise, long IgstPaise, long RoundOffPaise, long TotalPaise)
{
    /// <summary>Σ of the lines' money, rounded to the rupee with a round-off (the bill rule of docs/money.md).</summary>
    public static BillTotals Of(IEnumerable<LineTax> lines)
    {
        long taxablePaise = 0, cgstPaise = 0, sgstPaise = 0, igstPaise = 0;
        foreach (var tax in lines)
        {
            taxablePaise = checked(taxablePaise + tax.TaxablePaise);
            cgstPaise = checked(cgstPaise + tax.CgstPaise);
            sgstPaise = checked(sgstPaise + tax.SgstPaise);
            igstPaise = checked(igstPaise + tax.IgstPaise);
        }

        var exactPaise = checked(taxablePaise + cgstPaise + sgstPaise + igstPaise);
        var totalPaise = Paise.RoundToRupee(exactPaise);
        var roundOffPaise = totalPaise - exactPaise;
        Invariant.Assert(Math.Abs(roundOffPaise) < Paise.PerRupee);
        return new BillTotals(taxablePaise, cgstPaise, sgstPaise, igstPaise, roundOffPaise, totalPaise);
    }
}

namespace TillSync.Core.Tax;

/// <summary>The money of one order line, all in paise.</summary>
/// <param name="GrossPaise">Value before discount and before tax: round(qty × unit price) on an exclusive line; taxable
/// value plus the discount restated before tax on an inclusive one.</param>
/// <param name="TaxablePaise">Gross less discount (before tax).</param>
/// <param name="CgstPaise">Central GST (intra-state), round(taxable × rate / 2) on an exclusive line, taken out of the
/// inclusive amount on an inclusive one (docs/money.md).</param>
/// <param name="SgstPaise">State GST (intra-state), equal to CGST.</param>
/// <param name="IgstPaise">Integrated GST (inter-state).</param>
public readonly record struct LineTax(long GrossPaise, long TaxablePaise, long CgstPaise, long SgstPaise, long IgstPaise)
{
    /// <summary>Taxable value plus every tax on the line.</summary>
    public long TotalPaise => checked(TaxablePaise + CgstPaise + SgstPaise + IgstPaise);
}

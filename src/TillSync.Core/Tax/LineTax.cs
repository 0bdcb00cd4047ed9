namespace TillSync.Core.Tax;

/// <summary>The money of one order line, all in paise.</summary>
/// <param name="GrossPaise">round(qty × unit price).</param>
/// <param name="TaxablePaise">Gross less discount.</param>
/// <param name="CgstPaise">Central GST (intra-state), round(taxable × rate / 2).</param>
/// <param name="SgstPaise">State GST (intra-state), equal to CGST.</param>
/// <param name="IgstPaise">Integrated GST (inter-state), round(taxable × rate).</param>
public readonly record struct LineTax(long GrossPaise, long TaxablePaise, long CgstPaise, long SgstPaise, long IgstPaise)
{
    /// <summary>Taxable value plus every tax on the line.</summary>
    public long TotalPaise => checked(TaxablePaise + CgstPaise + SgstPaise + IgstPaise);
}

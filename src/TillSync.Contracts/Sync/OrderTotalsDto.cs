namespace TillSync.Contracts.Sync;

/// <summary>Bill totals in paise. <c>TotalPaise = TaxablePaise + CgstPaise + SgstPaise + IgstPaise + RoundOffPaise</c>,
/// a whole number of rupees.</summary>
/// <param name="TaxablePaise">Sum of line taxable values (gross less discount).</param>
/// <param name="CgstPaise">Central GST, intra-state bills only; equals <paramref name="SgstPaise"/>.</param>
/// <param name="SgstPaise">State GST, intra-state bills only.</param>
/// <param name="IgstPaise">Integrated GST, inter-state bills only.</param>
/// <param name="RoundOffPaise">Rounding to the rupee, -50 to 50.</param>
/// <param name="TotalPaise">Amount payable.</param>
public sealed record OrderTotalsDto(
    long TaxablePaise, long CgstPaise, long SgstPaise, long IgstPaise, long RoundOffPaise, long TotalPaise);

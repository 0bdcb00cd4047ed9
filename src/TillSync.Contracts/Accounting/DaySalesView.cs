namespace TillSync.Contracts.Accounting;

/// <summary>The day's sales: per business day, or per calendar month for a long period, the committed bills and credit
/// notes and what they came to.</summary>
/// <param name="From">First business date included (yyyy-MM-dd, India Standard Time), or null for the beginning.</param>
/// <param name="To">Last business date included, or null for today and after.</param>
/// <param name="StoreId">The store, or null for the whole chain.</param>
/// <param name="Days">One row per business day (or month, with <paramref name="By"/> <c>month</c>) with a bill or a
/// credit note, in date order.</param>
/// <param name="Totals">The sum of the rows; its <c>Date</c> is null.</param>
/// <param name="By">The rows' grain: <see cref="DaySalesGrain.Day"/> or <see cref="DaySalesGrain.Month"/>; a request without
/// <c>by=</c> gets days for a period of up to 92 days and months for a longer or open one, and this says which.</param>
public sealed record DaySalesView(
    string? From, string? To, long? StoreId, IReadOnlyList<DaySalesRow> Days, DaySalesRow Totals, string By = DaySalesGrain.Day);

/// <summary>The grains of the day's sales (<c>by=</c>).</summary>
public static class DaySalesGrain
{
    /// <summary>A row per business day.</summary>
    public const string Day = "day";

    /// <summary>A row per calendar month (<c>yyyy-MM</c>), for periods of many months.</summary>
    public const string Month = "month";
}

/// <summary>One business day's sales.</summary>
/// <param name="Date">The business date (yyyy-MM-dd, IST), or the month (yyyy-MM) by month; null on the totals row.</param>
/// <param name="Bills">Committed bills dated that day.</param>
/// <param name="TaxablePaise">Their taxable value.</param>
/// <param name="TaxPaise">Their GST (CGST + SGST + IGST).</param>
/// <param name="TotalPaise">Their bill totals, round-off included: what the customers paid.</param>
/// <param name="CreditNotes">Committed credit notes (returns) dated that day.</param>
/// <param name="CreditNoteTaxablePaise">Their taxable value.</param>
/// <param name="CreditNoteTaxPaise">Their GST.</param>
/// <param name="CreditNoteTotalPaise">Their totals: what was refunded.</param>
/// <param name="NetPaise"><paramref name="TotalPaise"/> − <paramref name="CreditNoteTotalPaise"/>.</param>
public sealed record DaySalesRow(
    string? Date, long Bills, long TaxablePaise, long TaxPaise, long TotalPaise, long CreditNotes, long CreditNoteTaxablePaise,
    long CreditNoteTaxPaise, long CreditNoteTotalPaise, long NetPaise);

/// <summary>An operator's check of the maintained balances (ADR 0009): the reports of a period as HQ answers them,
/// compared with the same reports computed from every posting, bill line and credit note line. Slow: it scans.</summary>
/// <param name="From">First business date checked (yyyy-MM-dd), or null for the beginning.</param>
/// <param name="To">Last business date checked, or null for the end.</param>
/// <param name="StoreId">The store, or null for the whole chain.</param>
/// <param name="TrialBalanceMatches">True when the trial balance from the balances equals the one from the postings.</param>
/// <param name="GstSummaryMatches">True when the GST summary equals the one from the bills' and credit notes' lines.</param>
/// <param name="DaySalesMatches">True when the day's sales equal those from the bills and credit notes.</param>
public sealed record LedgerCheckView(
    string? From, string? To, long? StoreId, bool TrialBalanceMatches, bool GstSummaryMatches, bool DaySalesMatches);

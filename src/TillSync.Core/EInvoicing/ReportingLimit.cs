namespace TillSync.Core.EInvoicing;

/// <summary>The portal's time limit on reporting a document: a seller whose aggregate annual turnover is ₹10 crore or more
/// cannot register an invoice or a credit note more than <see cref="Days"/> days after the date printed on it (GSTN's
/// advisory of November 2024, in force since April 2025). A bill dated 1 April can be reported up to 1 May; on 2 May the
/// portal refuses it. HQ warns from <see cref="AtRiskFromDays"/> days on (docs/einvoice.md).</summary>
public static class ReportingLimit
{
    /// <summary>Days after its date that a document can still be reported.</summary>
    public const int Days = 30;

    /// <summary>The age in days from which an unregistered document is shown as at risk.</summary>
    public const int AtRiskFromDays = 20;

    /// <summary>The last day a document dated <paramref name="documentDate"/> can be reported.</summary>
    public static DateOnly LastDay(DateOnly documentDate, int days = Days) => documentDate.AddDays(days);

    /// <summary>Whether a document dated <paramref name="documentDate"/> is past the limit on <paramref name="today"/>.</summary>
    public static bool IsPast(DateOnly documentDate, DateOnly today, int days = Days) => today > LastDay(documentDate, days);

    /// <summary>Whether an unregistered document dated <paramref name="documentDate"/> is at risk on <paramref name="today"/>:
    /// <see cref="AtRiskFromDays"/> days old or more, and not yet past the limit.</summary>
    public static bool IsAtRisk(DateOnly documentDate, DateOnly today) =>
        today.DayNumber - documentDate.DayNumber >= AtRiskFromDays && !IsPast(documentDate, today);
}

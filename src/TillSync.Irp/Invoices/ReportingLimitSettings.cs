using TillSync.Core.EInvoicing;
using TillSync.Core.Tax;

namespace TillSync.Irp.Invoices;

/// <summary>Which sellers the portal holds to the reporting limit (<see cref="ReportingLimit"/>), and after how many days.
/// The real portal knows each seller's turnover; the simulator is told which GSTINs are in the band (those with an
/// aggregate annual turnover of ₹10 crore or more), or holds every seller to it.</summary>
/// <param name="Days">Days after its date that a document can still be registered; 0 turns the limit off.</param>
/// <param name="Gstins">The sellers in the band; empty means every seller.</param>
public sealed record ReportingLimitSettings(int Days, IReadOnlySet<string> Gstins)
{
    /// <summary>The portal's default: 30 days, for every seller.</summary>
    public static readonly ReportingLimitSettings Default = new(ReportingLimit.Days, new HashSet<string>(StringComparer.Ordinal));

    /// <summary>The most days a limit may be set to (a year and a day covers any financial year).</summary>
    public const int DaysMax = 366;

    /// <summary>Whether a document of <paramref name="sellerGstin"/> dated <paramref name="documentDate"/> is past the limit
    /// on <paramref name="today"/>.</summary>
    public bool Refuses(string sellerGstin, DateOnly documentDate, DateOnly today) =>
        Days > 0 && (Gstins.Count == 0 || Gstins.Contains(sellerGstin)) && ReportingLimit.IsPast(documentDate, today, Days);

    /// <summary>What is wrong with these settings, or null.</summary>
    public string? Problem() =>
        Days is < 0 or > DaysMax ? $"the reporting limit must be 0 (off) to {DaysMax} days; got {Days}."
        : Gstins.FirstOrDefault(g => !Gstin.IsValid(g)) is { } bad ? $"'{bad}' in the reporting limit's sellers is not a GSTIN."
        : null;

    /// <inheritdoc />
    public override string ToString() =>
        Days == 0 ? "reporting limit off"
        : $"reporting limit {Days} days for {(Gstins.Count == 0 ? "every seller" : string.Join(", ", Gstins.Order(StringComparer.Ordinal)))}";
}

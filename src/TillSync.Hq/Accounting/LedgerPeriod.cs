using System.Globalization;
using TillSync.Core.Orders;
using TillSync.Storage;

namespace TillSync.Hq.Accounting;

/// <summary>The business dates and store a ledger report covers. Dates are calendar days in India Standard Time,
/// both ends included; an absent end is open.</summary>
/// <param name="From">First day, or null.</param>
/// <param name="To">Last day, or null.</param>
/// <param name="StoreId">One store, or null for all.</param>
public sealed record LedgerPeriod(DateOnly? From, DateOnly? To, long? StoreId)
{
    /// <summary>Reads <c>from</c>, <c>to</c> (yyyy-MM-dd) and <c>storeId</c>; returns an error sentence for bad ones.</summary>
    public static (LedgerPeriod? Period, string? Problem) Parse(string? from, string? to, long? storeId)
    {
        if (!TryDate(from, out var fromDate) || !TryDate(to, out var toDate))
        {
            return (null, "from and to are dates written yyyy-MM-dd, e.g. 2026-11-28.");
        }

        if (fromDate > toDate)
        {
            return (null, $"from ({from}) is after to ({to}).");
        }

        return (new LedgerPeriod(fromDate, toDate, storeId), null);
    }

    /// <summary>The period as the API echoes it.</summary>
    public string? FromText => From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The period as the API echoes it.</summary>
    public string? ToText => To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A SQL condition on a table of business days and stores (<c>journal_entries</c>, the per-day balances:
    /// columns <c>entry_date</c> and <c>store_id</c>) aliased <paramref name="alias"/>, and its parameters.</summary>
    public (string Sql, List<(string Name, object? Value)> Parameters) DayFilter(string alias)
    {
        var conditions = new List<string> { "1 = 1" };
        var parameters = new List<(string, object?)>();
        if (From is not null)
        {
            conditions.Add($"{alias}.entry_date >= @from");
            parameters.Add(("@from", FromText));
        }

        if (To is not null)
        {
            conditions.Add($"{alias}.entry_date <= @to");
            parameters.Add(("@to", ToText));
        }

        AddStore(alias, conditions, parameters);
        return (string.Join(" AND ", conditions), parameters);
    }

    /// <summary>A SQL condition on <c>orders</c> aliased <paramref name="alias"/>: the bills dated (IST) in the period.</summary>
    public (string Sql, List<(string Name, object? Value)> Parameters) OrderFilter(string alias)
    {
        var conditions = new List<string> { "1 = 1" };
        var parameters = new List<(string, object?)>();
        if (From is not null)
        {
            conditions.Add($"{alias}.created_at >= @from");
            parameters.Add(("@from", StoredTime.Text(StartOfDay(From.Value))));
        }

        if (To is not null)
        {
            conditions.Add($"{alias}.created_at < @to");
            parameters.Add(("@to", StoredTime.Text(StartOfDay(To.Value.AddDays(1)))));
        }

        AddStore(alias, conditions, parameters);
        return (string.Join(" AND ", conditions), parameters);
    }

    private void AddStore(string alias, List<string> conditions, List<(string, object?)> parameters)
    {
        if (StoreId is not null)
        {
            conditions.Add($"{alias}.store_id = @store");
            parameters.Add(("@store", StoreId.Value));
        }
    }

    private static DateTimeOffset StartOfDay(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), BillNumber.IstOffset);

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        date = parsed;
        return true;
    }
}

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
    public string? FromText => From is { } from ? DayText(from) : null;

    /// <summary>The period as the API echoes it.</summary>
    public string? ToText => To is { } to ? DayText(to) : null;

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

    /// <summary>A SQL row source (for <c>FROM (…) x</c>) over the maintained balances of the period (ADR 0009): the rows of
    /// the month table of <paramref name="table"/> for the whole calendar months the period covers, and the rows of its
    /// day table for the days before the first whole month and after the last — so a period costs its months plus at most
    /// 62 days of rows, however long. Each row gives <paramref name="columns"/> of the table aliased <c>b</c>, filtered by
    /// the period's store and by <paramref name="condition"/> (on <c>b</c>, with parameters the caller adds); in
    /// <paramref name="columns"/>, <c>{period}</c> stands for the row's period key (<c>yyyy-MM-dd</c> or <c>yyyy-MM</c>).</summary>
    public (string Sql, List<(string Name, object? Value)> Parameters) BalanceRows(
        Func<BalanceTables, string> table, string columns, string condition = "1 = 1")
    {
        var pieces = new List<string>();
        var parameters = new List<(string, object?)>();
        foreach (var (tables, low, high) in Slices())
        {
            var conditions = new List<string> { condition };
            if (low is not null)
            {
                conditions.Add($"b.{tables.PeriodColumn} >= @low{pieces.Count}");
                parameters.Add(($"@low{pieces.Count}", low));
            }

            if (high is not null)
            {
                conditions.Add($"b.{tables.PeriodColumn} <= @high{pieces.Count}");
                parameters.Add(($"@high{pieces.Count}", high));
            }

            if (StoreId is not null)
            {
                conditions.Add("b.store_id = @store");
            }

            var rowColumns = columns.Replace("{period}", $"b.{tables.PeriodColumn}", StringComparison.Ordinal);
            pieces.Add($"SELECT {rowColumns} FROM {table(tables)} b WHERE {string.Join(" AND ", conditions)}");
        }

        if (StoreId is not null)
        {
            parameters.Add(("@store", StoreId.Value));
        }

        return (string.Join(" UNION ALL ", pieces), parameters);
    }

    /// <summary>The period key of <paramref name="date"/>'s calendar month in the month tables: <c>yyyy-MM</c>.</summary>
    public static string MonthText(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    // The period cut into the whole months it covers, read from the month tables, and the days at its edges, read from
    // the day tables; each with its first and last period key, inclusive (null: open). A period within one or two months
    // that covers none whole is read from days alone.
    private List<(BalanceTables Tables, string? Low, string? High)> Slices()
    {
        var wholeFrom = From is { } from ? MonthIndex(from) + (from.Day == 1 ? 0 : 1) : (int?)null;
        var wholeTo = To is { } to ? MonthIndex(to) - (to.Day == DateTime.DaysInMonth(to.Year, to.Month) ? 0 : 1) : (int?)null;
        if ((wholeFrom ?? int.MinValue) > Math.Min(wholeTo ?? int.MaxValue, MonthIndex(DateOnly.MaxValue)))
        {
            return [(BalanceTables.Days, FromText, ToText)];
        }

        var slices = new List<(BalanceTables, string?, string?)> { (BalanceTables.Months, MonthOf(wholeFrom), MonthOf(wholeTo)) };
        if (From is { Day: not 1 } head)
        {
            slices.Add((BalanceTables.Days, FromText, DayText(new DateOnly(head.Year, head.Month, DateTime.DaysInMonth(head.Year, head.Month)))));
        }

        if (To is { } tail && tail.Day != DateTime.DaysInMonth(tail.Year, tail.Month))
        {
            slices.Add((BalanceTables.Days, DayText(new DateOnly(tail.Year, tail.Month, 1)), ToText));
        }

        return slices;
    }

    // Months counted from year 0, so that the month after December is the next year's January.
    private static int MonthIndex(DateOnly date) => (date.Year * 12) + date.Month - 1;

    // A month index as its key (months before year 1, which no balance row holds, come out as year 0000).
    private static string? MonthOf(int? index) =>
        index is { } i ? string.Create(CultureInfo.InvariantCulture, $"{i / 12:0000}-{(i % 12) + 1:00}") : null;

    private static string DayText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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

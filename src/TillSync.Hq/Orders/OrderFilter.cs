using TillSync.Core;
using TillSync.Core.Orders;
using TillSync.Hq.Accounting;
using TillSync.Hq.Storage;

namespace TillSync.Hq.Orders;

/// <summary>Which orders a manager's listing asks for (<c>GET /api/v1/orders</c>), and in which order: HQ's commit order
/// (oldest first, the cursor <c>after</c>) or newest first (the cursor <c>before</c>), narrowed by till, bill number
/// (the number or its start), the customer's phone, the buyer's GSTIN and the bills' business dates (IST).</summary>
/// <param name="TillId">One till, or null.</param>
/// <param name="BillNoPrefix">Bills whose number starts with this (a whole number finds that bill), or null.</param>
/// <param name="Phone">The customer's 10-digit phone, or null.</param>
/// <param name="Gstin">The buyer's GSTIN, or null.</param>
/// <param name="Period">The bills' dates; its ends may be open.</param>
/// <param name="NewestFirst">True for newest first.</param>
/// <param name="Cursor">The last hqSeq of the previous page: orders after it (oldest first) or before it (newest first).</param>
/// <param name="PageSize">1 to <see cref="Limits.OrdersPageMax"/>.</param>
public sealed record OrderFilter(
    long? TillId, string? BillNoPrefix, string? Phone, string? Gstin, LedgerPeriod Period, bool NewestFirst, long? Cursor, int PageSize)
{
    /// <summary>The sort that lists newest first.</summary>
    public const string Newest = "newest";

    /// <summary>The sort that lists in commit order, the default.</summary>
    public const string Oldest = "oldest";

    /// <summary>The filter a query asks for, or a sentence saying what is wrong with it.</summary>
    public static (OrderFilter? Filter, string? Problem) Parse(
        long? tillId, string? billNo, string? phone, string? gstin, string? from, string? to, string? sort, long? after, long? before, int? limit,
        Stores.GstinPolicy gstins)
    {
        var (period, problem) = LedgerPeriod.Parse(from, to, null);
        if (period is null)
        {
            return (null, problem);
        }

        billNo = Blank(billNo)?.ToUpperInvariant();
        phone = Blank(phone);
        gstin = Blank(gstin)?.ToUpperInvariant();
        var pageSize = limit ?? 100;
        var newestFirst = sort == Newest;
        string? wrong = (billNo, phone, gstin, sort) switch
        {
            (not null, _, _, _) when billNo.Length > Limits.BillNoLengthMax || !billNo.All(BillNumber.IsAllowedCharacter) =>
                $"billNo is a bill number or its start: at most {Limits.BillNoLengthMax} letters, digits, '/' or '-', e.g. T01/2627/.",
            (_, not null, _, _) when !OrderRules.IsValidPhone(phone) => "phone is the customer's 10-digit mobile number, e.g. 9876543210.",
            (_, _, not null, _) when !gstins.IsValid(gstin) => $"gstin is a buyer's GSTIN: {gstins.Requirement}, e.g. 29AAACR5055K1Z3.",
            (_, _, _, not (null or "" or Newest or Oldest)) => $"sort is {Oldest} (commit order, the default) or {Newest}.",
            _ when pageSize is < 1 or > Limits.OrdersPageMax => $"limit must be 1 to {Limits.OrdersPageMax}.",
            _ when after < 0 || before < 0 => "after and before must not be negative.",
            _ when (newestFirst ? after is not null : before is not null) =>
                $"after pages the oldest-first listing and before the newest-first one (sort={Newest}).",
            _ => null,
        };
        return wrong is not null
            ? (null, wrong)
            : (new OrderFilter(tillId, billNo, phone, gstin, period, newestFirst, newestFirst ? before : after, pageSize), null);
    }

    /// <summary>The condition on <c>orders</c> aliased <c>o</c> and its parameters, on <paramref name="engine"/>; the
    /// cursor included.</summary>
    public (string Sql, List<(string Name, object? Value)> Parameters) Where(DatabaseEngine engine)
    {
        var (sql, parameters) = Period.OrderFilter("o");
        var conditions = new List<string> { sql };
        if (Cursor is { } cursor)
        {
            conditions.Add(NewestFirst ? "o.hq_seq < @cursor" : "o.hq_seq > @cursor");
            parameters.Add(("@cursor", cursor));
        }

        if (TillId is { } till)
        {
            conditions.Add("o.till_id = @till");
            parameters.Add(("@till", till));
        }

        // A range, not LIKE or substr, so that the bill number index serves it (migration 0027): the bills from the start
        // up to, not including, the start with its last character raised. Byte order on both engines: SQLite's binary
        // collation, PostgreSQL's "C" (the index's); a language's collation would put other numbers inside the range.
        if (BillNoPrefix is { } prefix)
        {
            var billNo = engine.Kind == StoreEngine.Postgres ? "o.bill_no COLLATE \"C\"" : "o.bill_no";
            conditions.Add($"{billNo} >= @bill AND {billNo} < @billEnd");
            parameters.Add(("@bill", prefix));
            parameters.Add(("@billEnd", string.Concat(prefix.AsSpan(0, prefix.Length - 1), [(char)(prefix[^1] + 1)])));
        }

        if (Phone is { } phone)
        {
            conditions.Add($"{engine.JsonTextSql("o.body_json", "customer", "phone")} = @phone");
            parameters.Add(("@phone", phone));
        }

        if (Gstin is { } gstin)
        {
            conditions.Add("o.customer_gstin = @gstin");
            parameters.Add(("@gstin", gstin));
        }

        return (string.Join(" AND ", conditions), parameters);
    }

    /// <summary>The ORDER BY of the listing.</summary>
    public string OrderBy => NewestFirst ? "o.hq_seq DESC" : "o.hq_seq";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

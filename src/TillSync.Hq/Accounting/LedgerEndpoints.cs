using System.Data.Common;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using TillSync.Contracts.Accounting;
using TillSync.Core;
using TillSync.Hq.Access;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.Accounting;

/// <summary>The books for managers and accountants: trial balance, journal (JSON or hledger), GST summary and the day's
/// sales. Each
/// takes an optional period (<c>from</c>, <c>to</c>: yyyy-MM-dd business dates, IST) and <c>storeId</c>.</summary>
public static class LedgerEndpoints
{
    /// <summary>Maps the <c>/ledger/…</c> endpoints.</summary>
    public static void MapLedgerEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/ledger/trial-balance", TrialBalanceAsync).RequireManager().Produces<TrialBalanceView>().ProducesProblem(400);
        api.MapGet("/ledger/gst-summary", GstSummaryAsync).RequireManager().Produces<GstSummaryView>().ProducesProblem(400);
        api.MapGet("/ledger/day-sales", DaySalesAsync).RequireManager().Produces<DaySalesView>().ProducesProblem(400);
        api.MapGet("/ledger/check", CheckAsync).RequireManager().Produces<LedgerCheckView>().ProducesProblem(400);
        api.MapGet("/ledger/journal", JournalAsync).RequireManager()
            .Produces<JournalPage>().Produces<string>(200, "text/plain").ProducesProblem(400);
    }

    private static Task<IResult> TrialBalanceAsync(HttpContext http, HqDatabase database, string? from, string? to, long? storeId) =>
        InSnapshotAsync(http, database, from, to, storeId,
            async (snapshot, period) => TypedResults.Ok(await TrialBalance.LoadAsync(snapshot, period, http.RequestAborted)));

    private static Task<IResult> GstSummaryAsync(HttpContext http, HqDatabase database, string? from, string? to, long? storeId) =>
        InSnapshotAsync(http, database, from, to, storeId,
            async (snapshot, period) => TypedResults.Ok(await GstSummary.LoadAsync(snapshot, period, http.RequestAborted)));

    private static async Task<IResult> DaySalesAsync(HttpContext http, HqDatabase database, string? from, string? to, long? storeId, string? by)
    {
        if (by is not (null or DaySalesGrain.Day or DaySalesGrain.Month))
        {
            return Problems.BadRequest($"by '{(by.Length > 20 ? by[..20] : by)}' is not known; use day or month (without it: by day up to {DaySales.ByDaySpanDaysMax} days, by month beyond).");
        }

        return await InSnapshotAsync(http, database, from, to, storeId,
            async (snapshot, period) => TypedResults.Ok(await DaySales.LoadAsync(snapshot, period, by ?? DaySales.DefaultGrain(period), http.RequestAborted)));
    }

    // The maintained balances against a full scan, for an operator who doubts them (ADR 0009); as slow as the scan.
    private static Task<IResult> CheckAsync(HttpContext http, HqDatabase database, string? from, string? to, long? storeId) =>
        InSnapshotAsync(http, database, from, to, storeId,
            async (snapshot, period) => TypedResults.Ok(await LedgerScan.CheckAsync(snapshot, period, http.RequestAborted)));

    private static async Task<IResult> JournalAsync(
        HttpContext http, HqDatabase database, TimeProvider time, string? format, string? from, string? to, long? storeId, long? after, int? limit,
        [FromQuery(Name = "ref")] string? entryRef, string? kind)
    {
        if (format is not (null or "json" or "hledger"))
        {
            return Problems.BadRequest($"format '{(format.Length > 20 ? format[..20] : format)}' is not known; use json (the default) or hledger.");
        }

        // One event's entry, e.g. a bill's (sale:<clientOrderId>) for the orders page; a ref is short, and names JSON entries.
        if (entryRef is not null && (entryRef.Length is 0 or > JournalKinds.RefLengthMax || format == "hledger"))
        {
            return Problems.BadRequest($"ref names one entry (e.g. sale:<clientOrderId>, at most {JournalKinds.RefLengthMax} characters) of the JSON journal.");
        }

        // One kind of entry, e.g. the revaluations of cost changes for the books page.
        if (kind is not null && (!JournalKinds.All.Contains(kind, StringComparer.Ordinal) || format == "hledger"))
        {
            return Problems.BadRequest($"kind names one kind of entry of the JSON journal: {string.Join(", ", JournalKinds.All)}.");
        }

        var pageSize = limit ?? 100;
        if (pageSize is < 1 or > Limits.JournalPageMax || after < 0)
        {
            return Problems.BadRequest($"limit must be 1 to {Limits.JournalPageMax} and after must not be negative.");
        }

        return await WithPeriodAsync(http, database, from, to, storeId, async (connection, period) =>
        {
            if (format != "hledger")
            {
                return TypedResults.Ok(await JournalPages.LoadAsync(connection, period, after ?? 0, pageSize, entryRef, kind, http.RequestAborted));
            }

            http.Response.ContentType = "text/plain; charset=utf-8";
            http.Response.Headers.ContentDisposition = "inline; filename=\"tillsync.journal\"";
            await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 64 * 1024);
            await HledgerJournal.WriteAsync(connection, period, writer, time.GetUtcNow(), http.RequestAborted);
            return TypedResults.Empty;
        });
    }

    // A report's queries read one consistent snapshot, so that its rows and counts agree however HQ is posting meanwhile.
    private static Task<IResult> InSnapshotAsync(
        HttpContext http, HqDatabase database, string? from, string? to, long? storeId, Func<DbTransaction, LedgerPeriod, Task<IResult>> report) =>
        WithPeriodAsync(http, database, from, to, storeId, async (connection, period) =>
        {
            await using var snapshot = await database.BeginReadAsync(connection, http.RequestAborted);
            return await report(snapshot, period);
        });

    private static async Task<IResult> WithPeriodAsync(
        HttpContext http, HqDatabase database, string? from, string? to, long? storeId, Func<DbConnection, LedgerPeriod, Task<IResult>> report)
    {
        var (period, problem) = LedgerPeriod.Parse(from, to, storeId);
        if (period is null)
        {
            return Problems.BadRequest(problem!);
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        if (storeId is not null && await connection.Command("SELECT 1 FROM stores WHERE store_id = @store").With("@store", storeId.Value)
                .ScalarAsync(http.RequestAborted) is null)
        {
            return Problems.BadRequest($"storeId {storeId} is not a store.");
        }

        return await report(connection, period);
    }
}

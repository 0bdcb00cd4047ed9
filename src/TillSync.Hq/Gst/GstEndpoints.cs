using System.Data.Common;
using TillSync.Contracts.Gst;
using TillSync.Hq.Access;
using TillSync.Hq.Accounting;
using TillSync.Hq.Storage;
using TillSync.Hq.Stores;
using TillSync.Hq.Web;

namespace TillSync.Hq.Gst;

/// <summary>GSTR-1 for managers and accountants (docs/gst.md): <c>GET /api/v1/gst/gstr1?period=MMYYYY&amp;storeId=</c>
/// answers the return in the portal's offline-tool JSON, and <c>…/gstr1/summary</c> its figures by section beside the
/// journal's. Without <c>storeId</c>, the default store.</summary>
public static class GstEndpoints
{
    /// <summary>Maps the <c>/gst/…</c> endpoints.</summary>
    public static void MapGstEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/gst/gstr1", ReturnAsync).RequireManager().Produces<Gstr1Return>().ProducesProblem(400);
        api.MapGet("/gst/gstr1/summary", SummaryAsync).RequireManager().Produces<Gstr1SummaryView>().ProducesProblem(400);
    }

    private static Task<IResult> ReturnAsync(HttpContext http, HqDatabase database, string? period, long? storeId) =>
        InMonthAsync(http, database, period, storeId, (month, store, documents, _) =>
            Task.FromResult<IResult>(TypedResults.Ok(Gstr1Builder.Build(store.Gstin, month, documents))));

    private static Task<IResult> SummaryAsync(HttpContext http, HqDatabase database, string? period, long? storeId) =>
        InMonthAsync(http, database, period, storeId, async (month, store, documents, snapshot) =>
        {
            var books = await TrialBalance.LoadAsync(snapshot, month.Books(store.StoreId), http.RequestAborted);
            return TypedResults.Ok(Gstr1Summary.Of(month, store.StoreId, store.Gstin, documents, books));
        });

    // The period and store checked, then the month's documents (and whatever else the answer reads) in one snapshot, so
    // that the return and the journal beside it agree however HQ is posting meanwhile.
    private static async Task<IResult> InMonthAsync(
        HttpContext http, HqDatabase database, string? period, long? storeId,
        Func<Gstr1Period, (long StoreId, string Gstin), List<Gstr1Document>, DbTransaction, Task<IResult>> answer)
    {
        var (month, problem) = Gstr1Period.Parse(period);
        if (month is null)
        {
            return Problems.BadRequest(problem!);
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        var resolved = await StoreReader.ResolveAsync(connection, null, storeId, http.RequestAborted);
        var store = resolved is { } id ? await StoreReader.FindAsync(connection, id, http.RequestAborted) : null;
        if (store is null)
        {
            return Problems.BadRequest(storeId is null
                ? "HQ has no store yet, so no GSTIN to file for: configure it with PUT /api/v1/store."
                : $"storeId {storeId} is not a store.");
        }

        if (!http.RequestServices.GetRequiredService<Stores.GstinPolicy>().IsValid(store.Details.Gstin))
        {
            return Problems.BadRequest($"store {store.StoreId} has no valid GSTIN ('{store.Details.Gstin}'): correct it with the store API first.");
        }

        await using var snapshot = await database.BeginReadAsync(connection, http.RequestAborted);
        var documents = await Gstr1Documents.LoadAsync(snapshot, month, store.StoreId, store.Details.StateCode, http.RequestAborted);
        return await answer(month, (store.StoreId, store.Details.Gstin), documents, snapshot);
    }
}
